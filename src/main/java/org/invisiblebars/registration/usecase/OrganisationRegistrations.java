package org.invisiblebars.registration.usecase;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.invisiblebars.organisation.domain.MandateType;
import org.invisiblebars.organisation.domain.Organisation;
import org.invisiblebars.organisation.usecase.ManageOrganisations;
import org.invisiblebars.platform.audit.DecisionLog;
import org.invisiblebars.platform.audit.DecisionLogEntry;
import org.invisiblebars.platform.mail.Notice;
import org.invisiblebars.platform.mail.Notifications;
import org.invisiblebars.platform.process.CurrentCommand;
import org.invisiblebars.platform.reference.CaseReferences;
import org.invisiblebars.platform.validation.ConflictException;
import org.invisiblebars.platform.validation.InputRules;
import org.invisiblebars.platform.validation.InvalidInputException;
import org.invisiblebars.platform.validation.InvalidInputException.FieldProblem;
import org.invisiblebars.registration.domain.OrganisationRegistration;
import org.invisiblebars.registration.domain.OrganisationRegistration.Status;
import org.invisiblebars.registration.domain.OrganisationRegistrationRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Organisations register themselves: the public form's request ({@link #request}), the proof of its
 * address by a single-use link ({@link #verify}, which starts the liaison officer's review), the
 * decision ({@link #decide}: approval creates the organisation, its first NGO user bound to it and
 * a single-use link to set a password; rejection gives the reasons), the setting of the password
 * ({@link #activate}) and the expiry of requests never verified ({@link #expireUnverified}). Every
 * step that tells the person stores its message in the same transaction; every decision is in the
 * decision log under the request's reference ({@code REG-2026-0001}).
 */
@Service
public class OrganisationRegistrations {

  private static final Logger LOG = LoggerFactory.getLogger(OrganisationRegistrations.class);

  /** The prefix of the requests' references. */
  static final String PREFIX = "REG";

  /** The subject type of the requests' decision-log entries. */
  public static final String SUBJECT_TYPE = RegistrationProcess.KEY;

  /** The longest user name derived from an address, before a number that tells two apart. */
  private static final int USER_NAME_BASE = 20;

  private final OrganisationRegistrationRepository registrations;
  private final ManageOrganisations organisations;
  private final Accounts accounts;
  private final RegistrationReviews reviews;
  private final RegistrationThrottle throttle;
  private final Notifications notifications;
  private final CaseReferences references;
  private final DecisionLog log;
  private final InputRules rules;
  private final Clock clock;
  private final Duration verificationValidity;
  private final Duration activationValidity;

  OrganisationRegistrations(
      OrganisationRegistrationRepository registrations,
      ManageOrganisations organisations,
      Accounts accounts,
      RegistrationReviews reviews,
      RegistrationThrottle throttle,
      Notifications notifications,
      CaseReferences references,
      DecisionLog log,
      InputRules rules,
      Clock clock,
      @Value("${invisible-bars.registration.verification-validity:PT48H}")
          Duration verificationValidity,
      @Value("${invisible-bars.registration.activation-validity:PT72H}")
          Duration activationValidity) {
    this.registrations = registrations;
    this.organisations = organisations;
    this.accounts = accounts;
    this.reviews = reviews;
    this.throttle = throttle;
    this.notifications = notifications;
    this.references = references;
    this.log = log;
    this.rules = rules;
    this.clock = clock;
    this.verificationValidity = verificationValidity;
    this.activationValidity = activationValidity;
  }

  /** The public form: who the organisation is and who writes for it. */
  public record Request(
      @NotBlank @Size(max = 200) String organisationName,
      @NotBlank @Size(max = 100) String country,
      @Size(max = 100) String registrationNumber,
      @Size(max = 200) String networkName,
      Boolean religiousBased,
      @NotBlank @Size(max = 2000) String description,
      @NotBlank @Size(max = 100) String firstName,
      @NotBlank @Size(max = 100) String lastName,
      @NotBlank @Email @Size(max = 320) String email) {}

  /**
   * Takes a request from the public form; every problem of the form is reported at once and nothing
   * is stored then. Whatever the address, the person is told the same ("check your e-mail"): an
   * address already used by a user or by an open request gets a message saying so instead of a
   * link, and an address that has had its share of messages ({@link RegistrationThrottle}) gets
   * none.
   */
  @Transactional
  public void request(Request request, Locale language) {
    rules.check(request, List.of());
    String email = request.email().strip();
    String key = OrganisationRegistration.emailKey(email);
    if (!throttle.allow(key)) {
      LOG.info("Registration for an address over its limit of messages: nothing sent");
      return;
    }
    if (accounts.emailInUse(email) || registrations.existsByOpenEmailKey(key)) {
      notifications.tellAddress(
          email, Notice.of("registration-known", "/portal/sign-in"), language);
      return;
    }
    Instant now = clock.instant();
    String token = LinkTokens.random();
    OrganisationRegistration registration =
        new OrganisationRegistration(
            references.next(PREFIX, now),
            new OrganisationRegistration.Applicant(
                request.organisationName().strip(),
                request.country().strip(),
                blankToNull(request.registrationNumber()),
                blankToNull(request.networkName()),
                Boolean.TRUE.equals(request.religiousBased()),
                request.description().strip(),
                request.firstName().strip(),
                request.lastName().strip(),
                email),
            LinkTokens.hash(token),
            now,
            now.plus(verificationValidity),
            language);
    // a request for the same address stored at the same moment holds the open address's unique
    // key: this one is refused with DataIntegrityViolationException and rolled back, and the page
    // answers it like any other (that one's link is on its way)
    registrations.saveAndFlush(registration);
    log.save(
        new DecisionLogEntry(
            SUBJECT_TYPE,
            registration.getId(),
            "Request organisation registration",
            "REQUESTED",
            registration.getOrganisationName() + ", awaiting the proof of its address",
            "anonymous",
            now));
    notifications.tellAddress(
        email,
        Notice.of(
            "registration-verify",
            "/portal/register/verify?token=" + token,
            registration.getReference(),
            registration.getOrganisationName(),
            Long.toString(verificationValidity.toHours())),
        language);
  }

  /** What a link is worth when it is opened. */
  public enum LinkState {
    VALID,
    USED,
    EXPIRED,
    UNKNOWN
  }

  /** A link opened: what it is worth, and the request's reference, organisation and user name. */
  public record Link(LinkState state, String reference, String organisationName, String userId) {

    static Link unknown() {
      return new Link(LinkState.UNKNOWN, null, null, null);
    }
  }

  /** What verification link {@code token} is worth now (nothing is changed). */
  @Transactional(readOnly = true)
  public Link verificationLink(String token) {
    return registrations
        .findByVerificationHash(LinkTokens.hash(token))
        .map(this::verificationState)
        .orElseGet(Link::unknown);
  }

  /**
   * Proves the address of the request of {@code token}: the request goes to the liaison officers'
   * review. A link used, expired or unknown changes nothing and says which it is.
   */
  @Transactional
  public Link verify(String token) {
    Optional<OrganisationRegistration> found =
        registrations.lockByVerificationHash(LinkTokens.hash(token));
    if (found.isEmpty()) {
      return Link.unknown();
    }
    OrganisationRegistration registration = found.get();
    Link link = verificationState(registration);
    if (link.state() != LinkState.VALID) {
      return link;
    }
    Instant now = clock.instant();
    registration.verify(now);
    log.save(
        new DecisionLogEntry(
            SUBJECT_TYPE,
            registration.getId(),
            "Verify e-mail address",
            "VERIFIED",
            "The address was proved; a liaison officer reviews the request",
            "anonymous",
            now));
    reviews.start(registration.getId(), registration.getReference());
    return link;
  }

  private Link verificationState(OrganisationRegistration registration) {
    LinkState state =
        switch (registration.getStatus()) {
          case AWAITING_VERIFICATION ->
              clock.instant().isBefore(registration.getVerificationExpiresAt())
                  ? LinkState.VALID
                  : LinkState.EXPIRED;
          case EXPIRED -> LinkState.EXPIRED;
          default -> LinkState.USED;
        };
    return new Link(state, registration.getReference(), registration.getOrganisationName(), null);
  }

  @Transactional(readOnly = true)
  public Optional<OrganisationRegistration> find(UUID id) {
    return registrations.findById(id);
  }

  /**
   * The names of registered organisations like the request's: the same when compared without case
   * and spacing, one containing the other, or sharing two significant words. The liaison officer
   * reads them beside the request, so a second registration of one organisation is seen.
   */
  @Transactional(readOnly = true)
  public List<String> similarOrganisations(String name) {
    String key = Organisation.nameKey(name);
    Set<String> words = words(key);
    List<String> similar = new ArrayList<>();
    for (Organisation organisation : organisations.all()) {
      String other = Organisation.nameKey(organisation.getName());
      Set<String> shared = new HashSet<>(words(other));
      shared.retainAll(words);
      if (other.equals(key)
          || other.contains(key)
          || key.contains(other)
          || (!words.isEmpty() && shared.size() >= Math.min(2, words.size()))) {
        similar.add(organisation.getName());
      }
    }
    return similar.stream().sorted().toList();
  }

  private static Set<String> words(String key) {
    Set<String> words = new HashSet<>(Arrays.asList(key.split("[^\\p{L}\\p{N}]+")));
    words.removeIf(word -> word.length() < 4);
    return words;
  }

  /** What the liaison officer decided. */
  public record Decided(boolean approved, String userId, UUID organisationId) {}

  /**
   * Approves or rejects request {@code id} as {@code officer}. Approval registers the organisation
   * (an NGO; its name must still be free), creates its first user in group {@code ngo} with a user
   * name made from the address, binds the user to it and sends a single-use link to set a password;
   * rejection sends the reasons. Runs inside the officer's completion of the task, so a refusal
   * leaves both the task and the request as they were.
   */
  @Transactional
  public Decided decide(UUID id, boolean approve, String reasons, String officer) {
    OrganisationRegistration registration =
        registrations
            .findForUpdateById(id)
            .orElseThrow(() -> new ConflictException("the registration request no longer exists"));
    if (registration.getStatus() != Status.AWAITING_REVIEW) {
      throw new ConflictException(
          "the registration request "
              + registration.getReference()
              + " was decided already: "
              + registration.getStatus());
    }
    Instant now = clock.instant();
    if (!approve) {
      registration.reject(officer, now, reasons);
      notifications.tellAddress(
          registration.getEmail(),
          Notice.of(
              "registration-rejected",
              "/portal/register",
              registration.getReference(),
              registration.getOrganisationName(),
              reasons),
          registration.getLanguage());
      return new Decided(false, null, null);
    }
    Organisation organisation;
    try {
      organisation =
          organisations.register(
              new ManageOrganisations.Registration(
                  registration.getOrganisationName(),
                  MandateType.NGO,
                  registration.getNetworkName(),
                  registration.isReligiousBased()));
    } catch (InvalidInputException refused) {
      throw new InvalidInputException(
          refused.problems().stream()
              .map(
                  problem ->
                      new FieldProblem(
                          "reviewDecision",
                          "the organisation's name "
                              + problem.problem()
                              + ": reject the request with reasons, or ask the organisation to"
                              + " register under its own name"))
              .toList());
    }
    String userId = userIdFor(registration.getEmail());
    CurrentCommand.withoutAuthorization(
        () -> {
          accounts.createNgoUser(
              userId,
              registration.getContactFirstName(),
              registration.getContactLastName(),
              registration.getEmail(),
              registration.getLanguage());
          return null;
        });
    organisations.bindNewUser(organisation.getId(), userId);
    String token = LinkTokens.random();
    registration.approve(
        officer,
        now,
        reasons,
        organisation.getId(),
        userId,
        LinkTokens.hash(token),
        now.plus(activationValidity));
    notifications.tellAddress(
        registration.getEmail(),
        Notice.of(
            "registration-approved",
            "/portal/account/activate?token=" + token,
            registration.getReference(),
            registration.getOrganisationName(),
            userId,
            Long.toString(activationValidity.toHours())),
        registration.getLanguage());
    return new Decided(true, userId, organisation.getId());
  }

  /**
   * A user name made from the address's local part (letters and digits only, as the user store
   * allows), with a number when taken: {@code info@prisonwatch.example} becomes {@code info}, or
   * {@code info2}. Nobody chooses it on the public form, so the form never tells whether a name
   * exists; the person reads it in the activation message and on the page that sets the password.
   */
  private String userIdFor(String email) {
    String local = email.substring(0, Math.max(0, email.indexOf('@'))).toLowerCase(Locale.ROOT);
    String base = local.replaceAll("[^a-z0-9]", "");
    if (base.isEmpty() || !Character.isLetter(base.charAt(0))) {
      base = "ngo" + base;
    }
    base = base.substring(0, Math.min(USER_NAME_BASE, base.length()));
    String candidate = base;
    for (int n = 2;
        accounts.userExists(candidate) || registrations.existsByUserId(candidate);
        n++) {
      candidate = base + n;
    }
    return candidate;
  }

  /** What activation link {@code token} is worth now, with the user name it sets up. */
  @Transactional(readOnly = true)
  public Link activationLink(String token) {
    return registrations
        .findByActivationHash(LinkTokens.hash(token))
        .map(this::activationState)
        .orElseGet(Link::unknown);
  }

  private Link activationState(OrganisationRegistration registration) {
    LinkState state =
        registration.getActivatedAt() != null
            ? LinkState.USED
            : clock.instant().isBefore(registration.getActivationExpiresAt())
                ? LinkState.VALID
                : LinkState.EXPIRED;
    return new Link(
        state,
        registration.getReference(),
        registration.getOrganisationName(),
        registration.getUserId());
  }

  /** The new password and its confirmation, as the person typed them. */
  public record NewPassword(@NotBlank String password, @NotBlank String confirmPassword) {}

  /**
   * Sets the password of the user of activation link {@code token}, under the engine's password
   * policy (the rules it breaks are named, on the field {@code password}); the link is used up. A
   * link used, expired or unknown changes nothing and says which it is.
   */
  @Transactional
  public Link activate(String token, NewPassword password) {
    Optional<OrganisationRegistration> found =
        registrations.lockByActivationHash(LinkTokens.hash(token));
    if (found.isEmpty()) {
      return Link.unknown();
    }
    OrganisationRegistration registration = found.get();
    Link link = activationState(registration);
    if (link.state() != LinkState.VALID) {
      return link;
    }
    List<FieldProblem> problems = new ArrayList<>();
    if (password.password() != null && !password.password().isEmpty()) {
      for (Accounts.PasswordRule rule :
          accounts.brokenRules(registration.getUserId(), password.password())) {
        problems.add(new FieldProblem("password", PasswordRules.describe(rule)));
      }
      if (password.confirmPassword() != null
          && !password.confirmPassword().isEmpty()
          && !password.password().equals(password.confirmPassword())) {
        problems.add(new FieldProblem("confirmPassword", "does not match the password"));
      }
    }
    rules.check(password, problems);
    Instant now = clock.instant();
    registration.activate(now);
    CurrentCommand.withoutAuthorization(
        () -> {
          accounts.setPassword(registration.getUserId(), password.password());
          return null;
        });
    log.save(
        new DecisionLogEntry(
            SUBJECT_TYPE,
            registration.getId(),
            "Set password",
            "ACTIVATED",
            "User " + registration.getUserId() + " set a password",
            registration.getUserId(),
            now));
    return link;
  }

  /**
   * Closes the requests never verified whose link has expired, each in the caller's transaction
   * with its row locked (a link opened at the same moment finds it expired or verified, never
   * both); their addresses are free again. Returns how many it closed.
   */
  @Transactional
  public int expireUnverified() {
    Instant now = clock.instant();
    int expired = 0;
    for (UUID id : registrations.unverifiedBefore(now)) {
      OrganisationRegistration registration = registrations.findForUpdateById(id).orElse(null);
      if (registration != null && registration.getStatus() == Status.AWAITING_VERIFICATION) {
        registration.expire();
        log.save(
            new DecisionLogEntry(
                SUBJECT_TYPE,
                id,
                "Expire unverified request",
                "EXPIRED",
                "The address was not proved within " + verificationValidity.toHours() + " hours",
                "system",
                now));
        expired++;
      }
    }
    return expired;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
