package org.invisiblebars.entry.usecase;

/**
 * The contract with {@code processes/incident-review.bpmn}: an incident recorded at a visit's
 * check-out waits for the organisation's contest until the contest period ends; a contested one is
 * decided by the director. Business key and record id: the visit's id (one incident per visit).
 */
public final class IncidentReviewProcess {

  public static final String KEY = "incident-review";

  /** Element ids. */
  public static final class Element {
    public static final String INCIDENT_RECORDED = "StartEvent_IncidentRecorded";
    public static final String CONTESTED_IN_TIME = "Gateway_ContestedInTime";
    public static final String INCIDENT_CONTESTED = "Event_IncidentContested";
    public static final String DECIDE_CONTESTED_INCIDENT = "Task_DecideContestedIncident";
    public static final String INCIDENT_UPHELD_GATEWAY = "Gateway_IncidentUpheld";
    public static final String INCIDENT_UPHELD = "EndEvent_IncidentUpheld";
    public static final String INCIDENT_DISMISSED = "EndEvent_IncidentDismissed";
    public static final String CONTEST_PERIOD_ENDED = "Timer_ContestPeriodEnded";
    public static final String UPHOLD_UNCONTESTED_INCIDENT = "Task_UpholdUncontestedIncident";
    public static final String INCIDENT_UPHELD_UNCONTESTED = "EndEvent_IncidentUpheldUncontested";

    private Element() {}
  }

  /** Message names, correlated by business key (the visit id). */
  public static final class Message {
    public static final String INCIDENT_CONTESTED = "IncidentContested";

    /** The contest message's id in the model: the decision log's step of a contest. */
    public static final String INCIDENT_CONTESTED_ID = "Message_IncidentContested";

    private Message() {}
  }

  /** Variable names. */
  public static final class Variable {
    public static final String VISIT_ID = "visitId";

    /** Display values for the Tasklist filters' columns, the only non-id variables. */
    public static final String ORGANISATION_NAME = "organisationName";

    public static final String FACILITY_NAME = "facilityName";

    /** When the organisation's period to contest ends (the timer's date). */
    public static final String CONTEST_DEADLINE = "contestDeadline";

    /** The director's decision on a contested incident. */
    public static final String INCIDENT_UPHELD = "incidentUpheld";

    private Variable() {}
  }

  /** Spring beans the model refers to by delegate expression; each is published for models. */
  public static final class Bean {
    public static final String UPHOLD_UNCONTESTED = "upholdUncontestedIncidentDelegate";

    private Bean() {}
  }

  private IncidentReviewProcess() {}
}
