package org.invisiblebars.report.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.invisiblebars.platform.validation.ConflictException;
import org.invisiblebars.platform.validation.InvalidInputException;

/**
 * The NGO's own referral of its report's allegation to a competent body: the paper sends NGOs to
 * specialised institutions first, so the NGO need not wait for the oversight body's referral.
 */
@Entity
@Table(name = "report_own_referral")
public class OwnReferral {

  @Id private UUID id;

  @Column(name = "report_id", nullable = false)
  private UUID reportId;

  @Column(name = "competent_body", nullable = false, length = 300)
  private String competentBody;

  @Column(nullable = false, length = 200)
  private String reference;

  @Column(name = "referred_on", nullable = false)
  private LocalDate referredOn;

  @Column(name = "recorded_by", nullable = false, length = 64)
  private String recordedBy;

  @Column(name = "recorded_at", nullable = false)
  private Instant recordedAt;

  protected OwnReferral() {}

  /**
   * The referral of {@code report}'s allegation, made on {@code referredOn} (not after {@code
   * today}).
   */
  public static OwnReferral of(
      Report report,
      String competentBody,
      String reference,
      LocalDate referredOn,
      LocalDate today,
      String actor,
      Instant at) {
    if (referredOn.isAfter(today)) {
      throw InvalidInputException.of("referredOn", "must not be in the future");
    }
    if (!report.isAllegation()) {
      throw new ConflictException(
          "report " + report.getId() + " carries no allegation: there is nothing to refer");
    }
    OwnReferral referral = new OwnReferral();
    referral.id = UUID.randomUUID();
    referral.reportId = report.getId();
    referral.competentBody = competentBody.strip();
    referral.reference = reference.strip();
    referral.referredOn = referredOn;
    referral.recordedBy = actor;
    referral.recordedAt = at;
    return referral;
  }

  public UUID getId() {
    return id;
  }

  public UUID getReportId() {
    return reportId;
  }

  public String getCompetentBody() {
    return competentBody;
  }

  public String getReference() {
    return reference;
  }

  public LocalDate getReferredOn() {
    return referredOn;
  }

  public Instant getRecordedAt() {
    return recordedAt;
  }
}
