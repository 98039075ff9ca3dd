package org.invisiblebars.accreditation.usecase;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.invisiblebars.accreditation.domain.Accreditation;
import org.invisiblebars.accreditation.domain.AccreditationRepository;
import org.invisiblebars.accreditation.domain.AccreditationStatus;
import org.invisiblebars.accreditation.domain.Criterion;
import org.invisiblebars.accreditation.domain.Rating;
import org.invisiblebars.accreditation.domain.Recommendation;
import org.invisiblebars.facility.domain.Facility;
import org.invisiblebars.facility.domain.FacilityRepository;
import org.invisiblebars.organisation.domain.Organisation;
import org.invisiblebars.organisation.domain.OrganisationRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recommends on an application from its ratings (DMN accreditation-criteria) and from liaison
 * capacity: "if I let one in, how many follow?" When a requested facility is full, the
 * recommendation is to join an NGO network already active there instead.
 */
@Service
public class RecommendAccreditation {

  /**
   * Accreditations that occupy liaison capacity at a facility; the networks a full facility's
   * applicant is pointed to are those of the same organisations (the capacity counted them, so the
   * recommendation names them).
   */
  static final List<AccreditationStatus> OCCUPYING =
      List.of(
          AccreditationStatus.ACTIVE,
          AccreditationStatus.MOU_IN_NEGOTIATION,
          AccreditationStatus.AWAITING_COUNTERSIGNATURE,
          AccreditationStatus.AWAITING_SIGNATURE);

  private final Accreditations accreditations;
  private final AccreditationRepository repository;
  private final FacilityRepository facilities;
  private final OrganisationRepository organisations;
  private final CriteriaDecision decision;

  RecommendAccreditation(
      Accreditations accreditations,
      AccreditationRepository repository,
      FacilityRepository facilities,
      OrganisationRepository organisations,
      CriteriaDecision decision) {
    this.accreditations = accreditations;
    this.repository = repository;
    this.facilities = facilities;
    this.organisations = organisations;
    this.decision = decision;
  }

  /** Scores the application, checks capacity, stores the recommendation and returns it. */
  @Transactional
  public Recommendation recommend(UUID accreditationId) {
    Accreditation accreditation = accreditations.lock(accreditationId);
    Map<Criterion, Integer> ratings = new EnumMap<>(Criterion.class);
    for (Rating rating : accreditation.getRatings()) {
      ratings.put(rating.getCriterion(), rating.getValue());
    }
    if (ratings.size() != Criterion.values().length) {
      throw new IllegalStateException(
          "accreditation " + accreditationId + " is not rated on every criterion");
    }
    CriteriaDecision.Outcome outcome =
        decision.evaluate(
            ratings, accreditation.getSustainabilityMonths(), accreditation.getProgrammeType());

    List<Facility> full =
        accreditation.getFacilityIds().stream()
            .map(facilities::findById)
            .flatMap(Optional::stream)
            .filter(
                f ->
                    repository.countByFacilityAndStatusIn(f.getId(), OCCUPYING)
                        >= f.getLiaisonCapacity())
            .toList();
    Recommendation recommendation = outcome.recommendation();
    String rationale = outcome.rationale();
    String networks = null;
    if (!full.isEmpty()) {
      networks =
          String.join(
              ", ",
              full.stream()
                  .flatMap(f -> repository.organisationsAt(f.getId(), OCCUPYING).stream())
                  .map(organisations::findById)
                  .flatMap(Optional::stream)
                  .map(Organisation::getNetworkName)
                  .filter(Objects::nonNull)
                  .distinct()
                  .sorted()
                  .toList());
      recommendation = Recommendation.NOT_RECOMMENDED;
      rationale =
          rationale
              + " Liaison capacity is full at "
              + String.join(", ", full.stream().map(Facility::getName).toList())
              + (networks.isEmpty()
                  ? ": none of the organisations working there belongs to a network the"
                      + " organisation could join."
                  : ": the organisation should join a network already working there ("
                      + networks
                      + ").");
    }
    accreditation.recommend(outcome.score(), recommendation, rationale, !full.isEmpty(), networks);
    return recommendation;
  }
}
