package org.invisiblebars.report.domain;

import java.util.List;
import java.util.UUID;
import org.invisiblebars.platform.persistence.LockingRepository;

public interface PublicationRepository extends LockingRepository<Publication, UUID> {

  List<Publication> findByStatusOrderByPublishedAtDesc(PublicationStatus status);
}
