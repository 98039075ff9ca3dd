package org.invisiblebars.meeting.usecase;

import java.util.Set;

/**
 * The contract with {@code processes/agreed-action.bpmn}: one instance per action a coordination
 * meeting agreed (business key: the meeting's reference, shared by its actions), open until the
 * action is done. Its task is due on the action's due date, so an overdue action is breached and
 * escalated by the SLA policy like any late task.
 */
public final class AgreedActionProcess {

  public static final String KEY = "agreed-action";

  /** Element ids. */
  public static final class Element {
    public static final String ACTION_AGREED = "StartEvent_ActionAgreed";

    /** The owner's work, recorded done in Tasklist by a liaison officer. */
    public static final String RECORD_ACTION_DONE = "Task_RecordActionDone";

    /** Recorded done through the API (by the organisation for its actions, or staff). */
    public static final String DONE_THROUGH_API = "Event_ActionDoneThroughApi";

    public static final String ACTION_DONE = "EndEvent_ActionDone";
    public static final String ACTION_DONE_THROUGH_API = "EndEvent_ActionDoneThroughApi";

    private Element() {}
  }

  /** Message names, correlated by the action id variable. */
  public static final class Message {
    public static final String ACTION_DONE = "AgreedActionDone";

    private Message() {}
  }

  /** Variable names. */
  public static final class Variable {
    public static final String ACTION_ID = "actionId";
    public static final String MEETING_ID = "meetingId";

    /** The action's due date (the end of its day, UTC): the task's due date. */
    public static final String DUE_AT = "actionDueAt";

    public static final Set<String> RECORDED = Set.of(ACTION_ID, MEETING_ID, DUE_AT);

    private Variable() {}
  }

  private AgreedActionProcess() {}
}
