package org.invisiblebars.facility.domain;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

public interface FacilityRepository extends ListCrudRepository<Facility, UUID> {

  Optional<Facility> findByName(String name);
}
