package org.invisiblebars.facility.domain;

import java.util.Optional;
import java.util.UUID;
import org.invisiblebars.platform.persistence.LockingRepository;

public interface FacilityRepository extends LockingRepository<Facility, UUID> {

  /**
   * Writes at once, so that a name taken at the same moment is refused here rather than at commit.
   */
  <S extends Facility> S saveAndFlush(S facility);

  Optional<Facility> findByName(String name);
}
