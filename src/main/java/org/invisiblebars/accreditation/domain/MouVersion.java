package org.invisiblebars.accreditation.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.MapKeyEnumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

/**
 * One version of an MoU as it was shared with the NGO, kept for good: every clause's text, who made
 * the version, when, and what changed from the one before.
 */
@Entity
@Table(name = "mou_version")
public class MouVersion {

  @Id private UUID id;

  @Column(name = "mou_id", nullable = false)
  private UUID mouId;

  @Column(nullable = false)
  private int version;

  @Column(name = "changed_by", nullable = false, length = 64)
  private String changedBy;

  @Column(name = "changed_at", nullable = false)
  private Instant changedAt;

  @Column(name = "change_summary", nullable = false, length = 12000)
  private String changeSummary;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "mou_version_clause", joinColumns = @JoinColumn(name = "mou_version_id"))
  @MapKeyColumn(name = "clause")
  @MapKeyEnumerated(EnumType.STRING)
  @Column(name = "clause_text", length = 4000)
  private Map<MouClause, String> clauses = new EnumMap<>(MouClause.class);

  protected MouVersion() {}

  /** The current version of {@code mou}, its clauses as texts ({@code representatives} named). */
  public MouVersion(
      Mou mou, String representatives, String changedBy, Instant changedAt, String summary) {
    this.id = UUID.randomUUID();
    this.mouId = mou.getId();
    this.version = mou.getVersion();
    this.changedBy = changedBy;
    this.changedAt = changedAt;
    this.changeSummary = summary;
    MouClauses current = mou.clauses();
    for (MouClause clause : MouClause.values()) {
      clauses.put(
          clause, clause == MouClause.REPRESENTATIVES ? representatives : clause.textOf(current));
    }
  }

  public UUID getMouId() {
    return mouId;
  }

  public int getVersion() {
    return version;
  }

  public String getChangedBy() {
    return changedBy;
  }

  public Instant getChangedAt() {
    return changedAt;
  }

  public String getChangeSummary() {
    return changeSummary;
  }

  public Map<MouClause, String> getClauses() {
    return Map.copyOf(clauses);
  }
}
