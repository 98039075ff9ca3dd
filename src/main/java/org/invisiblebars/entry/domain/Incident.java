package org.invisiblebars.entry.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.invisiblebars.platform.validation.ConflictException;

/**
 * An incident security recorded at a visit's check-out, against one representative or the
 * delegation as a whole. It is the organisation's to read and to contest within a period; the
 * director decides a contested one with reasons. Only an upheld incident weighs in later risk
 * assessments, so a visitor's record is not worsened by a note nobody could answer.
 */
@Entity
@Table(name = "visit_incident")
public class Incident {

  /** The visit's id: one incident per visit (its check-out records one). */
  @Id
  @Column(name = "visit_id")
  private UUID id;

  @Column(name = "organisation_id", nullable = false)
  private UUID organisationId;

  @Column(name = "representative_id")
  private UUID representativeId;

  @Column(nullable = false, length = 4000)
  private String description;

  @Column(name = "recorded_at", nullable = false)
  private Instant recordedAt;

  @Column(name = "recorded_by", nullable = false, length = 64)
  private String recordedBy;

  @Column(name = "contest_deadline", nullable = false)
  private Instant contestDeadline;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private IncidentStatus status;

  @Column(name = "contest_account", length = 8000)
  private String contestAccount;

  @Column(name = "contested_at")
  private Instant contestedAt;

  @Column(name = "contested_by", length = 64)
  private String contestedBy;

  @Column(name = "decision_reasons", length = 4000)
  private String decisionReasons;

  @Column(name = "decided_at")
  private Instant decidedAt;

  @Column(name = "decided_by", length = 64)
  private String decidedBy;

  protected Incident() {}

  public Incident(
      Visit visit,
      UUID representativeId,
      String description,
      String recordedBy,
      Instant recordedAt,
      Instant contestDeadline) {
    this.id = visit.getId();
    this.organisationId = visit.getOrganisationId();
    this.representativeId = representativeId;
    this.description = description;
    this.recordedBy = recordedBy;
    this.recordedAt = recordedAt;
    this.contestDeadline = contestDeadline;
    this.status = IncidentStatus.OPEN;
  }

  /** The organisation contests the incident with its account, before the period ends. */
  public void contest(String account, String by, Instant at) {
    if (status != IncidentStatus.OPEN) {
      throw new ConflictException("the incident is " + status + ": it can no longer be contested");
    }
    if (at.isAfter(contestDeadline)) {
      throw new ConflictException("the period to contest the incident ended at " + contestDeadline);
    }
    this.contestAccount = account;
    this.contestedAt = at;
    this.contestedBy = by;
    this.status = IncidentStatus.CONTESTED;
  }

  /** The director decides a contested incident, upheld or dismissed, with reasons. */
  public void decide(boolean upheld, String reasons, String by, Instant at) {
    if (status != IncidentStatus.CONTESTED) {
      throw new ConflictException("the incident is " + status + ", not CONTESTED");
    }
    this.status = upheld ? IncidentStatus.UPHELD : IncidentStatus.DISMISSED;
    this.decisionReasons = reasons;
    this.decidedBy = by;
    this.decidedAt = at;
  }

  /**
   * The contest period passed and nobody contested: the incident stands. Returns false where it was
   * contested (or decided) in the meantime.
   */
  public boolean upholdUncontested(Instant at) {
    if (status != IncidentStatus.OPEN) {
      return false;
    }
    this.status = IncidentStatus.UPHELD_UNCONTESTED;
    this.decidedAt = at;
    this.decidedBy = "system";
    return true;
  }

  public UUID getVisitId() {
    return id;
  }

  public UUID getOrganisationId() {
    return organisationId;
  }

  public UUID getRepresentativeId() {
    return representativeId;
  }

  public String getDescription() {
    return description;
  }

  public Instant getRecordedAt() {
    return recordedAt;
  }

  public String getRecordedBy() {
    return recordedBy;
  }

  public Instant getContestDeadline() {
    return contestDeadline;
  }

  public IncidentStatus getStatus() {
    return status;
  }

  public String getContestAccount() {
    return contestAccount;
  }

  public Instant getContestedAt() {
    return contestedAt;
  }

  public String getContestedBy() {
    return contestedBy;
  }

  public String getDecisionReasons() {
    return decisionReasons;
  }

  public Instant getDecidedAt() {
    return decidedAt;
  }

  public String getDecidedBy() {
    return decidedBy;
  }
}
