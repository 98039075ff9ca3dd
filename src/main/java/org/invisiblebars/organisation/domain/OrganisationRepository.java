package org.invisiblebars.organisation.domain;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

public interface OrganisationRepository extends ListCrudRepository<Organisation, UUID> {

  Optional<Organisation> findByName(String name);

  Optional<Organisation> findByNameKey(String nameKey);
}
