package org.invisiblebars.entry.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import java.util.UUID;

/**
 * One representative named in a visit: their acknowledgement of the search notice and their gate
 * record. Equal by the person, the key of its row: Hibernate keeps the visit's set by these equals,
 * so a person is held once however the visit was loaded, and a changed record replaces its row
 * instead of adding one.
 */
@Embeddable
public class VisitRepresentative {

  @Column(name = "representative_id", nullable = false)
  private UUID representativeId;

  @Column(name = "acknowledged_at")
  private Instant acknowledgedAt;

  @Column(name = "acknowledged_by", length = 64)
  private String acknowledgedBy;

  @Enumerated(EnumType.STRING)
  @Column(name = "entry_outcome", length = 20)
  private EntryOutcome entryOutcome;

  @Enumerated(EnumType.STRING)
  @Column(name = "applied_search_level", length = 20)
  private SearchLevel appliedSearchLevel;

  @Column(name = "items_found", length = 2000)
  private String itemsFound;

  @Column(name = "gate_recorded_at")
  private Instant gateRecordedAt;

  @Column(name = "gate_recorded_by", length = 64)
  private String gateRecordedBy;

  protected VisitRepresentative() {}

  VisitRepresentative(UUID representativeId) {
    this.representativeId = representativeId;
  }

  void acknowledge(String by, Instant at) {
    if (acknowledgedAt == null) {
      this.acknowledgedAt = at;
      this.acknowledgedBy = by;
    }
  }

  void recordGate(EntryOutcome outcome, SearchLevel applied, String items, String by, Instant at) {
    this.entryOutcome = outcome;
    this.appliedSearchLevel = applied;
    this.itemsFound = items;
    this.gateRecordedBy = by;
    this.gateRecordedAt = at;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof VisitRepresentative that
        && representativeId.equals(that.representativeId);
  }

  @Override
  public int hashCode() {
    return representativeId.hashCode();
  }

  public UUID getRepresentativeId() {
    return representativeId;
  }

  public Instant getAcknowledgedAt() {
    return acknowledgedAt;
  }

  public String getAcknowledgedBy() {
    return acknowledgedBy;
  }

  public boolean isAcknowledged() {
    return acknowledgedAt != null;
  }

  public EntryOutcome getEntryOutcome() {
    return entryOutcome;
  }

  public SearchLevel getAppliedSearchLevel() {
    return appliedSearchLevel;
  }

  public String getItemsFound() {
    return itemsFound;
  }

  public Instant getGateRecordedAt() {
    return gateRecordedAt;
  }

  public String getGateRecordedBy() {
    return gateRecordedBy;
  }
}
