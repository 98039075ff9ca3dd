package org.invisiblebars.organisation.domain;

import java.util.Optional;
import java.util.UUID;
import org.invisiblebars.platform.persistence.LockingRepository;

public interface OrganisationRepository extends LockingRepository<Organisation, UUID> {

  /**
   * Writes at once, so that a name taken at the same moment is refused here rather than at commit.
   */
  <S extends Organisation> S saveAndFlush(S organisation);

  Optional<Organisation> findByName(String name);

  Optional<Organisation> findByNameKey(String nameKey);
}
