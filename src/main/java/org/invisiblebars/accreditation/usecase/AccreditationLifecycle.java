package org.invisiblebars.accreditation.usecase;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.invisiblebars.accreditation.domain.Accreditation;
import org.invisiblebars.accreditation.domain.AccreditationRevoked;
import org.invisiblebars.accreditation.domain.AccreditationStatus;
import org.invisiblebars.accreditation.domain.Mou;
import org.invisiblebars.accreditation.domain.MouRepository;
import org.invisiblebars.accreditation.usecase.AccreditationProcess.Element;
import org.invisiblebars.platform.validation.ConflictException;
import org.invisiblebars.platform.validation.InputRules;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The states an accreditation moves through outside the staff's tasks: status changes the process
 * makes, the NGO's answer and countersignature, activation with its term, and revocation.
 */
@Service
public class AccreditationLifecycle {

  /** The renewal reminder comes this many days before the term ends. */
  static final int RENEWAL_REMINDER_DAYS = 60;

  private final Accreditations accreditations;
  private final MouRepository mous;
  private final AccreditationProcessPort process;
  private final AccreditationDecisions decisions;
  private final Clock clock;
  private final ApplicationEventPublisher events;
  private final InputRules rules;
  private final OrganisationNotices notices;

  AccreditationLifecycle(
      Accreditations accreditations,
      MouRepository mous,
      AccreditationProcessPort process,
      AccreditationDecisions decisions,
      Clock clock,
      ApplicationEventPublisher events,
      InputRules rules,
      OrganisationNotices notices) {
    this.notices = notices;
    this.rules = rules;
    this.events = events;
    this.accreditations = accreditations;
    this.mous = mous;
    this.process = process;
    this.decisions = decisions;
    this.clock = clock;
  }

  /**
   * Moves the accreditation to a status the process reached, if the move is one the accreditation
   * allows; when the organisation must now act, its NGO users are told by e-mail.
   *
   * @throws ConflictException when it is not (the status changed meanwhile, or a model asks for a
   *     move that does not exist)
   */
  @Transactional
  public void changeStatus(UUID accreditationId, AccreditationStatus target) {
    Accreditation accreditation = accreditations.lock(accreditationId);
    accreditation.moveTo(target);
    notices.reached(accreditation, target);
  }

  /**
   * Activates a signed accreditation for the MoU's term, telling the organisation; returns when the
   * term ends and when to remind.
   */
  @Transactional
  public Term activate(UUID accreditationId) {
    Accreditation accreditation = accreditations.lock(accreditationId);
    Mou mou =
        mous.findByAccreditationId(accreditationId)
            .orElseThrow(
                () -> new ConflictException("accreditation " + accreditationId + " has no MoU"));
    LocalDate today = LocalDate.now(clock);
    Accreditation renewed =
        accreditation.getRenewalOf() == null
            ? null
            : accreditations.get(accreditation.getRenewalOf());
    accreditation.activate(accreditation.termStartOn(today, renewed), mou.getTermMonths());
    notices.reached(accreditation, AccreditationStatus.ACTIVE);
    LocalDate end = accreditation.getTermEnd();
    LocalDate reminder = end.minusDays(RENEWAL_REMINDER_DAYS);
    return new Term(toDate(end), toDate(reminder.isBefore(today) ? today : reminder));
  }

  /** The NGO answers a request for information; the process goes back to the completeness check. */
  @Transactional
  public void supplyInformation(UUID accreditationId, String answer, String actor) {
    rules.check(new Information(answer), List.of());
    accreditations.lock(accreditationId).supplyInformation(answer);
    log(accreditationId, Element.INFORMATION_SUPPLIED, "INFORMATION_SUPPLIED", null, actor);
    process.informationSupplied(accreditationId);
  }

  /** The NGO countersigns the MoU, naming who signs on its behalf. */
  @Transactional
  public void countersign(UUID accreditationId, String signatory, String actor) {
    rules.check(new Countersignature(signatory), List.of());
    Accreditation accreditation = accreditations.lock(accreditationId);
    if (accreditation.getStatus() != AccreditationStatus.AWAITING_COUNTERSIGNATURE) {
      throw new ConflictException(
          "the MoU is not awaiting countersignature (status " + accreditation.getStatus() + ")");
    }
    Mou mou =
        mous.findByAccreditationId(accreditationId)
            .orElseThrow(
                () -> new ConflictException("accreditation " + accreditationId + " has no MoU"));
    if (mou.getCountersignedAt() != null) {
      throw new ConflictException(
          "the MoU is already countersigned (by " + mou.getCountersignedBy() + ")");
    }
    mou.countersign(signatory, clock.instant());
    // the answer shows what is awaited now: the director's signature
    accreditation.moveTo(AccreditationStatus.AWAITING_SIGNATURE);
    log(
        accreditationId,
        Element.MOU_COUNTERSIGNED,
        "MOU_COUNTERSIGNED",
        "signed by " + signatory,
        actor);
    process.mouCountersigned(accreditationId);
  }

  /** The director revokes a pending or active accreditation, with reasons; the NGO is told. */
  @Transactional
  public void revoke(UUID accreditationId, String reasons, String actor) {
    rules.check(new Revocation(reasons), List.of());
    Accreditation accreditation = accreditations.lock(accreditationId);
    if (!accreditation.getStatus().isRevocable()) {
      throw new ConflictException(
          "an accreditation that is " + accreditation.getStatus() + " cannot be revoked");
    }
    log(accreditationId, Element.REVOCATION_REQUESTED, "REVOKED", reasons, actor);
    process.revoked(accreditationId);
    // Listeners run in this transaction: a revocation and the cancellations it causes land
    // together.
    events.publishEvent(
        new AccreditationRevoked(
            accreditationId, accreditation.getOrganisationId(), reasons, actor));
  }

  private void log(
      UUID accreditationId, String task, String decision, String reasons, String actor) {
    decisions.record(accreditationId, task, decision, reasons, actor);
  }

  private static Date toDate(LocalDate date) {
    return Date.from(date.atStartOfDay(ZoneOffset.UTC).toInstant());
  }

  /** When the term ends and when the renewal reminder is due, as the process timers need them. */
  public record Term(Date endsAt, Date renewalReminderAt) {}

  /** The NGO's answer to a request for information. */
  record Information(@NotBlank @Size(max = 4000) String information) {}

  /** Who signs the MoU on the NGO's behalf. */
  record Countersignature(@NotBlank @Size(max = 200) String signatory) {}

  /** Why the director revokes. */
  record Revocation(@NotBlank @Size(max = 4000) String reasons) {}
}
