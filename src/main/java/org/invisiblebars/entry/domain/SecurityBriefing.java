package org.invisiblebars.entry.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A representative's security briefing (emergency procedures), held once before their first entry.
 */
@Entity
@Table(name = "security_briefing")
public class SecurityBriefing {

  @Id
  @Column(name = "representative_id")
  private UUID representativeId;

  @Column(name = "visit_id", nullable = false)
  private UUID visitId;

  @Column(name = "briefed_by", nullable = false, length = 64)
  private String briefedBy;

  @Column(name = "briefed_at", nullable = false)
  private Instant briefedAt;

  @Column(length = 2000)
  private String notes;

  protected SecurityBriefing() {}

  public SecurityBriefing(
      UUID representativeId, UUID visitId, String briefedBy, Instant briefedAt, String notes) {
    this.representativeId = representativeId;
    this.visitId = visitId;
    this.briefedBy = briefedBy;
    this.briefedAt = briefedAt;
    this.notes = notes;
  }

  public UUID getRepresentativeId() {
    return representativeId;
  }

  public UUID getVisitId() {
    return visitId;
  }

  public String getBriefedBy() {
    return briefedBy;
  }

  public Instant getBriefedAt() {
    return briefedAt;
  }

  public String getNotes() {
    return notes;
  }
}
