package org.invisiblebars.platform.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One human decision: who decided what on which subject, when, and why. Never changed. */
@Entity
@Table(name = "decision_log")
public class DecisionLogEntry {

  @Id private UUID id;

  @Column(name = "subject_type", nullable = false, length = 30)
  private String subjectType;

  @Column(name = "subject_id", nullable = false)
  private UUID subjectId;

  @Column(nullable = false, length = 100)
  private String task;

  @Column(nullable = false, length = 50)
  private String decision;

  /**
   * Long enough for a director's reasons, conditions and why against the recommendation together.
   */
  @Column(length = 12000)
  private String reasons;

  @Column(name = "decided_by", nullable = false, length = 64)
  private String decidedBy;

  @Column(name = "decided_at", nullable = false)
  private Instant decidedAt;

  protected DecisionLogEntry() {}

  public DecisionLogEntry(
      String subjectType,
      UUID subjectId,
      String task,
      String decision,
      String reasons,
      String decidedBy,
      Instant decidedAt) {
    this.id = UUID.randomUUID();
    this.subjectType = subjectType;
    this.subjectId = subjectId;
    this.task = task;
    this.decision = decision;
    this.reasons = reasons;
    this.decidedBy = decidedBy;
    this.decidedAt = decidedAt;
  }

  public UUID getId() {
    return id;
  }

  public String getSubjectType() {
    return subjectType;
  }

  public UUID getSubjectId() {
    return subjectId;
  }

  public String getTask() {
    return task;
  }

  public String getDecision() {
    return decision;
  }

  public String getReasons() {
    return reasons;
  }

  public String getDecidedBy() {
    return decidedBy;
  }

  public Instant getDecidedAt() {
    return decidedAt;
  }
}
