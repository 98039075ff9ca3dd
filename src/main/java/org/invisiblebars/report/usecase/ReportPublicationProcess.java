package org.invisiblebars.report.usecase;

import java.util.Set;

/**
 * The contract with {@code processes/report-publication.bpmn}: an organisation's request to publish
 * its released report, through redaction and its consent to the preview, to the public register.
 * Variables are the report id only: the public texts live in our tables.
 */
public final class ReportPublicationProcess {

  public static final String KEY = "report-publication";

  /** Element ids. */
  public static final class Element {
    public static final String PUBLICATION_REQUESTED = "StartEvent_PublicationRequested";
    public static final String REDACT_REPORT = "Task_RedactReport";
    public static final String AWAIT_CONSENT = "Gateway_AwaitConsent";
    public static final String CONSENT_GIVEN = "Event_ConsentGiven";
    public static final String CHANGES_REQUESTED = "Event_ChangesRequested";
    public static final String PUBLISH_ON_REGISTER = "Task_PublishOnRegister";
    public static final String REPORT_PUBLISHED = "EndEvent_ReportPublished";

    private Element() {}
  }

  /** Message names, correlated by business key (the report id). */
  public static final class Message {
    public static final String CONSENT_GIVEN = "PublicationConsented";
    public static final String CHANGES_REQUESTED = "PublicationChangesRequested";

    private Message() {}
  }

  /** Variable names. */
  public static final class Variable {
    public static final String REPORT_ID = ReportReviewProcess.Variable.REPORT_ID;

    /** The only variable of this process that reaches the engine's history. */
    public static final Set<String> RECORDED = Set.of(REPORT_ID);

    private Variable() {}
  }

  /** Spring beans the model refers to by delegate expression; each is published for models. */
  public static final class Bean {
    public static final String PUBLISH_ON_REGISTER_DELEGATE = "publishOnRegisterDelegate";

    private Bean() {}
  }

  private ReportPublicationProcess() {}
}
