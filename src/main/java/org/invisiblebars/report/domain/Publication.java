package org.invisiblebars.report.domain;

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
 * The public version of a released report, which exists only because its organisation asked for it:
 * the liaison officer redacts, the organisation reads the preview and consents to that version (or
 * asks for changes), and only then is it on the register. The organisation may withdraw its consent
 * at any time. The public texts are the only report texts the register ever shows: they hold no
 * field for the allegation's details, which therefore can never be published.
 */
@Entity
@Table(name = "report_publication")
public class Publication {

  /** The report's id: one publication per report. */
  @Id
  @Column(name = "report_id")
  private UUID id;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private PublicationStatus status;

  /**
   * The preview's version: each redaction makes a new one; consent names the one it was given to.
   */
  @Column(nullable = false)
  private int version;

  @Column(name = "requested_by", nullable = false, length = 64)
  private String requestedBy;

  @Column(name = "requested_at", nullable = false)
  private Instant requestedAt;

  @Column(name = "changes_requested", length = 4000)
  private String changesRequested;

  @Column(name = "public_title", length = 300)
  private String title;

  @Column(name = "public_good_practices", length = 8000)
  private String goodPractices;

  @Column(name = "public_findings", length = 8000)
  private String findings;

  @Column(name = "public_recommendations", length = 8000)
  private String recommendations;

  @Column(name = "public_response", length = 8000)
  private String response;

  @Column(name = "redacted_by", length = 64)
  private String redactedBy;

  @Column(name = "redacted_at")
  private Instant redactedAt;

  @Column(name = "consented_by", length = 64)
  private String consentedBy;

  @Column(name = "consented_at")
  private Instant consentedAt;

  @Column(name = "consented_version")
  private Integer consentedVersion;

  @Column(name = "published_at")
  private Instant publishedAt;

  @Column(name = "withdrawn_by", length = 64)
  private String withdrawnBy;

  @Column(name = "withdrawn_at")
  private Instant withdrawnAt;

  @Column(name = "withdrawal_reasons", length = 4000)
  private String withdrawalReasons;

  protected Publication() {}

  /** The organisation asks to publish its released report; redaction comes first. */
  public Publication(UUID reportId, String actor, Instant at) {
    this.id = reportId;
    this.status = PublicationStatus.REDACTION;
    this.requestedBy = actor;
    this.requestedAt = at;
  }

  /** After a withdrawal the organisation may ask again: a new redaction, a new consent. */
  public void requestAgain(String actor, Instant at) {
    if (status != PublicationStatus.WITHDRAWN) {
      throw new ConflictException(
          "publication of report " + id + " is already requested (" + status + ")");
    }
    this.status = PublicationStatus.REDACTION;
    this.requestedBy = actor;
    this.requestedAt = at;
    this.changesRequested = null;
    this.consentedBy = null;
    this.consentedAt = null;
    this.consentedVersion = null;
  }

  /** The liaison officer's public version, already checked: it becomes the next preview. */
  public void redact(PublicText text, String actor, Instant at) {
    require(PublicationStatus.REDACTION);
    this.title = text.title();
    this.goodPractices = text.goodPractices();
    this.findings = text.findings();
    this.recommendations = text.recommendations();
    this.response = text.response();
    this.redactedBy = actor;
    this.redactedAt = at;
    this.version++;
    this.status = PublicationStatus.AWAITING_CONSENT;
  }

  /** The organisation wants changes to the preview: back to redaction with its comments. */
  public void requestChanges(int previewVersion, String comments) {
    requirePreview(previewVersion);
    this.changesRequested = comments;
    this.status = PublicationStatus.REDACTION;
  }

  /** The organisation consents to exactly the preview of {@code previewVersion}. */
  public void consent(int previewVersion, String actor, Instant at) {
    requirePreview(previewVersion);
    this.consentedBy = actor;
    this.consentedAt = at;
    this.consentedVersion = previewVersion;
  }

  /** On the register, after consent. */
  public void publish(Instant at) {
    require(PublicationStatus.AWAITING_CONSENT);
    if (consentedVersion == null || consentedVersion != version) {
      throw new ConflictException("report " + id + " has no consent to its current preview");
    }
    this.status = PublicationStatus.PUBLISHED;
    this.publishedAt = at;
  }

  /** The organisation withdraws its consent: the report leaves the register. */
  public void withdraw(String reasons, String actor, Instant at) {
    require(PublicationStatus.PUBLISHED);
    this.status = PublicationStatus.WITHDRAWN;
    this.withdrawnBy = actor;
    this.withdrawnAt = at;
    this.withdrawalReasons = reasons;
    this.publishedAt = null;
  }

  private void requirePreview(int previewVersion) {
    require(PublicationStatus.AWAITING_CONSENT);
    if (consentedVersion != null) {
      throw new ConflictException("the organisation already consented to this preview");
    }
    if (previewVersion != version) {
      throw new ConflictException(
          "the preview of report "
              + id
              + " is at version "
              + version
              + ", not "
              + previewVersion
              + ": read the preview again");
    }
  }

  private void require(PublicationStatus expected) {
    if (status != expected) {
      throw new ConflictException(
          "publication of report " + id + " is " + status + ", not " + expected);
    }
  }

  public UUID getReportId() {
    return id;
  }

  public PublicationStatus getStatus() {
    return status;
  }

  public int getVersion() {
    return version;
  }

  public String getRequestedBy() {
    return requestedBy;
  }

  public Instant getRequestedAt() {
    return requestedAt;
  }

  public String getChangesRequested() {
    return changesRequested;
  }

  /** The public texts as they stand (the preview, or what is on the register). */
  public PublicText text() {
    return new PublicText(title, goodPractices, findings, recommendations, response);
  }

  public String getRedactedBy() {
    return redactedBy;
  }

  public Instant getRedactedAt() {
    return redactedAt;
  }

  public String getConsentedBy() {
    return consentedBy;
  }

  public Instant getConsentedAt() {
    return consentedAt;
  }

  public Integer getConsentedVersion() {
    return consentedVersion;
  }

  public Instant getPublishedAt() {
    return publishedAt;
  }

  public String getWithdrawnBy() {
    return withdrawnBy;
  }

  public Instant getWithdrawnAt() {
    return withdrawnAt;
  }

  public String getWithdrawalReasons() {
    return withdrawalReasons;
  }
}
