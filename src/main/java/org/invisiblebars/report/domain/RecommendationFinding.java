package org.invisiblebars.report.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * The organisation's finding on one recommendation, from a follow-up visit that named it: kept
 * beside, never instead of, the administration's own follow-up record on the recommendation.
 */
@Entity
@Table(name = "recommendation_finding")
public class RecommendationFinding {

  @Id private UUID id;

  @Column(name = "recommendation_id", nullable = false)
  private UUID recommendationId;

  @Column(name = "visit_id", nullable = false)
  private UUID visitId;

  @Column(name = "organisation_id", nullable = false)
  private UUID organisationId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private FindingStatus status;

  @Column(nullable = false, length = 4000)
  private String text;

  @Column(name = "recorded_by", nullable = false, length = 64)
  private String recordedBy;

  @Column(name = "recorded_at", nullable = false)
  private Instant recordedAt;

  protected RecommendationFinding() {}

  public RecommendationFinding(
      UUID recommendationId,
      UUID visitId,
      UUID organisationId,
      FindingStatus status,
      String text,
      String recordedBy,
      Instant recordedAt) {
    this.id = UUID.randomUUID();
    this.recommendationId = recommendationId;
    this.visitId = visitId;
    this.organisationId = organisationId;
    this.status = status;
    this.text = text;
    this.recordedBy = recordedBy;
    this.recordedAt = recordedAt;
  }

  public UUID getId() {
    return id;
  }

  public UUID getRecommendationId() {
    return recommendationId;
  }

  public UUID getVisitId() {
    return visitId;
  }

  public UUID getOrganisationId() {
    return organisationId;
  }

  public FindingStatus getStatus() {
    return status;
  }

  public String getText() {
    return text;
  }

  public String getRecordedBy() {
    return recordedBy;
  }

  public Instant getRecordedAt() {
    return recordedAt;
  }
}
