package org.invisiblebars.accreditation.domain;

import java.util.List;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

public interface MouVersionRepository extends ListCrudRepository<MouVersion, UUID> {

  List<MouVersion> findByMouIdOrderByVersion(UUID mouId);
}
