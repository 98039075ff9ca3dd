package org.invisiblebars.accreditation.domain;

import java.util.List;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

public interface SupportingDocumentRepository extends ListCrudRepository<SupportingDocument, UUID> {

  List<SupportingDocument> findByDraftIdOrderByUploadedAt(UUID draftId);

  List<SupportingDocument> findByAccreditationIdOrderByUploadedAt(UUID accreditationId);
}
