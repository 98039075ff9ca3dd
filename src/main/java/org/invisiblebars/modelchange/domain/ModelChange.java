package org.invisiblebars.modelchange.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A change a process owner submitted by deploying a model: the engine's deployment that holds it,
 * who deployed it when and under which name (the deployer's note), what it changes against the live
 * versions, and the review's outcome.
 */
@Entity
@Table(name = "model_change")
public class ModelChange {

  /** Where a change stands. */
  public enum Status {
    /** Held: its process definitions are suspended and none of its versions is live. */
    AWAITING_REVIEW,
    /** Approved and activated: its versions are live. */
    APPROVED,
    /** Rejected: its deployment was removed. */
    REJECTED,
    /** Its deployment was deleted (by an administrator) before anyone reviewed it. */
    WITHDRAWN
  }

  @Id private UUID id;

  @Column(nullable = false, length = 20)
  private String reference;

  @Column(name = "deployment_id", nullable = false, length = 64)
  private String deploymentId;

  @Column(name = "deployment_name")
  private String deploymentName;

  @Column(name = "deployment_source")
  private String deploymentSource;

  @Column(name = "deployed_by", nullable = false, length = 64)
  private String deployedBy;

  @Column(name = "deployed_at", nullable = false)
  private Instant deployedAt;

  /** The processes and decisions it changes, comma-separated keys. */
  @Column(name = "model_keys", nullable = false, length = 2000)
  private String modelKeys;

  /** What it changes, one line each, as the reviewer reads it. */
  @Column(nullable = false, length = 20000)
  private String changes;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private Status status;

  @Column(name = "decided_by", length = 64)
  private String decidedBy;

  @Column(name = "decided_at")
  private Instant decidedAt;

  @Column(length = 4000)
  private String reasons;

  @Column(name = "migrate_running", nullable = false)
  private boolean migrateRunning;

  protected ModelChange() {}

  public ModelChange(
      String reference,
      String deploymentId,
      String deploymentName,
      String deploymentSource,
      String deployedBy,
      Instant deployedAt,
      String modelKeys,
      String changes) {
    this.id = UUID.randomUUID();
    this.reference = reference;
    this.deploymentId = deploymentId;
    this.deploymentName = deploymentName;
    this.deploymentSource = deploymentSource;
    this.deployedBy = deployedBy;
    this.deployedAt = deployedAt;
    this.modelKeys = modelKeys;
    this.changes = changes;
    this.status = Status.AWAITING_REVIEW;
  }

  public void decide(
      boolean approved, String decidedBy, Instant decidedAt, String reasons, boolean migrate) {
    this.status = approved ? Status.APPROVED : Status.REJECTED;
    this.decidedBy = decidedBy;
    this.decidedAt = decidedAt;
    this.reasons = reasons;
    this.migrateRunning = migrate;
  }

  public UUID getId() {
    return id;
  }

  public String getReference() {
    return reference;
  }

  public String getDeploymentId() {
    return deploymentId;
  }

  public String getDeploymentName() {
    return deploymentName;
  }

  public String getDeploymentSource() {
    return deploymentSource;
  }

  public String getDeployedBy() {
    return deployedBy;
  }

  public Instant getDeployedAt() {
    return deployedAt;
  }

  public String getModelKeys() {
    return modelKeys;
  }

  public String getChanges() {
    return changes;
  }

  public Status getStatus() {
    return status;
  }

  public String getDecidedBy() {
    return decidedBy;
  }

  public Instant getDecidedAt() {
    return decidedAt;
  }

  public String getReasons() {
    return reasons;
  }

  public boolean isMigrateRunning() {
    return migrateRunning;
  }
}
