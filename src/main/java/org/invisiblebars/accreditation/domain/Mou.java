package org.invisiblebars.accreditation.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.invisiblebars.platform.validation.ConflictException;

/**
 * The memorandum of understanding of an approved accreditation: who (cleared representatives),
 * when, how, what, where not, confidentiality, term, and the signatures.
 */
@Entity
@Table(name = "mou")
public class Mou {

  public static final int DEFAULT_CONFIDENTIALITY_DAYS = 30;
  public static final int DEFAULT_TERM_MONTHS = 12;
  public static final int MAX_CONFIDENTIALITY_DAYS = 365;
  public static final int MAX_TERM_MONTHS = 60;

  @Id private UUID id;

  @Column(name = "accreditation_id", nullable = false, unique = true)
  private UUID accreditationId;

  @Column(nullable = false)
  private int version;

  @Column(name = "mandate_and_expectations", nullable = false, length = 4000)
  private String mandateAndExpectations;

  @Column(nullable = false, length = 4000)
  private String responsibilities;

  @Column(nullable = false, length = 200)
  private String days;

  @Column(nullable = false, length = 200)
  private String hours;

  @Column(nullable = false, length = 4000)
  private String procedures;

  @Column(name = "allowed_activities", nullable = false, length = 4000)
  private String allowedActivities;

  @Column(name = "excluded_areas", nullable = false, length = 4000)
  private String excludedAreas;

  @Column(name = "confidentiality_days", nullable = false)
  private int confidentialityDays;

  @Column(name = "term_months", nullable = false)
  private int termMonths;

  @Column(name = "continuity_plan", length = 4000)
  private String continuityPlan;

  @Column(name = "universal_access", nullable = false)
  private boolean universalAccess;

  @Column(length = 4000)
  private String conditions;

  @Column(name = "agreed_version")
  private Integer agreedVersion;

  @Column(name = "agreed_by", length = 64)
  private String agreedBy;

  @Column(name = "agreed_at")
  private Instant agreedAt;

  @Column(name = "countersigned_by", length = 200)
  private String countersignedBy;

  @Column(name = "countersigned_at")
  private Instant countersignedAt;

  @Column(name = "signed_by", length = 64)
  private String signedBy;

  @Column(name = "signed_at")
  private Instant signedAt;

  @ElementCollection
  @CollectionTable(name = "mou_representative", joinColumns = @JoinColumn(name = "mou_id"))
  @Column(name = "representative_id")
  private Set<UUID> representativeIds = new HashSet<>();

  protected Mou() {}

  public Mou(UUID accreditationId, MouClauses clauses) {
    this.id = UUID.randomUUID();
    this.accreditationId = accreditationId;
    this.version = 0;
    revise(clauses);
  }

  /** Replaces the clauses; every revision is a new version, and a signed MoU is never revised. */
  public void revise(MouClauses clauses) {
    if (signedAt != null || countersignedAt != null) {
      throw new ConflictException("MoU " + id + " is signed and cannot change");
    }
    this.version++;
    this.mandateAndExpectations = clauses.mandateAndExpectations();
    this.responsibilities = clauses.responsibilities();
    this.days = clauses.days();
    this.hours = clauses.hours();
    this.procedures = clauses.procedures();
    this.allowedActivities = clauses.allowedActivities();
    this.excludedAreas = clauses.excludedAreas();
    this.confidentialityDays = clauses.confidentialityDays();
    this.termMonths = clauses.termMonths();
    this.continuityPlan = clauses.continuityPlan();
    this.universalAccess = clauses.universalAccess();
    this.representativeIds = new HashSet<>(clauses.representativeIds());
    this.conditions = clauses.conditions();
    this.agreedVersion = null;
    this.agreedBy = null;
    this.agreedAt = null;
  }

  /** The clauses of the current version. */
  public MouClauses clauses() {
    return new MouClauses(
        mandateAndExpectations,
        responsibilities,
        representativeIds,
        days,
        hours,
        procedures,
        allowedActivities,
        excludedAreas,
        confidentialityDays,
        termMonths,
        continuityPlan,
        universalAccess,
        conditions);
  }

  /**
   * The NGO agrees to the text of {@code version}, which must be the current one (a newer version
   * was made from answers the NGO has not read yet).
   */
  public void agree(int version, String by, Instant at) {
    if (version != this.version) {
      throw new ConflictException(
          "the MoU is at version " + this.version + "; read it and agree to that version");
    }
    if (agreedVersion != null) {
      throw new ConflictException("version " + agreedVersion + " of the MoU is already agreed");
    }
    this.agreedVersion = version;
    this.agreedBy = by;
    this.agreedAt = at;
  }

  public void countersign(String signatory, Instant at) {
    if (countersignedAt != null) {
      throw new ConflictException("MoU " + id + " is already countersigned");
    }
    this.countersignedBy = signatory;
    this.countersignedAt = at;
  }

  public void sign(String director, Instant at) {
    if (countersignedAt == null) {
      throw new ConflictException(
          "the MoU must be countersigned by the organisation before the director signs");
    }
    this.signedBy = director;
    this.signedAt = at;
  }

  public UUID getId() {
    return id;
  }

  public UUID getAccreditationId() {
    return accreditationId;
  }

  public int getVersion() {
    return version;
  }

  public String getMandateAndExpectations() {
    return mandateAndExpectations;
  }

  public String getResponsibilities() {
    return responsibilities;
  }

  public String getDays() {
    return days;
  }

  public String getHours() {
    return hours;
  }

  public String getProcedures() {
    return procedures;
  }

  public String getAllowedActivities() {
    return allowedActivities;
  }

  public String getExcludedAreas() {
    return excludedAreas;
  }

  public int getConfidentialityDays() {
    return confidentialityDays;
  }

  public int getTermMonths() {
    return termMonths;
  }

  public String getContinuityPlan() {
    return continuityPlan;
  }

  public boolean isUniversalAccess() {
    return universalAccess;
  }

  public String getConditions() {
    return conditions;
  }

  public Integer getAgreedVersion() {
    return agreedVersion;
  }

  public String getAgreedBy() {
    return agreedBy;
  }

  public Instant getAgreedAt() {
    return agreedAt;
  }

  public String getCountersignedBy() {
    return countersignedBy;
  }

  public Instant getCountersignedAt() {
    return countersignedAt;
  }

  public String getSignedBy() {
    return signedBy;
  }

  public Instant getSignedAt() {
    return signedAt;
  }

  public Set<UUID> getRepresentativeIds() {
    return Set.copyOf(representativeIds);
  }
}
