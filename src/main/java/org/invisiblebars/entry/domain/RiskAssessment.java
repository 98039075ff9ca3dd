package org.invisiblebars.entry.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.invisiblebars.facility.domain.AlertLevel;
import org.invisiblebars.facility.domain.SecurityLevel;
import org.invisiblebars.platform.validation.InvalidInputException;

/**
 * Security's assessment of one visit: the decision's proposal with the inputs it saw, what security
 * confirmed (or overrode, with reasons) and the search protocol that follows. Staff-only: no NGO
 * route reads this table, and the process keeps none of it in variables.
 */
@Entity
@Table(name = "visit_risk_assessment")
public class RiskAssessment {

  @Id
  @Column(name = "visit_id")
  private UUID visitId;

  @Column(name = "first_visit", nullable = false)
  private boolean firstVisit;

  @Column(name = "incidents_last_12_months", nullable = false)
  private int incidentsLast12Months;

  @Enumerated(EnumType.STRING)
  @Column(name = "facility_security_level", nullable = false, length = 10)
  private SecurityLevel facilitySecurityLevel;

  @Enumerated(EnumType.STRING)
  @Column(name = "alert_level", nullable = false, length = 10)
  private AlertLevel alertLevel;

  @Column(name = "high_security_areas_requested", nullable = false)
  private boolean highSecurityAreasRequested;

  @Column(name = "electronic_equipment", nullable = false)
  private boolean electronicEquipment;

  @Enumerated(EnumType.STRING)
  @Column(name = "proposed_risk", nullable = false, length = 10)
  private RiskLevel proposedRisk;

  @Column(name = "proposed_rationale", nullable = false, length = 2000)
  private String proposedRationale;

  @Enumerated(EnumType.STRING)
  @Column(length = 10)
  private RiskLevel risk;

  @Column(name = "override_reasons", length = 4000)
  private String overrideReasons;

  @Column(name = "assessed_by", length = 64)
  private String assessedBy;

  @Column(name = "assessed_at")
  private Instant assessedAt;

  @Enumerated(EnumType.STRING)
  @Column(name = "search_level", length = 20)
  private SearchLevel searchLevel;

  @Column(name = "director_authorisation_required")
  private Boolean directorAuthorisationRequired;

  @Column(name = "search_rationale", length = 2000)
  private String searchRationale;

  protected RiskAssessment() {}

  public RiskAssessment(
      UUID visitId, RiskInputs inputs, RiskLevel proposedRisk, String proposedRationale) {
    this.visitId = visitId;
    this.firstVisit = inputs.firstVisit();
    this.incidentsLast12Months = inputs.incidentsLast12Months();
    this.facilitySecurityLevel = inputs.facilitySecurityLevel();
    this.alertLevel = inputs.alertLevel();
    this.highSecurityAreasRequested = inputs.highSecurityAreasRequested();
    this.electronicEquipment = inputs.electronicEquipment();
    this.proposedRisk = proposedRisk;
    this.proposedRationale = proposedRationale;
  }

  /** Security confirms the proposed risk. */
  public void confirm(String by, Instant at) {
    assessed(proposedRisk, null, by, at);
  }

  /** Security overrides the proposed risk with another, and says why. */
  public void override(RiskLevel risk, String reasons, String by, Instant at) {
    if (risk == null) {
      throw InvalidInputException.of("risk", "choose the risk that applies instead");
    }
    if (risk == proposedRisk) {
      throw InvalidInputException.of(
          "risk", "is the proposed risk; confirm it instead of overriding");
    }
    if (reasons == null || reasons.isBlank()) {
      throw InvalidInputException.of(
          "overrideReasons", "is required when overriding the proposed risk");
    }
    assessed(risk, reasons.trim(), by, at);
  }

  private void assessed(RiskLevel chosen, String reasons, String by, Instant at) {
    this.risk = chosen;
    this.overrideReasons = reasons;
    this.assessedBy = by;
    this.assessedAt = at;
  }

  /**
   * The search protocol for the assessed risk; the director must authorise where the protocol says
   * so or the risk is high.
   */
  public void applyProtocol(SearchLevel level, boolean protocolRequiresDirector, String rationale) {
    this.searchLevel = level;
    this.directorAuthorisationRequired = protocolRequiresDirector || risk == RiskLevel.HIGH;
    this.searchRationale = rationale;
  }

  public RiskInputs inputs() {
    return new RiskInputs(
        firstVisit,
        incidentsLast12Months,
        facilitySecurityLevel,
        alertLevel,
        highSecurityAreasRequested,
        electronicEquipment);
  }

  public boolean isOverridden() {
    return risk != null && risk != proposedRisk;
  }

  public UUID getVisitId() {
    return visitId;
  }

  public RiskLevel getProposedRisk() {
    return proposedRisk;
  }

  public String getProposedRationale() {
    return proposedRationale;
  }

  public RiskLevel getRisk() {
    return risk;
  }

  public String getOverrideReasons() {
    return overrideReasons;
  }

  public String getAssessedBy() {
    return assessedBy;
  }

  public Instant getAssessedAt() {
    return assessedAt;
  }

  public SearchLevel getSearchLevel() {
    return searchLevel;
  }

  public boolean isDirectorAuthorisationRequired() {
    return Boolean.TRUE.equals(directorAuthorisationRequired);
  }

  public String getSearchRationale() {
    return searchRationale;
  }

  /** What the visit-risk decision weighs, besides the mandate type. */
  public record RiskInputs(
      boolean firstVisit,
      int incidentsLast12Months,
      SecurityLevel facilitySecurityLevel,
      AlertLevel alertLevel,
      boolean highSecurityAreasRequested,
      boolean electronicEquipment) {}
}
