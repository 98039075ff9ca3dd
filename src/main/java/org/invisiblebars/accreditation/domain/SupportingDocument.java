package org.invisiblebars.accreditation.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A document an organisation uploaded with its application or its answer to a request for
 * information: its type as detected from its content (never from its name), its size and SHA-256,
 * and the name it was uploaded with, sanitised, only to be shown. It belongs to the organisation's
 * draft until the draft is submitted, then to the accreditation. The bytes are apart ({@link
 * DocumentContent}), so that lists never read them.
 */
@Entity
@Table(name = "supporting_document")
public class SupportingDocument {

  @Id private UUID id;

  @Column(name = "organisation_id", nullable = false)
  private UUID organisationId;

  @Column(name = "draft_id")
  private UUID draftId;

  @Column(name = "accreditation_id")
  private UUID accreditationId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 40)
  private DocumentKind kind;

  @Column(name = "file_name", nullable = false, length = 200)
  private String fileName;

  @Column(name = "media_type", nullable = false, length = 100)
  private String mediaType;

  @Column(name = "size_bytes", nullable = false)
  private long sizeBytes;

  @Column(nullable = false, length = 64)
  private String sha256;

  @Column(name = "uploaded_by", nullable = false, length = 64)
  private String uploadedBy;

  @Column(name = "uploaded_at", nullable = false)
  private Instant uploadedAt;

  protected SupportingDocument() {}

  public SupportingDocument(
      UUID organisationId,
      DocumentKind kind,
      String fileName,
      String mediaType,
      long sizeBytes,
      String sha256,
      String uploadedBy,
      Instant uploadedAt) {
    this.id = UUID.randomUUID();
    this.organisationId = organisationId;
    this.kind = kind;
    this.fileName = fileName;
    this.mediaType = mediaType;
    this.sizeBytes = sizeBytes;
    this.sha256 = sha256;
    this.uploadedBy = uploadedBy;
    this.uploadedAt = uploadedAt;
  }

  /** The document goes with the organisation's draft until it is submitted. */
  public void attachToDraft(UUID draft) {
    this.draftId = draft;
    this.accreditationId = null;
  }

  /** The document goes with the accreditation (a submitted draft, or an answer to a request). */
  public void attachToAccreditation(UUID accreditation) {
    this.accreditationId = accreditation;
    this.draftId = null;
  }

  public UUID getId() {
    return id;
  }

  public UUID getOrganisationId() {
    return organisationId;
  }

  public UUID getDraftId() {
    return draftId;
  }

  public UUID getAccreditationId() {
    return accreditationId;
  }

  public DocumentKind getKind() {
    return kind;
  }

  public String getFileName() {
    return fileName;
  }

  public String getMediaType() {
    return mediaType;
  }

  public long getSizeBytes() {
    return sizeBytes;
  }

  public String getSha256() {
    return sha256;
  }

  public String getUploadedBy() {
    return uploadedBy;
  }

  public Instant getUploadedAt() {
    return uploadedAt;
  }
}
