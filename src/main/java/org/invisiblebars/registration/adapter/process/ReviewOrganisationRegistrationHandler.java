package org.invisiblebars.registration.adapter.process;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.invisiblebars.platform.identity.Groups;
import org.invisiblebars.platform.process.Confidential;
import org.invisiblebars.platform.task.CaseProcess;
import org.invisiblebars.platform.task.Completion;
import org.invisiblebars.platform.task.TaskCase;
import org.invisiblebars.platform.task.UserTaskHandler;
import org.invisiblebars.platform.task.UserTaskHandlerFor;
import org.invisiblebars.platform.validation.ConflictException;
import org.invisiblebars.registration.domain.OrganisationRegistration;
import org.invisiblebars.registration.usecase.OrganisationRegistrations;
import org.invisiblebars.registration.usecase.RegistrationProcess;

/**
 * Review organisation registration: a liaison officer reads an organisation's request (its address
 * proved), with the registered organisations of the same or a similar name, and approves it (the
 * organisation and its first NGO user are created, and the person sets a password through a link)
 * or rejects it with reasons, which the person reads. The request's contact details are personal
 * data: only liaison officers and administrators read them.
 */
@UserTaskHandlerFor(
    process = RegistrationProcess.KEY,
    task = RegistrationProcess.Element.REVIEW_ORGANISATION_REGISTRATION)
class ReviewOrganisationRegistrationHandler
    extends UserTaskHandler<
        ReviewOrganisationRegistrationHandler.Form, ReviewOrganisationRegistrationHandler.Display> {

  static final CaseProcess PROCESS =
      new CaseProcess(
          RegistrationProcess.KEY,
          OrganisationRegistrations.SUBJECT_TYPE,
          RegistrationProcess.Variable.REGISTRATION_ID,
          Confidential.readableBy(Groups.NGO_LIAISON, Groups.CAMUNDA_ADMIN));

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  /** The officer's decision. */
  enum Decision {
    APPROVE,
    REJECT
  }

  record Form(@NotNull Decision reviewDecision, @Size(max = 4000) String reviewReasons) {

    /**
     * The cross-field rule, which Bean Validation reports on the property {@code reviewReasons}: a
     * rejection says why, for the person who asked.
     */
    @AssertTrue(message = "a rejection must give its reasons")
    boolean hasReviewReasons() {
      return reviewDecision != Decision.REJECT
          || (reviewReasons != null && !reviewReasons.isBlank());
    }
  }

  record Display(String registrationRequest, String similarOrganisations) {}

  private final OrganisationRegistrations registrations;

  ReviewOrganisationRegistrationHandler(OrganisationRegistrations registrations) {
    super(PROCESS);
    this.registrations = registrations;
  }

  @Override
  public Display display(TaskCase task) {
    OrganisationRegistration request = registration(task);
    List<String> similar = registrations.similarOrganisations(request.getOrganisationName());
    return new Display(
        String.join(
            "\n",
            "Request " + request.getReference() + ": " + request.getOrganisationName(),
            "Country: " + request.getCountry(),
            "Registration number: " + orNone(request.getRegistrationNumber()),
            "Network: " + orNone(request.getNetworkName()),
            "Religious-based: " + (request.isReligiousBased() ? "yes" : "no"),
            "Contact: "
                + request.getContactFirstName()
                + " "
                + request.getContactLastName()
                + " <"
                + request.getEmail()
                + ">, address proved on "
                + WHEN.format(request.getVerifiedAt()),
            "",
            "Its work:",
            request.getDescription()),
        similar.isEmpty()
            ? "No registered organisation has the same or a similar name."
            : String.join("\n", similar));
  }

  @Override
  public Completion complete(TaskCase task, Form form) {
    boolean approve = form.reviewDecision() == Decision.APPROVE;
    String reasons = form.reviewReasons() == null ? "" : form.reviewReasons().strip();
    OrganisationRegistration request = registration(task);
    OrganisationRegistrations.Decided decided =
        registrations.decide(request.getId(), approve, reasons, task.actor());
    Completion completion =
        Completion.logged(approve ? "APPROVED" : "REJECTED", reasons)
            .with(RegistrationProcess.Variable.REGISTRATION_APPROVED, approve);
    if (approve) {
      completion.andLogged(
          "Create organisation account",
          "CREATED",
          "Organisation "
              + request.getOrganisationName()
              + " registered with user "
              + decided.userId()
              + "; a link to set the password was sent");
    }
    return completion;
  }

  private OrganisationRegistration registration(TaskCase task) {
    return registrations
        .find(task.id())
        .orElseThrow(() -> new ConflictException("the registration request no longer exists"));
  }

  private static String orNone(String value) {
    return value == null ? "none given" : value;
  }
}
