package org.invisiblebars.meeting.usecase;

import java.util.Set;

/**
 * The contract with {@code processes/coordination-meeting.bpmn}: its key, element ids and
 * variables. A meeting ends when its minutes and agreed actions are recorded, so that the report
 * review that calls it goes on at once; each action is then tracked by an {@link
 * AgreedActionProcess} instance of its own. Variables are ids and routing flags only.
 */
public final class CoordinationMeetingProcess {

  public static final String KEY = "coordination-meeting";

  /** Element ids. */
  public static final class Element {
    public static final String MEETING_CALLED = "StartEvent_MeetingCalled";

    /** Opens the meeting a report review calls; one arranged through the API is open already. */
    public static final String OPEN_MEETING = "Task_OpenMeeting";

    public static final String HOLD_MEETING = "Task_HoldCoordinationMeeting";
    public static final String ACTION_TO_RECORD = "Gateway_ActionToRecord";

    /** Records one agreed action; comes back while the liaison officer has another to record. */
    public static final String RECORD_AGREED_ACTION = "Task_RecordAgreedAction";

    /** Starts one agreed-action process per action, so the meeting itself can end. */
    public static final String TRACK_AGREED_ACTIONS = "Task_TrackAgreedActions";

    public static final String MINUTES_RECORDED = "EndEvent_MinutesRecorded";

    private Element() {}
  }

  /** Variable names. */
  public static final class Variable {
    public static final String MEETING_ID = "meetingId";

    /** Passed in by the report review's call activity: the meeting is the review's own. */
    public static final String REPORT_ID = "reportId";

    /** Set by the meeting's forms: the liaison officer has an agreed action to record next. */
    public static final String ACTION_TO_RECORD = "actionToRecord";

    /** The only variables of this process that reach the engine's history. */
    public static final Set<String> RECORDED = Set.of(MEETING_ID, REPORT_ID, ACTION_TO_RECORD);

    private Variable() {}
  }

  /** Spring beans the model refers to by delegate expression; each is published for models. */
  public static final class Bean {
    public static final String OPEN_MEETING_DELEGATE = "openMeetingDelegate";
    public static final String TRACK_AGREED_ACTIONS_DELEGATE = "trackAgreedActionsDelegate";

    private Bean() {}
  }

  private CoordinationMeetingProcess() {}
}
