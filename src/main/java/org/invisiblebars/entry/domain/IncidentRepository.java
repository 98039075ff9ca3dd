package org.invisiblebars.entry.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.invisiblebars.platform.persistence.LockingRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface IncidentRepository extends LockingRepository<Incident, UUID> {

  List<Incident> findByOrganisationIdOrderByRecordedAtDesc(UUID organisationId);

  List<Incident> findAllByOrderByRecordedAtDesc();

  /**
   * Upheld incidents (decided so, or left uncontested) recorded since {@code since} against the
   * organisation or one of the representatives: what the visit-risk decision counts. An open,
   * contested or dismissed incident does not count.
   */
  @Query(
      "select count(i) from Incident i where i.recordedAt >= :since"
          + " and i.status in (org.invisiblebars.entry.domain.IncidentStatus.UPHELD,"
          + " org.invisiblebars.entry.domain.IncidentStatus.UPHELD_UNCONTESTED)"
          + " and (i.organisationId = :organisationId or i.representativeId in :representativeIds)")
  long countUpheldSince(
      @Param("organisationId") UUID organisationId,
      @Param("representativeIds") Collection<UUID> representativeIds,
      @Param("since") Instant since);
}
