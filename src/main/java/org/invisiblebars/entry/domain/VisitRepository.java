package org.invisiblebars.entry.domain;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.invisiblebars.platform.persistence.LockingRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface VisitRepository extends LockingRepository<Visit, UUID> {

  List<Visit> findByOrganisationIdOrderByWindowStartDesc(UUID organisationId);

  List<Visit> findAllByOrderByWindowStartDesc();

  Optional<Visit> findByOrganisationIdAndIdempotencyKey(UUID organisationId, String idempotencyKey);

  /**
   * The organisation's visits at one of {@code facilityIds} whose window starts from {@code from}
   * (inclusive) to {@code to} (exclusive), the latest first.
   */
  @Query(
      "select v from Visit v where v.organisationId = :organisationId"
          + " and v.facilityId in :facilityIds and v.windowStart >= :from and v.windowStart < :to"
          + " order by v.windowStart desc")
  List<Visit> startingBetween(
      @Param("organisationId") UUID organisationId,
      @Param("facilityIds") Collection<UUID> facilityIds,
      @Param("from") Instant from,
      @Param("to") Instant to);

  /**
   * The organisation's visits in one of {@code statuses}, locked (in the order of their ids) for a
   * change to all of them.
   */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  List<Visit> findForUpdateByOrganisationIdAndStatusInOrderById(
      UUID organisationId, Collection<VisitStatus> statuses);

  /**
   * The visits in {@code status} whose window starts after {@code from} and before {@code to}: the
   * scheduled ones whose search notice the deadline reminders look at.
   */
  List<Visit> findByStatusAndWindowStartBetween(VisitStatus status, Instant from, Instant to);

  /** Representatives among {@code representativeIds} who have entered a facility before. */
  @Query(
      "select distinct r.representativeId from Visit v join v.representatives r"
          + " where r.representativeId in :representativeIds and r.entryOutcome = org.invisiblebars.entry.domain.EntryOutcome.ENTERED")
  List<UUID> whoEnteredBefore(@Param("representativeIds") Collection<UUID> representativeIds);
}
