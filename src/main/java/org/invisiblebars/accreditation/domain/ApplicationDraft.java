package org.invisiblebars.accreditation.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * The application an organisation is still writing in the portal: its answers so far (the request
 * of an application, partly filled in, as JSON), saved at every step so that it can come back
 * later. One per organisation; it is removed when it is submitted.
 */
@Entity
@Table(name = "application_draft")
public class ApplicationDraft {

  @Id private UUID id;

  @Column(name = "organisation_id", nullable = false, unique = true)
  private UUID organisationId;

  @Column(nullable = false, length = 100000)
  private String answers;

  @Column(name = "updated_by", nullable = false, length = 64)
  private String updatedBy;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected ApplicationDraft() {}

  public ApplicationDraft(UUID organisationId, String answers, String by, Instant at) {
    this.id = UUID.randomUUID();
    this.organisationId = organisationId;
    this.answers = answers;
    this.updatedBy = by;
    this.updatedAt = at;
  }

  public void update(String answers, String by, Instant at) {
    this.answers = answers;
    this.updatedBy = by;
    this.updatedAt = at;
  }

  public UUID getId() {
    return id;
  }

  public UUID getOrganisationId() {
    return organisationId;
  }

  public String getAnswers() {
    return answers;
  }

  public String getUpdatedBy() {
    return updatedBy;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }
}
