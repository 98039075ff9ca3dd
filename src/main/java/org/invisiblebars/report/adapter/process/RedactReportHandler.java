package org.invisiblebars.report.adapter.process;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Optional;
import org.invisiblebars.organisation.domain.MandateType;
import org.invisiblebars.platform.task.Completion;
import org.invisiblebars.platform.task.Prefilled;
import org.invisiblebars.platform.task.TaskCase;
import org.invisiblebars.platform.task.UserTaskHandlerFor;
import org.invisiblebars.report.domain.PublicText;
import org.invisiblebars.report.usecase.PublishReport;
import org.invisiblebars.report.usecase.ReportPublicationProcess;
import org.invisiblebars.report.usecase.ReportPublicationProcess.Element;
import org.invisiblebars.report.usecase.ReportQueries;
import org.invisiblebars.report.usecase.ReviewReport;

/**
 * Redact report for publication: the liaison officer writes the public version the organisation
 * asked for, starting from the report's texts (or the last preview). The allegation's details and
 * the people the report names are never offered; the safety net refuses a text that names a person
 * the system knows or repeats the allegation. The version becomes the organisation's preview.
 */
@UserTaskHandlerFor(process = ReportPublicationProcess.KEY, task = Element.REDACT_REPORT)
class RedactReportHandler
    extends ReportTaskHandler<RedactReportHandler.Form, RedactReportHandler.Display> {

  /** What an NPM's redactor may change (OPCAT art. 21(2): personal data only). */
  static final String NPM_NOTE =
      "This is a National Preventive Mechanism's report: remove personal data only and leave the rest of its text as it is (OPCAT art. 21(2)); the mechanism consents to the exact preview.";

  record Form(
      @NotBlank @Size(max = 300) String publicTitle,
      @Size(max = 8000) String publicGoodPractices,
      @NotBlank @Size(max = 8000) String publicFindings,
      @NotBlank @Size(max = 8000) String publicRecommendations,
      @Size(max = 8000) String publicResponse) {}

  /** The report (without the allegation's details), the organisation's comments and the texts. */
  record Display(
      String reportSummary,
      String changesRequested,
      @Prefilled String publicTitle,
      @Prefilled String publicGoodPractices,
      @Prefilled String publicFindings,
      @Prefilled String publicRecommendations,
      @Prefilled String publicResponse) {}

  private final PublishReport publication;

  RedactReportHandler(
      PublishReport publication,
      ReviewReport review,
      ReportQueries queries,
      ReportAuthorizations authorizations) {
    super(ReportTasks.PUBLICATION, review, queries, authorizations);
    this.publication = publication;
  }

  @Override
  public Display display(TaskCase task) {
    PublicText draft = publication.draft(task.id());
    String comments = publication.changesRequested(task.id());
    String note =
        queries.scoped(task.id(), Optional.empty()).getMandateType() == MandateType.NPM
            ? NPM_NOTE
            : "";
    return new Display(
        queries.publicationSummary(task.id()),
        (comments == null ? "None yet." : comments) + (note.isEmpty() ? "" : "\n\n" + note),
        draft.title(),
        draft.goodPractices(),
        draft.findings(),
        draft.recommendations(),
        draft.response());
  }

  @Override
  public Completion complete(TaskCase task, Form form) {
    var redacted =
        publication.redact(
            task.id(),
            new PublicText(
                form.publicTitle().strip(),
                strip(form.publicGoodPractices()),
                form.publicFindings().strip(),
                form.publicRecommendations().strip(),
                strip(form.publicResponse())),
            task.actor());
    return Completion.logged(
        "PUBLIC_VERSION_REDACTED", "preview version " + redacted.getVersion() + " for consent");
  }

  private static String strip(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
