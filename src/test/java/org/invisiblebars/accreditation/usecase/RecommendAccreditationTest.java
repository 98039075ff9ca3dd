package org.invisiblebars.accreditation.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.invisiblebars.accreditation.domain.Accreditation;
import org.invisiblebars.accreditation.domain.AccreditationRepository;
import org.invisiblebars.accreditation.domain.Application;
import org.invisiblebars.accreditation.domain.Criterion;
import org.invisiblebars.accreditation.domain.ProgrammeType;
import org.invisiblebars.accreditation.domain.Rating;
import org.invisiblebars.accreditation.domain.Recommendation;
import org.invisiblebars.facility.domain.Facility;
import org.invisiblebars.facility.domain.FacilityRepository;
import org.invisiblebars.organisation.domain.MandateType;
import org.invisiblebars.organisation.domain.Organisation;
import org.invisiblebars.organisation.domain.OrganisationRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * "If I let one in, how many follow?": a full facility turns the recommendation into joining a
 * network.
 */
class RecommendAccreditationTest {

  private final Accreditations accreditations = mock(Accreditations.class);
  private final AccreditationRepository repository = mock(AccreditationRepository.class);
  private final FacilityRepository facilities = mock(FacilityRepository.class);
  private final OrganisationRepository organisations = mock(OrganisationRepository.class);
  private final CriteriaDecision decision = mock(CriteriaDecision.class);
  private final RecommendAccreditation recommend =
      new RecommendAccreditation(accreditations, repository, facilities, organisations, decision);

  private final Facility prison = new Facility("Central Prison", 2);
  private final Accreditation accreditation =
      new Accreditation(
          new Application(
              UUID.randomUUID(),
              MandateType.NGO,
              ProgrammeType.MONITORING,
              null,
              null,
              null,
              "Monitoring",
              null,
              null,
              18,
              List.of(prison.getId()),
              List.of(UUID.randomUUID())),
          "john",
          Instant.now(),
          null);

  @BeforeEach
  void ratedApplication() {
    accreditation.rate(
        Arrays.stream(Criterion.values()).map(c -> new Rating(c, 4, "evidence")).toList());
    when(accreditations.lock(accreditation.getId())).thenReturn(accreditation);
    when(facilities.findById(prison.getId())).thenReturn(Optional.of(prison));
    when(decision.evaluate(any(), anyInt(), eq(ProgrammeType.MONITORING)))
        .thenReturn(
            new CriteriaDecision.Outcome(
                28, Recommendation.RECOMMEND, "Strong on every criterion."));
  }

  @Test
  void withCapacityLeftTheDecisionsRecommendationStands() {
    when(repository.countByFacilityAndStatusIn(prison.getId(), RecommendAccreditation.OCCUPYING))
        .thenReturn(1L);

    assertThat(recommend.recommend(accreditation.getId())).isEqualTo(Recommendation.RECOMMEND);
    assertThat(accreditation.getCapacityFull()).isFalse();
    assertThat(accreditation.getScore()).isEqualTo(28);
  }

  @Test
  void aFullFacilityRecommendsJoiningTheNetworksActiveThere() {
    Organisation active = new Organisation("Prison Fellowship", MandateType.NGO, Instant.now());
    active.joinNetwork("Regional Prison Monitoring Network");
    when(repository.countByFacilityAndStatusIn(prison.getId(), RecommendAccreditation.OCCUPYING))
        .thenReturn(2L);
    when(repository.organisationsAt(prison.getId(), RecommendAccreditation.OCCUPYING))
        .thenReturn(List.of(active.getId()));
    when(organisations.findById(active.getId())).thenReturn(Optional.of(active));

    assertThat(recommend.recommend(accreditation.getId()))
        .isEqualTo(Recommendation.NOT_RECOMMENDED);
    assertThat(accreditation.getCapacityFull()).isTrue();
    assertThat(accreditation.getSuggestedNetworks())
        .isEqualTo("Regional Prison Monitoring Network");
    assertThat(accreditation.getRecommendationRationale())
        .contains(
            "Liaison capacity is full at Central Prison", "Regional Prison Monitoring Network");
  }
}
