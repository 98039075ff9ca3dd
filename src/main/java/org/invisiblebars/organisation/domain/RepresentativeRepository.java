package org.invisiblebars.organisation.domain;

import java.util.List;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

public interface RepresentativeRepository extends ListCrudRepository<Representative, UUID> {

  List<Representative> findByOrganisationId(UUID organisationId);
}
