package org.invisiblebars.platform.migration;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One migration a process owner started: which process, from which version to which, who and when,
 * the engine's batch that runs it, and the instances it took (the engine's batch does not say which
 * instances it holds, and is gone once done).
 */
@Entity
@Table(name = "instance_migration")
public class InstanceMigration {

  @Id private UUID id;

  @Column(name = "process_key", nullable = false)
  private String processKey;

  @Column(name = "from_version", nullable = false)
  private int fromVersion;

  @Column(name = "to_version", nullable = false)
  private int toVersion;

  /**
   * The target version's definition: a version number comes back once its deployment is deleted,
   * the id does not.
   */
  @Column(name = "to_definition_id", nullable = false, length = 64)
  private String toDefinitionId;

  @Column(name = "batch_id", nullable = false, length = 64)
  private String batchId;

  @Column(name = "started_by", nullable = false, length = 64)
  private String startedBy;

  @Column(name = "started_at", nullable = false)
  private Instant startedAt;

  /** When the batch had ended and the moved tasks were given their new version's names. */
  @Column(name = "finished_at")
  private Instant finishedAt;

  /**
   * The process and source version while the migration runs, null once it is finished: unique, so
   * the same version is never migrated by two batches at once.
   */
  @Column(name = "running_key", unique = true, length = 300)
  private String runningKey;

  @ElementCollection
  @CollectionTable(
      name = "instance_migration_item",
      joinColumns = @JoinColumn(name = "migration_id"))
  private List<Item> instances = new ArrayList<>();

  protected InstanceMigration() {}

  InstanceMigration(
      String processKey,
      int fromVersion,
      int toVersion,
      String toDefinitionId,
      String batchId,
      String startedBy,
      Instant startedAt,
      List<Item> instances) {
    this.id = UUID.randomUUID();
    this.processKey = processKey;
    this.fromVersion = fromVersion;
    this.toVersion = toVersion;
    this.runningKey = runningKey(processKey, fromVersion);
    this.toDefinitionId = toDefinitionId;
    this.batchId = batchId;
    this.startedBy = startedBy;
    this.startedAt = startedAt;
    this.instances = new ArrayList<>(instances);
  }

  public UUID getId() {
    return id;
  }

  public String getProcessKey() {
    return processKey;
  }

  public int getFromVersion() {
    return fromVersion;
  }

  public int getToVersion() {
    return toVersion;
  }

  public String getToDefinitionId() {
    return toDefinitionId;
  }

  public String getBatchId() {
    return batchId;
  }

  public String getStartedBy() {
    return startedBy;
  }

  public Instant getStartedAt() {
    return startedAt;
  }

  public Instant getFinishedAt() {
    return finishedAt;
  }

  void finish(Instant at) {
    this.finishedAt = at;
    this.runningKey = null;
  }

  /** What a running migration of {@code fromVersion} of {@code processKey} holds. */
  static String runningKey(String processKey, int fromVersion) {
    return processKey + "@" + fromVersion;
  }

  public List<Item> getInstances() {
    return List.copyOf(instances);
  }

  /** An instance the migration took, with the business key people know it by. */
  @Embeddable
  public static class Item {

    @Column(name = "process_instance_id", nullable = false, length = 64)
    private String processInstanceId;

    @Column(name = "business_key")
    private String businessKey;

    protected Item() {}

    Item(String processInstanceId, String businessKey) {
      this.processInstanceId = processInstanceId;
      this.businessKey = businessKey;
    }

    public String getProcessInstanceId() {
      return processInstanceId;
    }

    public String getBusinessKey() {
      return businessKey;
    }
  }
}
