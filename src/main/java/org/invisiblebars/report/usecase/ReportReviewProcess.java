package org.invisiblebars.report.usecase;

import java.util.Set;

/**
 * The contract with {@code processes/report-review.bpmn}: its key, element ids, messages and
 * variables. Variables are ids, dates and routing flags only: the report's title, findings and
 * recommendations never enter the engine, so nothing confidential reaches its history.
 */
public final class ReportReviewProcess {

  public static final String KEY = "report-review";

  /** Element ids. */
  public static final class Element {
    public static final String REPORT_SUBMITTED = "StartEvent_ReportSubmitted";
    public static final String REFER_ALLEGATION = "Task_ReferAllegation";
    public static final String ALLEGATION_REFERRED = "EndEvent_AllegationReferred";
    public static final String NO_ALLEGATION = "EndEvent_NoAllegation";
    public static final String CONFIDENTIAL_REVIEW = "SubProcess_ConfidentialReview";
    public static final String LIST_RECOMMENDATIONS = "Task_ListRecommendations";

    /** Multi-instance: one task per recommendation, which the director assigns to a unit. */
    public static final String ACKNOWLEDGE_REPORT = "Task_AcknowledgeReport";

    /**
     * Calls coordination-meeting with the report's business key and id; returns once the minutes
     * and agreed actions are recorded (the actions are tracked on by instances of their own).
     */
    public static final String HOLD_COORDINATION_MEETING = "CallActivity_HoldCoordinationMeeting";

    public static final String LIST_RECOMMENDATIONS_TO_ANSWER = "Task_ListRecommendationsToAnswer";

    /** Multi-instance: one task per recommendation, each with its own due date. */
    public static final String ANSWER_RECOMMENDATION = "Task_AnswerRecommendation";

    /**
     * Submits the answers as the plan of action (perhaps waiving confidentiality), or asks for more
     * time.
     */
    public static final String PREPARE_PLAN_OF_ACTION = "Task_PreparePlanOfAction";

    public static final String MORE_TIME_ASKED = "Gateway_MoreTimeAsked";
    public static final String WAIVED_WITH_PLAN = "Gateway_WaivedWithPlan";
    public static final String PLAN_SUBMITTED = "EndEvent_PlanSubmitted";

    /** Terminates the confidential review: a waiver given with the plan releases the report now. */
    public static final String RELEASED_EARLY_WITH_PLAN = "EndEvent_WaivedWithPlan";

    public static final String AWAIT_END_OF_PERIOD = "Gateway_AwaitEndOfPeriod";
    public static final String REVIEW_PERIOD_ENDED = "Timer_ReviewPeriodEnded";
    public static final String EXTENSION_AGREED = "Event_ExtensionAgreed";
    public static final String CONFIDENTIALITY_WAIVED = "Event_ConfidentialityWaived";

    /**
     * Releases the report to its organisation (an ICRC report stays confidential); publishes
     * nothing.
     */
    public static final String RELEASE_REPORT = "Task_ReleaseReport";

    public static final String REPORT_RELEASED = "EndEvent_ReportReleased";
    public static final String LIST_FOLLOW_UPS = "Task_ListFollowUps";
    public static final String FOLLOW_UP = "SubProcess_FollowUp";
    public static final String SCHEDULE_FOLLOW_UP = "Task_ScheduleFollowUp";
    public static final String FOLLOW_UP_DUE = "Timer_FollowUpDue";
    public static final String RECORD_FOLLOW_UP = "Task_RecordFollowUp";
    public static final String RECOMMENDATION_CLOSED = "EndEvent_RecommendationClosed";
    public static final String CLOSE_FOLLOW_UP = "Task_CloseFollowUp";
    public static final String FOLLOW_UP_CLOSED = "EndEvent_FollowUpClosed";

    private Element() {}
  }

  /** Message names, correlated by business key (the report id). */
  public static final class Message {
    public static final String EXTENSION_AGREED = "ExtensionAgreed";
    public static final String CONFIDENTIALITY_WAIVED = "ConfidentialityWaived";

    private Message() {}
  }

  /** Variable names. */
  public static final class Variable {
    public static final String REPORT_ID = "reportId";

    /** The report's reference, the business key the coordination meeting it calls carries. */
    public static final String REPORT_REFERENCE = "reportReference";

    public static final String ALLEGATION = "allegation";

    /** When the confidential period ends; moved by an agreed extension. */
    public static final String REVIEW_ENDS_AT = "reviewEndsAt";

    public static final String ENGAGED = "engaged";

    /**
     * Element variable of the per-recommendation tasks (assignment, answer) and of the follow-up:
     * one recommendation per instance.
     */
    public static final String RECOMMENDATION_ID = "recommendationId";

    /**
     * Transient collection of the assignment and answer tasks, set just before each (never stored).
     */
    public static final String RECOMMENDATION_IDS = "recommendationIds";

    /** Transient collection of the follow-up, set just before it (never stored). */
    public static final String FOLLOW_UP_IDS = "followUpIds";

    public static final String FOLLOW_UP_AT = "followUpAt";
    public static final String FOLLOW_UP_CLOSED = "followUpClosed";

    /**
     * Set by the plan of action: the director asked for more time instead, and the task comes back.
     * Always defined inside the confidential review, where the model starts it as false.
     */
    public static final String MORE_TIME_ASKED = "moreTimeAsked";

    /**
     * Set by the plan of action: the director waived confidentiality with it, so the confidential
     * review ends now (a terminate end event) and the report is released. Started as false.
     */
    public static final String CONFIDENTIALITY_WAIVED = "confidentialityWaived";

    /**
     * The only variables of this process that reach the engine's history: everything else a task
     * form shows or submits is confidential and stays out of it.
     */
    public static final Set<String> RECORDED =
        Set.of(
            REPORT_ID,
            REPORT_REFERENCE,
            ALLEGATION,
            REVIEW_ENDS_AT,
            ENGAGED,
            RECOMMENDATION_ID,
            FOLLOW_UP_AT,
            FOLLOW_UP_CLOSED,
            MORE_TIME_ASKED,
            CONFIDENTIALITY_WAIVED);

    private Variable() {}
  }

  /** Spring beans the model refers to by delegate expression; each is published for models. */
  public static final class Bean {
    public static final String RELEASE_DELEGATE = "releaseReportDelegate";

    /** The release, as reviews started on earlier versions of the model call it. */
    public static final String RELEASE_DELEGATE_OF_EARLIER_MODELS = "publishReportDelegate";

    public static final String SCHEDULE_FOLLOW_UP_DELEGATE = "scheduleFollowUpDelegate";
    public static final String CLOSE_FOLLOW_UP_DELEGATE = "closeFollowUpDelegate";

    /** Lists every recommendation of the report, one assignment or answer task each. */
    public static final String LIST_RECOMMENDATIONS_DELEGATE = "listRecommendationsDelegate";

    /** Lists the accepted recommendations to follow up, one instance each. */
    public static final String LIST_FOLLOW_UPS_DELEGATE = "listFollowUpsDelegate";

    /**
     * The same list, as the collection of instances started on earlier versions of the model calls
     * it.
     */
    public static final String FOLLOW_UPS = "reportFollowUps";

    private Bean() {}
  }

  private ReportReviewProcess() {}
}
