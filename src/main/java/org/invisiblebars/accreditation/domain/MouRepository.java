package org.invisiblebars.accreditation.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

public interface MouRepository extends ListCrudRepository<Mou, UUID> {

  Optional<Mou> findByAccreditationId(UUID accreditationId);

  List<Mou> findByAccreditationIdIn(Collection<UUID> accreditationIds);
}
