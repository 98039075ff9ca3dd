package org.invisiblebars.report.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.invisiblebars.platform.persistence.LockingRepository;

public interface ReportRepository extends LockingRepository<Report, UUID> {

  List<Report> findByOrganisationIdOrderBySubmittedAtDesc(UUID organisationId);

  Optional<Report> findByOrganisationIdAndIdempotencyKey(
      UUID organisationId, String idempotencyKey);
}
