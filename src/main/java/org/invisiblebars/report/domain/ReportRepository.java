package org.invisiblebars.report.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.invisiblebars.platform.persistence.LockingRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ReportRepository extends LockingRepository<Report, UUID> {

  List<Report> findByOrganisationIdOrderBySubmittedAtDesc(UUID organisationId);

  Optional<Report> findByOrganisationIdAndIdempotencyKey(
      UUID organisationId, String idempotencyKey);

  /**
   * The organisation's reports on one of {@code facilityIds} submitted from {@code from}
   * (inclusive) to {@code to} (exclusive), the latest first.
   */
  @Query(
      "select r from Report r where r.organisationId = :organisationId"
          + " and r.facilityId in :facilityIds and r.submittedAt >= :from and r.submittedAt < :to"
          + " order by r.submittedAt desc")
  List<Report> submittedBetween(
      @Param("organisationId") UUID organisationId,
      @Param("facilityIds") Collection<UUID> facilityIds,
      @Param("from") Instant from,
      @Param("to") Instant to);
}
