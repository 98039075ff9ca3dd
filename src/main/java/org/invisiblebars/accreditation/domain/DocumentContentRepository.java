package org.invisiblebars.accreditation.domain;

import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

public interface DocumentContentRepository extends ListCrudRepository<DocumentContent, UUID> {}
