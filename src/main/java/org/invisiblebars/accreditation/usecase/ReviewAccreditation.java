package org.invisiblebars.accreditation.usecase;

import java.time.Clock;
import java.util.Collection;
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
import org.invisiblebars.accreditation.usecase.AccreditationProcess.Element;
import org.invisiblebars.platform.validation.ConflictException;
import org.invisiblebars.platform.validation.FieldCheck;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What prison staff decide on an application, one method per task. Every decision is validated
 * (each problem names its field), recorded with its reasons in the decision log, and answered with
 * the routing flag the process needs.
 */
@Service
public class ReviewAccreditation {

  private final Accreditations accreditations;
  private final MouRepository mous;
  private final AccreditationDecisions decisions;
  private final Clock clock;

  ReviewAccreditation(Accreditations accreditations, MouRepository mous, AccreditationDecisions decisions, Clock clock) {
    this.accreditations = accreditations;
    this.mous = mous;
    this.decisions = decisions;
    this.clock = clock;
  }

  /** Verify formal mandate: nothing changes until the process registers or rejects the mandate; the record is locked so two verdicts queue. */
  @Transactional
  public void verifyMandate(UUID accreditationId) {
    accreditations.lock(accreditationId);
  }

  /** Check application completeness, found incomplete: the request for information goes to the NGO. */
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
  public void rateCriteria(UUID accreditationId, Map<Criterion, RatingInput> ratings, String actor) {
    FieldCheck check = new FieldCheck();
    for (Criterion criterion : Criterion.values()) {
      RatingInput input = ratings.get(criterion);
      String field = criterion.decisionInput();
      check.requireRange(input == null ? null : input.value(), field + "Rating", 1, 5)
          .requireText(input == null ? null : input.evidence(), field + "Evidence", 2000);
    }
    check.orThrow();
    Accreditation accreditation = accreditations.lock(accreditationId);
    accreditation.rate(ratings.entrySet().stream()
        .map(e -> new Rating(e.getKey(), e.getValue().value(), e.getValue().evidence())).toList());
    String summary = ratings.entrySet().stream()
        .map(e -> e.getKey().decisionInput() + "=" + e.getValue().value()).collect(Collectors.joining(", "));
    log(accreditationId, Element.RATE_ACCREDITATION_CRITERIA, "RATED", summary, actor);
  }

  /** Vet representative: security clears or refuses one named person, with reasons. */
  @Transactional
  public void vetRepresentative(UUID accreditationId, UUID representativeId, Vetting outcome, String reasons, String actor) {
    new FieldCheck().require(outcome == Vetting.CLEARED || outcome == Vetting.REFUSED, "vetting", "must be CLEARED or REFUSED")
        .requireText(reasons, "vettingReasons", 2000).orThrow();
    accreditations.lock(accreditationId).vet(representativeId, outcome, reasons);
    log(accreditationId, Element.VET_REPRESENTATIVES, outcome.name() + " " + representativeId, reasons, actor);
  }

  /** Consult staff: their views on the proposed activity. */
  @Transactional
  public void consultStaff(UUID accreditationId, String views, String actor) {
    new FieldCheck().requireText(views, "staffViews", 4000).orThrow();
    accreditations.lock(accreditationId).recordStaffConsultation(views);
    log(accreditationId, Element.CONSULT_STAFF, "CONSULTED", views, actor);
  }

  /**
   * Decide accreditation. Reasons are always required; a rejection names at least one failed
   * criterion; a decision against the recommendation says why. Returns true when approved.
   */
  @Transactional
  public boolean decide(UUID accreditationId, DecisionInput input, String actor) {
    Accreditation accreditation = accreditations.lock(accreditationId);
    FieldCheck check = new FieldCheck().require(input.decision() != null, "decision", "must be APPROVE, APPROVE_WITH_CONDITIONS or REJECT")
        .requireText(input.reasons(), "decisionReasons", 4000)
        .optionalText(input.againstRecommendationReason(), "againstRecommendationReason", 2000);
    if (input.decision() == Decision.APPROVE_WITH_CONDITIONS) {
      check.requireText(input.conditions(), "conditions", 4000);
    }
    if (input.decision() == Decision.REJECT) {
      check.require(!input.failedCriteria().isEmpty(), "failedCriteria", "a rejection must name at least one criterion it failed");
    }
    if (input.decision() != null && againstRecommendation(input.decision(), accreditation.getRecommendation())) {
      check.requireText(input.againstRecommendationReason(), "againstRecommendationReason", 2000);
    }
    check.orThrow();
    StringBuilder reasons = new StringBuilder(input.reasons());
    if (input.decision() == Decision.APPROVE_WITH_CONDITIONS) {
      reasons.append("\nConditions: ").append(input.conditions());
    }
    if (input.decision() == Decision.REJECT) {
      reasons.append("\nFailed criteria: ").append(input.failedCriteria().stream().map(Criterion::decisionInput).sorted().collect(Collectors.joining(", ")));
    }
    if (input.againstRecommendationReason() != null && !input.againstRecommendationReason().isBlank()) {
      reasons.append("\nAgainst the recommendation ").append(accreditation.getRecommendation()).append(": ")
          .append(input.againstRecommendationReason());
    }
    log(accreditationId, Element.DECIDE_ACCREDITATION, input.decision().name(), reasons.toString(), actor);
    return input.decision() != Decision.REJECT;
  }

  /** Draft MoU: the clauses agreed with the NGO; only cleared representatives are named. */
  @Transactional
  public Mou draftMou(UUID accreditationId, MouDraft draft, boolean religiousBased, String actor) {
    Accreditation accreditation = accreditations.lock(accreditationId);
    FieldCheck check = new FieldCheck()
        .requireText(draft.mandateAndExpectations(), "mandateAndExpectations", 4000)
        .requireText(draft.responsibilities(), "responsibilities", 4000)
        .requireText(draft.days(), "days", 200)
        .requireText(draft.hours(), "hours", 200)
        .requireText(draft.procedures(), "procedures", 4000)
        .requireText(draft.allowedActivities(), "allowedActivities", 4000)
        .requireText(draft.excludedAreas(), "excludedAreas", 4000)
        .requireRange(draft.confidentialityDays(), "confidentialityDays", 1, 365)
        .requireRange(draft.termMonths(), "termMonths", 1, 60)
        .optionalText(draft.continuityPlan(), "continuityPlan", 4000);
    if (accreditation.getProgrammeType() == ProgrammeType.PRISON_SERVICES) {
      check.requireText(draft.continuityPlan(), "continuityPlan", 4000);
    }
    if (religiousBased) {
      check.require(draft.universalAccess(), "universalAccess", "a religious-based organisation must commit to serve prisoners of any religion or none");
    }
    Set<UUID> cleared = clearedRepresentatives(accreditation);
    check.require(!cleared.isEmpty(), "representatives", "no representative was cleared by security").orThrow();
    MouClauses clauses = new MouClauses(draft.mandateAndExpectations(), draft.responsibilities(), cleared, draft.days(),
        draft.hours(), draft.procedures(), draft.allowedActivities(), draft.excludedAreas(), draft.confidentialityDays(),
        draft.termMonths(), draft.continuityPlan(), draft.universalAccess());
    Mou mou = mous.findByAccreditationId(accreditationId)
        .map(existing -> { existing.revise(clauses); return existing; })
        .orElseGet(() -> mous.save(new Mou(accreditationId, clauses)));
    log(accreditationId, Element.DRAFT_MOU, "MOU_DRAFTED", "version " + mou.getVersion(), actor);
    return mou;
  }

  /** Sign MoU: the director signs a countersigned MoU. */
  @Transactional
  public void signMou(UUID accreditationId, Boolean signed, String notes, String actor) {
    new FieldCheck().require(Boolean.TRUE.equals(signed), "mouSigned", "must be confirmed to sign")
        .optionalText(notes, "signatureNotes", 2000).orThrow();
    accreditations.lock(accreditationId);
    Mou mou = mous.findByAccreditationId(accreditationId)
        .orElseThrow(() -> new ConflictException("accreditation " + accreditationId + " has no MoU to sign"));
    mou.sign(actor, clock.instant());
    log(accreditationId, Element.SIGN_MOU, "MOU_SIGNED", notes, actor);
  }

  /** Prepare renewal: the liaison officer's notes for renewing the accreditation. */
  @Transactional
  public void prepareRenewal(UUID accreditationId, String notes, String actor) {
    new FieldCheck().requireText(notes, "renewalNotes", 4000).orThrow();
    accreditations.lock(accreditationId);
    log(accreditationId, Element.PREPARE_RENEWAL, "RENEWAL_PREPARED", notes, actor);
  }

  static Set<UUID> clearedRepresentatives(Accreditation accreditation) {
    return accreditation.getNominees().stream().filter(n -> n.getVetting() == Vetting.CLEARED)
        .map(Nominee::getRepresentativeId).collect(Collectors.toSet());
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

  private void log(UUID accreditationId, String task, String decision, String reasons, String actor) {
    decisions.record(accreditationId, task, decision, reasons, actor);
  }

  /** The director's options. */
  public enum Decision { APPROVE, APPROVE_WITH_CONDITIONS, REJECT }

  /** One criterion's rating as entered. */
  public record RatingInput(Integer value, String evidence) {}

  /** The director's decision as entered. */
  public record DecisionInput(Decision decision, String reasons, String conditions, Collection<Criterion> failedCriteria,
      String againstRecommendationReason) {
    public DecisionInput {
      failedCriteria = failedCriteria == null ? List.of() : List.copyOf(failedCriteria);
    }
  }

  /** The MoU clauses as entered. */
  public record MouDraft(String mandateAndExpectations, String responsibilities, String days, String hours, String procedures,
      String allowedActivities, String excludedAreas, Integer confidentialityDays, Integer termMonths, String continuityPlan,
      boolean universalAccess) {}
}
