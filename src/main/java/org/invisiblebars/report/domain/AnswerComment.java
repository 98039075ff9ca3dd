package org.invisiblebars.report.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * The organisation's comment on the authorities' answer to one of its recommendations, once the
 * plan of action is submitted. Comments are added, never changed: several rounds make a dialogue
 * the coordination meeting reads beside each answer.
 */
@Entity
@Table(name = "answer_comment")
public class AnswerComment {

  @Id private UUID id;

  @Column(name = "report_id", nullable = false)
  private UUID reportId;

  @Column(name = "recommendation_id", nullable = false)
  private UUID recommendationId;

  @Column(nullable = false, length = 4000)
  private String comment;

  @Column(name = "commented_by", nullable = false, length = 64)
  private String commentedBy;

  @Column(name = "commented_at", nullable = false)
  private Instant commentedAt;

  protected AnswerComment() {}

  public AnswerComment(
      UUID reportId, UUID recommendationId, String comment, String commentedBy, Instant at) {
    this.id = UUID.randomUUID();
    this.reportId = reportId;
    this.recommendationId = recommendationId;
    this.comment = comment;
    this.commentedBy = commentedBy;
    this.commentedAt = at;
  }

  public UUID getId() {
    return id;
  }

  public UUID getReportId() {
    return reportId;
  }

  public UUID getRecommendationId() {
    return recommendationId;
  }

  public String getComment() {
    return comment;
  }

  public String getCommentedBy() {
    return commentedBy;
  }

  public Instant getCommentedAt() {
    return commentedAt;
  }
}
