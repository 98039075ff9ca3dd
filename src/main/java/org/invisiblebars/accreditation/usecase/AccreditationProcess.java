package org.invisiblebars.accreditation.usecase;

/**
 * The contract with {@code processes/ngo-accreditation.bpmn}: its key, element ids, messages and
 * variables. Process variables are ids and routing flags only; the application, ratings, decisions
 * and the MoU live in our tables.
 */
public final class AccreditationProcess {

  public static final String KEY = "ngo-accreditation";

  /** Element ids. */
  public static final class Element {
    public static final String VERIFY_FORMAL_MANDATE = "Task_VerifyFormalMandate";
    public static final String CHECK_APPLICATION_COMPLETENESS = "Task_CheckApplicationCompleteness";
    public static final String RATE_ACCREDITATION_CRITERIA = "Task_RateAccreditationCriteria";
    public static final String RECOMMEND_ACCREDITATION = "Task_RecommendAccreditation";
    public static final String LIST_NOMINEES = "Task_ListNominees";
    public static final String VET_REPRESENTATIVES = "Task_VetRepresentatives";
    public static final String CONSULT_STAFF = "Task_ConsultStaff";
    public static final String DECIDE_ACCREDITATION = "Task_DecideAccreditation";
    public static final String DRAFT_MOU = "Task_DraftMou";
    public static final String SIGN_MOU = "Task_SignMou";
    public static final String PREPARE_RENEWAL = "Task_PrepareRenewal";
    public static final String SHARE_MOU = "Task_ShareMou";
    public static final String AWAIT_MOU_ANSWER = "Gateway_AwaitMouAnswer";
    public static final String MOU_AGREED = "Event_MouAgreed";
    public static final String MOU_AMENDMENTS_PROPOSED = "Event_MouAmendmentsProposed";
    public static final String MOU_ANSWER_OVERDUE = "Timer_MouAnswerOverdue";
    public static final String LIST_MOU_AMENDMENTS = "Task_ListMouAmendments";
    public static final String ANSWER_MOU_AMENDMENT = "Task_AnswerMouAmendment";
    public static final String REVISE_MOU = "Task_ReviseMou";
    public static final String AWAIT_INFORMATION = "Gateway_AwaitInformation";
    public static final String INFORMATION_SUPPLIED = "Event_InformationSupplied";
    public static final String INFORMATION_OVERDUE = "Timer_InformationOverdue";
    public static final String AWAIT_COUNTERSIGNATURE = "Gateway_AwaitCountersignature";
    public static final String MOU_COUNTERSIGNED = "Event_MouCountersigned";
    public static final String COUNTERSIGNATURE_OVERDUE = "Timer_CountersignatureOverdue";
    public static final String ACCREDITATION_ACTIVE = "SubProcess_AccreditationActive";
    public static final String TERM_ENDED = "Timer_TermEnded";
    public static final String RENEWAL_DUE = "Timer_RenewalDue";
    public static final String MANDATE_REGISTERED = "EndEvent_MandateRegistered";
    public static final String MANDATE_REJECTED = "EndEvent_MandateRejected";
    public static final String APPLICATION_WITHDRAWN = "EndEvent_ApplicationWithdrawn";
    public static final String ACCREDITATION_REJECTED = "EndEvent_AccreditationRejected";
    public static final String ACCREDITATION_LAPSED = "EndEvent_AccreditationLapsed";
    public static final String ACCREDITATION_EXPIRED = "EndEvent_AccreditationExpired";
    public static final String ACCREDITATION_REVOKED = "EndEvent_AccreditationRevoked";

    /** Where a director's revocation enters the model; the decision log's step of a revocation. */
    public static final String REVOCATION_REQUESTED = "StartEvent_RevocationRequested";

    public static final String RENEWAL_PREPARED = "EndEvent_RenewalPrepared";

    private Element() {}
  }

  /** Message names, correlated by business key (the accreditation id). */
  public static final class Message {
    public static final String INFORMATION_SUPPLIED = "InformationSupplied";
    public static final String MOU_COUNTERSIGNED = "MouCountersigned";
    public static final String ACCREDITATION_REVOKED = "AccreditationRevoked";
    public static final String MOU_AGREED = "MouAgreed";
    public static final String MOU_AMENDMENTS_PROPOSED = "MouAmendmentsProposed";

    private Message() {}
  }

  /** Variable names. */
  public static final class Variable {
    public static final String ACCREDITATION_ID = "accreditationId";
    public static final String ORGANISATION_NAME = "organisationName";
    public static final String FORMAL_MANDATE = "formalMandate";
    public static final String MANDATE_VERIFIED = "mandateVerified";
    public static final String APPLICATION_COMPLETE = "applicationComplete";
    public static final String RECOMMENDATION = "recommendation";
    public static final String ACCREDITATION_APPROVED = "accreditationApproved";
    public static final String TERM_ENDS_AT = "termEndsAt";
    public static final String RENEWAL_REMINDER_AT = "renewalReminderAt";

    /** Element variable of the multi-instance vetting: one representative per task. */
    public static final String REPRESENTATIVE_ID = "representativeId";

    /** Transient collection of the vetting, set just before it (never stored). */
    public static final String NOMINEE_IDS = "nomineeIds";

    /** Element variable of the multi-instance answer: one amendment per task. */
    public static final String AMENDMENT_ID = "amendmentId";

    /** Transient collection of the answers, set just before them (never stored). */
    public static final String AMENDMENT_IDS = "amendmentIds";

    /** Local input of the status service tasks. */
    public static final String TARGET_STATUS = "targetStatus";

    private Variable() {}
  }

  /** Spring beans the model refers to by delegate expression; each is published for models. */
  public static final class Bean {
    public static final String STATUS_DELEGATE = "accreditationStatusDelegate";
    public static final String RECOMMEND_DELEGATE = "recommendAccreditationDelegate";
    public static final String ACTIVATE_DELEGATE = "activateAccreditationDelegate";
    public static final String LIST_MOU_AMENDMENTS_DELEGATE = "listMouAmendmentsDelegate";
    public static final String REVISE_MOU_DELEGATE = "reviseMouDelegate";

    /** Lists the representatives to vet, one task each. */
    public static final String LIST_NOMINEES_DELEGATE = "listNomineesDelegate";

    /**
     * The same list, as the collection of instances started on earlier versions of the model calls
     * it.
     */
    public static final String NOMINEES = "accreditationNominees";

    private Bean() {}
  }

  private AccreditationProcess() {}
}
