package org.invisiblebars.accreditation.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** The bytes of a {@link SupportingDocument}, read only when someone opens it. */
@Entity
@Table(name = "supporting_document_content")
public class DocumentContent {

  @Id
  @Column(name = "document_id")
  private UUID documentId;

  @Column(nullable = false)
  private byte[] content;

  protected DocumentContent() {}

  public DocumentContent(UUID documentId, byte[] content) {
    this.documentId = documentId;
    this.content = content.clone();
  }

  public UUID getDocumentId() {
    return documentId;
  }

  public byte[] getContent() {
    return content.clone();
  }
}
