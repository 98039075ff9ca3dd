package org.invisiblebars.entry.domain;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

public interface SecurityBriefingRepository extends ListCrudRepository<SecurityBriefing, UUID> {

  List<SecurityBriefing> findByRepresentativeIdIn(Collection<UUID> representativeIds);
}
