package org.invisiblebars.accreditation.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.invisiblebars.accreditation.domain.Accreditation;
import org.invisiblebars.accreditation.domain.Application;
import org.invisiblebars.accreditation.domain.MouRepository;
import org.invisiblebars.accreditation.domain.ProgrammeType;
import org.invisiblebars.accreditation.domain.Recommendation;
import org.invisiblebars.accreditation.domain.Vetting;
import org.invisiblebars.accreditation.usecase.ReviewAccreditation.Decided;
import org.invisiblebars.accreditation.usecase.ReviewAccreditation.Decision;
import org.invisiblebars.accreditation.usecase.ReviewAccreditation.MouDraft;
import org.invisiblebars.organisation.domain.MandateType;
import org.invisiblebars.organisation.domain.RepresentativeRepository;
import org.invisiblebars.platform.validation.InvalidInputException;
import org.invisiblebars.platform.validation.InvalidInputException.FieldProblem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The rules of the staff's decisions that need the records (the form's own rules are the
 * handlers'): why a decision goes against the recommendation, and what an MoU needs of the
 * organisation.
 */
class ReviewAccreditationTest {

  private final Accreditations accreditations = mock(Accreditations.class);
  private final MouRepository mous = mock(MouRepository.class);
  private final Clock clock = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);
  private final ReviewAccreditation review =
      new ReviewAccreditation(
          accreditations,
          mous,
          clock,
          mock(MouHistory.class),
          mock(RepresentativeRepository.class),
          mock(OrganisationNotices.class));
  private final UUID representative = UUID.randomUUID();
  private Accreditation accreditation = applying(ProgrammeType.MONITORING);

  @BeforeEach
  void recommended() {
    accreditation.recommend(30, Recommendation.RECOMMEND, "Strong", false, null);
  }

  @Test
  void aDecisionWithTheRecommendationNeedsNoFurtherReason() {
    assertThat(review.decide(accreditation.getId(), Decision.APPROVE, null))
        .isEqualTo(new Decided(true, Recommendation.RECOMMEND));
    assertThat(review.decide(accreditation.getId(), Decision.APPROVE_WITH_CONDITIONS, " "))
        .extracting(Decided::approved)
        .isEqualTo(true);
  }

  @Test
  void rejectingAgainstAPositiveRecommendationSaysWhy() {
    assertThatThrownBy(() -> review.decide(accreditation.getId(), Decision.REJECT, " "))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly(
                        new FieldProblem(
                            "againstRecommendationReason",
                            "is required when the decision goes against the recommendation RECOMMEND")));

    assertThat(review.decide(accreditation.getId(), Decision.REJECT, "Funding letter is forged"))
        .isEqualTo(new Decided(false, Recommendation.RECOMMEND));
  }

  @Test
  void approvingAgainstANegativeRecommendationSaysWhy() {
    accreditation.recommend(15, Recommendation.NOT_RECOMMENDED, "Score too low", false, null);
    assertThatThrownBy(() -> review.decide(accreditation.getId(), Decision.APPROVE, null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("againstRecommendationReason");
    assertThat(review.decide(accreditation.getId(), Decision.REJECT, null))
        .isEqualTo(new Decided(false, Recommendation.NOT_RECOMMENDED));
  }

  @Test
  void anMouNamesOnlyClearedRepresentativesAndNeedsAtLeastOne() {
    assertThatThrownBy(() -> review.draftMou(accreditation.getId(), draft(null, false), false))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly(
                        new FieldProblem(
                            "representatives", "no representative was cleared by security")));
    verify(mous, never()).save(any());

    accreditation.vet(representative, Vetting.CLEARED, "No record");
    when(mous.findByAccreditationId(accreditation.getId())).thenReturn(Optional.empty());
    when(mous.save(any())).thenAnswer(invocation -> invocation.getArgument(0));
    assertThat(
            review
                .draftMou(accreditation.getId(), draft(null, false), false)
                .getRepresentativeIds())
        .containsExactly(representative);
  }

  @Test
  void aPrisonServiceNeedsAContinuityPlanAndAReligiousOrganisationCommitsToServeEveryone() {
    accreditation = applying(ProgrammeType.PRISON_SERVICES);
    accreditation.vet(representative, Vetting.CLEARED, "No record");

    assertThatThrownBy(() -> review.draftMou(accreditation.getId(), draft(" ", false), true))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.problems())
                    .extracting(FieldProblem::field)
                    .containsExactly("continuityPlan", "universalAccess"));
    verify(mous, never()).save(any());
  }

  private Accreditation applying(ProgrammeType programme) {
    Accreditation applied =
        new Accreditation(
            new Application(
                UUID.randomUUID(),
                MandateType.NGO,
                programme,
                null,
                null,
                null,
                "Monitoring",
                null,
                null,
                12,
                List.of(UUID.randomUUID()),
                List.of(representative)),
            "john",
            Instant.now(),
            null);
    when(accreditations.lock(applied.getId())).thenReturn(applied);
    return applied;
  }

  private static MouDraft draft(String continuityPlan, boolean universalAccess) {
    return new MouDraft(
        "Monitoring",
        "Never replaces staff",
        "Tuesdays",
        "09:00-16:00",
        "Escorted",
        "Interviews",
        "Segregation unit",
        30,
        12,
        continuityPlan,
        universalAccess,
        null);
  }
}
