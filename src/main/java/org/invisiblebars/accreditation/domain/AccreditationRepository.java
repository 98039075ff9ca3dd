package org.invisiblebars.accreditation.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.invisiblebars.platform.persistence.LockingRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface AccreditationRepository extends LockingRepository<Accreditation, UUID> {

  List<Accreditation> findByOrganisationId(UUID organisationId);

  /** The renewals of an accreditation. */
  List<Accreditation> findByRenewalOf(UUID renewalOf);

  Optional<Accreditation> findByOrganisationIdAndIdempotencyKey(
      UUID organisationId, String idempotencyKey);

  /** Accreditations in one of {@code statuses} that name the facility: the liaison load there. */
  @Query(
      "select count(a) from Accreditation a join a.facilityIds f where f = :facilityId and a.status in :statuses")
  long countByFacilityAndStatusIn(
      @Param("facilityId") UUID facilityId,
      @Param("statuses") Collection<AccreditationStatus> statuses);

  /**
   * The organisations whose accreditations in one of {@code statuses} name the facility: those
   * counted by {@link #countByFacilityAndStatusIn}.
   */
  @Query(
      "select distinct a.organisationId from Accreditation a join a.facilityIds f where f = :facilityId and a.status in :statuses")
  List<UUID> organisationsAt(
      @Param("facilityId") UUID facilityId,
      @Param("statuses") Collection<AccreditationStatus> statuses);
}
