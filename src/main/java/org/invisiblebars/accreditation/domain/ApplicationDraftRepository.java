package org.invisiblebars.accreditation.domain;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

public interface ApplicationDraftRepository extends ListCrudRepository<ApplicationDraft, UUID> {

  Optional<ApplicationDraft> findByOrganisationId(UUID organisationId);
}
