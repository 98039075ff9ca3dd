package org.invisiblebars.accreditation.usecase;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.invisiblebars.accreditation.domain.Accreditation;
import org.invisiblebars.accreditation.domain.Criterion;
import org.invisiblebars.accreditation.domain.Mou;
import org.invisiblebars.accreditation.domain.MouClauses;
import org.invisiblebars.accreditation.domain.MouRepository;
import org.invisiblebars.accreditation.domain.Nominee;
import org.invisiblebars.accreditation.domain.ProgrammeType;
import org.invisiblebars.accreditation.domain.Rating;
import org.invisiblebars.accreditation.domain.Recommendation;
import org.invisiblebars.accreditation.domain.Vetting;
import org.invisiblebars.organisation.domain.RepresentativeRepository;
import org.invisiblebars.platform.validation.ConflictException;
import org.invisiblebars.platform.validation.InvalidInputException;
import org.invisiblebars.platform.validation.InvalidInputException.FieldProblem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What prison staff decide on an application, one method per task. The task's handler has read and
 * validated the form and writes the decision log; what is checked here needs the records (the
 * recommendation, the programme, the vetting), and each refusal names the form's field.
 */
@Service
public class ReviewAccreditation {

  private final Accreditations accreditations;
  private final MouRepository mous;
  private final Clock clock;
  private final MouHistory history;
  private final RepresentativeRepository representatives;
  private final OrganisationNotices notices;

  ReviewAccreditation(
      Accreditations accreditations,
      MouRepository mous,
      Clock clock,
      MouHistory history,
      RepresentativeRepository representatives,
      OrganisationNotices notices) {
    this.accreditations = accreditations;
    this.mous = mous;
    this.clock = clock;
    this.history = history;
    this.representatives = representatives;
    this.notices = notices;
  }

  /**
   * Verify formal mandate: nothing changes until the process registers or rejects the mandate; the
   * record is locked so two verdicts queue.
   */
  @Transactional
  public void verifyMandate(UUID accreditationId) {
    accreditations.lock(accreditationId);
  }

  /**
   * Check application completeness, found incomplete: the request for information goes to the NGO.
   */
  @Transactional
  public void requestInformation(UUID accreditationId, String informationRequested) {
    accreditations.lock(accreditationId).requestInformation(informationRequested);
  }

  /** Check application completeness, found complete: the record is locked so two checks queue. */
  @Transactional
  public void confirmComplete(UUID accreditationId) {
    accreditations.lock(accreditationId);
  }

  /** Rate accreditation criteria: every criterion 1–5 with evidence. */
  @Transactional
  public void rateCriteria(UUID accreditationId, Map<Criterion, RatingInput> ratings) {
    Accreditation accreditation = accreditations.lock(accreditationId);
    accreditation.rate(
        ratings.entrySet().stream()
            .map(e -> new Rating(e.getKey(), e.getValue().value(), e.getValue().evidence()))
            .toList());
  }

  /**
   * Vet representative: security clears or refuses one named person, with reasons; the organisation
   * is told the decision (not the reasons).
   */
  @Transactional
  public void vetRepresentative(
      UUID accreditationId, UUID representativeId, Vetting outcome, String reasons) {
    Accreditation accreditation = accreditations.lock(accreditationId);
    accreditation.vet(representativeId, outcome, reasons);
    representatives
        .findById(representativeId)
        .ifPresent(person -> notices.vetted(accreditation, person.getFullName(), outcome));
  }

  /** Consult staff: their views on the proposed activity. */
  @Transactional
  public void consultStaff(UUID accreditationId, String views) {
    accreditations.lock(accreditationId).recordStaffConsultation(views);
  }

  /**
   * Decide accreditation. A decision against the recommendation says why. Answers the
   * recommendation it was taken on, for the decision log.
   *
   * @throws InvalidInputException naming {@code againstRecommendationReason} when it goes against
   *     the recommendation without a reason
   */
  @Transactional
  public Decided decide(
      UUID accreditationId, Decision decision, String againstRecommendationReason) {
    return decide(accreditationId, decision, againstRecommendationReason, null);
  }

  /**
   * As {@link #decide(UUID, Decision, String)}; an approval with conditions keeps them for the MoU.
   */
  @Transactional
  public Decided decide(
      UUID accreditationId,
      Decision decision,
      String againstRecommendationReason,
      String conditions) {
    Accreditation accreditation = accreditations.lock(accreditationId);
    accreditation.approveWithConditions(
        decision == Decision.APPROVE_WITH_CONDITIONS ? conditions : null);
    Recommendation recommendation = accreditation.getRecommendation();
    boolean against = againstRecommendation(decision, recommendation);
    if (against && (againstRecommendationReason == null || againstRecommendationReason.isBlank())) {
      throw InvalidInputException.of(
          "againstRecommendationReason",
          "is required when the decision goes against the recommendation " + recommendation);
    }
    return new Decided(decision != Decision.REJECT, recommendation);
  }

  /**
   * Draft MoU: the clauses agreed with the NGO; only cleared representatives are named. A prison
   * service needs a continuity plan, a religious-based organisation commits to serve everyone.
   */
  @Transactional
  public Mou draftMou(UUID accreditationId, MouDraft draft, boolean religiousBased) {
    return draftMou(accreditationId, draft, religiousBased, null);
  }

  /**
   * As {@link #draftMou(UUID, MouDraft, boolean)}, by {@code actor}: the version is kept as the
   * first the NGO reads. The director's conditions of approval stay in the MoU.
   */
  @Transactional
  public Mou draftMou(UUID accreditationId, MouDraft draft, boolean religiousBased, String actor) {
    Accreditation accreditation = accreditations.lock(accreditationId);
    List<FieldProblem> problems = new ArrayList<>();
    if (accreditation.getApprovalConditions() != null
        && (draft.conditions() == null || draft.conditions().isBlank())) {
      problems.add(
          new FieldProblem(
              "conditions",
              "the director approved with conditions; they stay in the MoU (reword, never drop)"));
    }
    if (accreditation.getProgrammeType() == ProgrammeType.PRISON_SERVICES
        && (draft.continuityPlan() == null || draft.continuityPlan().isBlank())) {
      problems.add(
          new FieldProblem(
              "continuityPlan", "is required for an organisation that provides a prison service"));
    }
    if (religiousBased && !draft.universalAccess()) {
      problems.add(
          new FieldProblem(
              "universalAccess",
              "a religious-based organisation must commit to serve prisoners of any religion or none"));
    }
    Set<UUID> cleared = clearedRepresentatives(accreditation);
    if (cleared.isEmpty()) {
      problems.add(
          new FieldProblem("representatives", "no representative was cleared by security"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    MouClauses clauses =
        new MouClauses(
            draft.mandateAndExpectations(),
            draft.responsibilities(),
            cleared,
            draft.days(),
            draft.hours(),
            draft.procedures(),
            draft.allowedActivities(),
            draft.excludedAreas(),
            draft.confidentialityDays(),
            draft.termMonths(),
            draft.continuityPlan(),
            draft.universalAccess(),
            blankToNull(draft.conditions()));
    Mou mou =
        mous.findByAccreditationId(accreditationId)
            .map(
                existing -> {
                  existing.revise(clauses);
                  return existing;
                })
            .orElseGet(() -> mous.save(new Mou(accreditationId, clauses)));
    history.record(mou, actor, "Drafted by the liaison officer");
    return mou;
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  /** Sign MoU: the director signs a countersigned MoU. */
  @Transactional
  public void signMou(UUID accreditationId, String director) {
    accreditations.lock(accreditationId);
    Mou mou =
        mous.findByAccreditationId(accreditationId)
            .orElseThrow(
                () ->
                    new ConflictException(
                        "accreditation " + accreditationId + " has no MoU to sign"));
    mou.sign(director, clock.instant());
  }

  /**
   * Prepare renewal: the record is locked so two renewals queue; the notes go to the decision log.
   */
  @Transactional
  public void prepareRenewal(UUID accreditationId) {
    accreditations.lock(accreditationId);
  }

  static Set<UUID> clearedRepresentatives(Accreditation accreditation) {
    return accreditation.getNominees().stream()
        .filter(n -> n.getVetting() == Vetting.CLEARED)
        .map(Nominee::getRepresentativeId)
        .collect(Collectors.toSet());
  }

  private static boolean againstRecommendation(Decision decision, Recommendation recommendation) {
    if (recommendation == null) {
      return false;
    }
    return switch (decision) {
      case REJECT -> recommendation != Recommendation.NOT_RECOMMENDED;
      case APPROVE, APPROVE_WITH_CONDITIONS -> recommendation == Recommendation.NOT_RECOMMENDED;
    };
  }

  /** The director's options. */
  public enum Decision {
    APPROVE,
    APPROVE_WITH_CONDITIONS,
    REJECT
  }

  /** One criterion's rating as entered. */
  public record RatingInput(Integer value, String evidence) {}

  /**
   * What the director decided: whether approved, and the recommendation the decision was taken on
   * (null if none).
   */
  public record Decided(boolean approved, Recommendation recommendation) {}

  /** The MoU clauses as entered. */
  public record MouDraft(
      String mandateAndExpectations,
      String responsibilities,
      String days,
      String hours,
      String procedures,
      String allowedActivities,
      String excludedAreas,
      Integer confidentialityDays,
      Integer termMonths,
      String continuityPlan,
      boolean universalAccess,
      String conditions) {}
}
