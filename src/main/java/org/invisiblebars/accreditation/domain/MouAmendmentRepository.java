package org.invisiblebars.accreditation.domain;

import java.util.List;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

public interface MouAmendmentRepository extends ListCrudRepository<MouAmendment, UUID> {

  List<MouAmendment> findByMouIdOrderByProposedAt(UUID mouId);

  List<MouAmendment> findByMouIdAndAgainstVersion(UUID mouId, int againstVersion);
}
