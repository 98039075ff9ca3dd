package org.invisiblebars.registration.usecase;

/**
 * The {@code organisation-registration} process (processes/organisation-registration.bpmn): its
 * key, elements and variables.
 */
public final class RegistrationProcess {

  public static final String KEY = "organisation-registration";

  private RegistrationProcess() {}

  /** Its elements. */
  public static final class Element {
    public static final String REGISTRATION_VERIFIED = "StartEvent_RegistrationVerified";
    public static final String REVIEW_ORGANISATION_REGISTRATION =
        "Task_ReviewOrganisationRegistration";
    public static final String REGISTRATION_APPROVED = "Gateway_RegistrationApproved";
    public static final String ORGANISATION_REGISTERED = "EndEvent_OrganisationRegistered";
    public static final String REGISTRATION_REJECTED = "EndEvent_RegistrationRejected";

    private Element() {}
  }

  /** Its variables: the request's id, and the review's flag. */
  public static final class Variable {
    public static final String REGISTRATION_ID = "registrationId";
    public static final String REGISTRATION_APPROVED = "registrationApproved";

    private Variable() {}
  }
}
