package org.invisiblebars.sla.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** A task that passed its due date: recorded once, resolved when the task completes. */
@Entity
@Table(name = SlaBreach.TABLE)
public class SlaBreach {

  /** The table and its column of task ids, named for the breach scan's query. */
  public static final String TABLE = "sla_breach";

  public static final String TASK_ID = "task_id";

  @Id private UUID id;

  @Column(name = TASK_ID, nullable = false, unique = true, length = 64)
  private String taskId;

  @Column(name = "process_key", nullable = false)
  private String processKey;

  @Column(name = "task_key", nullable = false)
  private String taskKey;

  @Column(name = "process_instance_id", length = 64)
  private String processInstanceId;

  @Column(name = "business_key")
  private String businessKey;

  @Column(name = "task_name")
  private String taskName;

  @Column(name = "case_reference")
  private String caseReference;

  @Column(name = "organisation_name", length = 200)
  private String organisationName;

  @Column(name = "facility_name", length = 200)
  private String facilityName;

  private String assignee;

  @Column(name = "candidate_groups", length = 1000)
  private String candidateGroups;

  @Column(name = "escalation_group")
  private String escalationGroup;

  @Column(name = "due_at", nullable = false)
  private Instant dueAt;

  @Column(name = "breached_at", nullable = false)
  private Instant breachedAt;

  @Column(name = "resolved_at")
  private Instant resolvedAt;

  protected SlaBreach() {}

  public SlaBreach(
      String taskId,
      String processKey,
      String taskKey,
      String processInstanceId,
      String businessKey,
      String assignee,
      String candidateGroups,
      String escalationGroup,
      Instant dueAt,
      Instant breachedAt) {
    this.id = UUID.randomUUID();
    this.taskId = taskId;
    this.processKey = processKey;
    this.taskKey = taskKey;
    this.processInstanceId = processInstanceId;
    this.businessKey = businessKey;
    this.assignee = assignee;
    this.candidateGroups = candidateGroups;
    this.escalationGroup = escalationGroup;
    this.dueAt = dueAt;
    this.breachedAt = breachedAt;
  }

  /**
   * What a person reads of the breach: the task's name and the case's reference, organisation and
   * facility, as they were when it was recorded.
   */
  public void describe(
      String taskName, String caseReference, String organisationName, String facilityName) {
    this.taskName = taskName;
    this.caseReference = caseReference;
    this.organisationName = organisationName;
    this.facilityName = facilityName;
  }

  /** How far past the due date: until resolved, or until {@code now} while open. */
  public Duration overTarget(Instant now) {
    return Duration.between(dueAt, resolvedAt != null ? resolvedAt : now);
  }

  public UUID getId() {
    return id;
  }

  public String getTaskName() {
    return taskName;
  }

  public String getCaseReference() {
    return caseReference;
  }

  public String getOrganisationName() {
    return organisationName;
  }

  public String getFacilityName() {
    return facilityName;
  }

  public String getTaskId() {
    return taskId;
  }

  public String getProcessKey() {
    return processKey;
  }

  public String getTaskKey() {
    return taskKey;
  }

  public String getProcessInstanceId() {
    return processInstanceId;
  }

  public String getBusinessKey() {
    return businessKey;
  }

  public String getAssignee() {
    return assignee;
  }

  public String getCandidateGroups() {
    return candidateGroups;
  }

  public String getEscalationGroup() {
    return escalationGroup;
  }

  public Instant getDueAt() {
    return dueAt;
  }

  public Instant getBreachedAt() {
    return breachedAt;
  }

  public Instant getResolvedAt() {
    return resolvedAt;
  }
}
