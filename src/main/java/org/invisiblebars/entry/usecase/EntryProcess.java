package org.invisiblebars.entry.usecase;

/**
 * The contract with {@code processes/entry-authorisation.bpmn}: its key, element ids, messages and
 * variables. Variables are the visit id, routing flags and the dates of the timers; the visit, the
 * risk assessment and the gate records live in our tables.
 */
public final class EntryProcess {

  public static final String KEY = "entry-authorisation";

  /** Element ids. */
  public static final class Element {
    public static final String CHECK_SCOPE = "Task_CheckScope";
    public static final String VISIT_REJECTED = "EndEvent_VisitRejected";
    public static final String ANNOUNCED = "Gateway_Announced";
    public static final String DECIDE_VISIT = "SubProcess_DecideVisit";
    public static final String PROPOSE_VISIT_RISK = "Task_ProposeVisitRisk";
    public static final String ASSESS_VISIT_RISK = "Task_AssessVisitRisk";
    public static final String DETERMINE_SEARCH_PROTOCOL = "Task_DetermineSearchProtocol";
    public static final String AUTHORISE_VISIT = "Task_AuthoriseVisit";
    public static final String AUTHORISATION_DENIED = "EndEvent_AuthorisationDenied";
    public static final String SCHEDULE_VISIT = "Task_ScheduleVisit";
    public static final String ISSUE_SEARCH_NOTICE = "Task_IssueSearchNotice";
    public static final String DECISION_OVERDUE = "Timer_DecisionOverdue";
    public static final String ESCALATE_VISIT_DECISION = "Task_EscalateVisitDecision";

    /** Undecided when the gate opens (a formal monitor) or when the window passes (an NGO). */
    public static final String UNDECIDED = "Timer_Undecided";

    public static final String FORMAL_MONITOR = "Gateway_FormalMonitor";
    public static final String EXPIRE_VISIT = "Task_ExpireVisit";
    public static final String VISIT_EXPIRED_UNDECIDED = "EndEvent_VisitExpiredUndecided";
    public static final String VISIT_DENIED = "EndEvent_VisitDenied";
    public static final String GATE_OPENS = "Timer_GateOpens";

    /**
     * A formal monitor goes to the gate by right: unannounced, or undecided when the gate opens.
     */
    public static final String ADMIT_BY_RIGHT = "Task_AdmitByRight";

    /**
     * The director's information task about a formal monitor at the gate; it never blocks entry.
     */
    public static final String NOTE_MONITOR_VISIT = "Task_NoteMonitorVisit";

    public static final String MONITOR_VISIT_NOTED = "EndEvent_MonitorVisitNoted";
    public static final String VISIT_WINDOW_OVER = "Timer_VisitWindowOver";
    public static final String NOTE_LAPSED = "EndEvent_NoteLapsed";
    public static final String GATE = "SubProcess_Gate";
    public static final String LIST_VISITORS_TO_BRIEF = "Task_ListVisitorsToBrief";
    public static final String LIST_VISITORS_TO_CHECK_IN = "Task_ListVisitorsToCheckIn";
    public static final String HOLD_SECURITY_BRIEFING = "Task_HoldSecurityBriefing";
    public static final String CHECK_IN_VISITOR = "Task_CheckInVisitor";
    public static final String WINDOW_PASSED = "Timer_WindowPassed";
    public static final String CLOSE_GATE = "Task_CloseGate";
    public static final String NO_ENTRY = "EndEvent_NoEntry";
    public static final String VISIT_EXPIRED = "EndEvent_VisitExpired";
    public static final String CHECK_OUT_VISITORS = "Task_CheckOutVisitors";
    public static final String CHECK_OUT_OVERDUE = "Timer_CheckOutOverdue";
    public static final String ACCOUNT_FOR_VISITORS = "Task_AccountForVisitors";
    public static final String VISITORS_ACCOUNTED_FOR = "EndEvent_VisitorsAccountedFor";
    public static final String VISIT_COMPLETED = "EndEvent_VisitCompleted";
    public static final String VISIT_CANCELLED = "EndEvent_VisitCancelled";

    /** Refuses a cancellation message that did not come through the visit's use case. */
    public static final String CONFIRM_CANCELLATION = "Task_ConfirmCancellation";

    private Element() {}
  }

  /** Message names, correlated by business key (the visit id). */
  public static final class Message {
    public static final String VISIT_CANCELLED = "VisitCancelled";

    /** The cancellation message's id in the model: the decision log's step of a cancellation. */
    public static final String VISIT_CANCELLED_ID = "Message_VisitCancelled";

    private Message() {}
  }

  /** Variable names. */
  public static final class Variable {
    public static final String VISIT_ID = "visitId";

    /** Display values for the Tasklist filters' columns, the only non-id variables. */
    public static final String ORGANISATION_NAME = "organisationName";

    public static final String FACILITY_NAME = "facilityName";
    public static final String FORMAL_MANDATE = "formalMandate";
    public static final String ANNOUNCED = "announced";
    public static final String IN_SCOPE = "inScope";
    public static final String DIRECTOR_AUTHORISATION_REQUIRED = "directorAuthorisationRequired";
    public static final String VISIT_AUTHORISED = "visitAuthorised";
    public static final String ESCALATE_AT = "escalateAt";
    public static final String GATE_OPENS_AT = "gateOpensAt";
    public static final String WINDOW_ENDS_AT = "windowEndsAt";
    public static final String CHECK_OUT_ALERT_AT = "checkOutAlertAt";

    /**
     * Element variable of the briefing and check-in multi-instances: one representative per task.
     */
    public static final String REPRESENTATIVE_ID = "representativeId";

    /**
     * Transient collections of the check-ins and the briefings, set just before each (never
     * stored).
     */
    public static final String REPRESENTATIVE_IDS = "representativeIds";

    public static final String UNBRIEFED_REPRESENTATIVE_IDS = "unbriefedRepresentativeIds";

    /** Where the visit stands when the gate closes: IN_PROGRESS, NO_ENTRY or EXPIRED. */
    public static final String GATE_OUTCOME = "gateOutcome";

    private Variable() {}
  }

  /** Spring beans the model refers to by delegate expression; each is published for models. */
  public static final class Bean {
    public static final String CHECK_SCOPE = "checkVisitScopeDelegate";
    public static final String PROPOSE_RISK = "proposeVisitRiskDelegate";
    public static final String DETERMINE_SEARCH_PROTOCOL = "determineSearchProtocolDelegate";
    public static final String ISSUE_SEARCH_NOTICE = "issueSearchNoticeDelegate";
    public static final String ESCALATE = "escalateVisitDecisionDelegate";
    public static final String EXPIRE = "expireVisitDelegate";
    public static final String CLOSE_GATE = "closeGateDelegate";
    public static final String ADMIT_BY_RIGHT = "admitByRightDelegate";
    public static final String CONFIRM_CANCELLATION = "confirmVisitCancellationDelegate";

    /** Lists the representatives at the gate: everyone named, and those never briefed. */
    public static final String LIST_VISITORS = "listVisitorsDelegate";

    /**
     * The same lists, as the collections of instances started on earlier versions of the model call
     * them.
     */
    public static final String REPRESENTATIVES = "visitRepresentatives";

    private Bean() {}
  }

  private EntryProcess() {}
}
