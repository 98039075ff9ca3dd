package org.invisiblebars.registration.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.invisiblebars.platform.validation.ConflictException;

/**
 * An organisation's request to register itself, from the portal's public form: who it is, who
 * writes for it and at which address, and where the request stands. The address is proved by a
 * single-use link before a liaison officer sees the request; approval creates the organisation and
 * its first NGO user, who sets a password through a second single-use link. Only hashes of the
 * links' tokens are kept, so a copy of the table opens nothing.
 */
@Entity
@Table(name = "organisation_registration")
public class OrganisationRegistration {

  /** Where a request stands. */
  public enum Status {
    /** Sent from the form; the address is not proved yet. */
    AWAITING_VERIFICATION,
    /** The address is proved; a liaison officer reviews the request. */
    AWAITING_REVIEW,
    /** Approved: the organisation and its user exist. */
    APPROVED,
    /** Rejected with reasons. */
    REJECTED,
    /** Never verified within the link's validity: closed, nothing was created. */
    EXPIRED
  }

  @Id private UUID id;

  @Column(nullable = false, length = 20)
  private String reference;

  @Column(name = "organisation_name", nullable = false, length = 200)
  private String organisationName;

  @Column(nullable = false, length = 100)
  private String country;

  @Column(name = "registration_number", length = 100)
  private String registrationNumber;

  @Column(name = "network_name", length = 200)
  private String networkName;

  @Column(name = "religious_based", nullable = false)
  private boolean religiousBased;

  @Column(nullable = false, length = 2000)
  private String description;

  @Column(name = "contact_first_name", nullable = false, length = 100)
  private String contactFirstName;

  @Column(name = "contact_last_name", nullable = false, length = 100)
  private String contactLastName;

  @Column(nullable = false, length = 320)
  private String email;

  /** The address compared without case while the request is open; null once it is closed. */
  @Column(name = "open_email_key", length = 320)
  private String openEmailKey;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 25)
  private Status status;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "verification_hash", nullable = false, length = 64)
  private String verificationHash;

  @Column(name = "verification_expires_at", nullable = false)
  private Instant verificationExpiresAt;

  @Column(name = "verified_at")
  private Instant verifiedAt;

  @Column(name = "decided_by", length = 64)
  private String decidedBy;

  @Column(name = "decided_at")
  private Instant decidedAt;

  @Column(length = 4000)
  private String reasons;

  @Column(name = "organisation_id")
  private UUID organisationId;

  @Column(name = "user_id", length = 64)
  private String userId;

  @Column(name = "activation_hash", length = 64)
  private String activationHash;

  @Column(name = "activation_expires_at")
  private Instant activationExpiresAt;

  @Column(name = "activated_at")
  private Instant activatedAt;

  /** The language of the form the request was made with (e.g. {@code fr}); null if not kept. */
  @Column(length = 16)
  private String language;

  protected OrganisationRegistration() {}

  /** Who the organisation is and who writes for it, as the form gave them (already checked). */
  public record Applicant(
      String organisationName,
      String country,
      String registrationNumber,
      String networkName,
      boolean religiousBased,
      String description,
      String contactFirstName,
      String contactLastName,
      String email) {}

  public OrganisationRegistration(
      String reference,
      Applicant applicant,
      String verificationHash,
      Instant createdAt,
      Instant verificationExpiresAt,
      Locale language) {
    this.id = UUID.randomUUID();
    this.language = language == null ? null : language.getLanguage();
    this.reference = reference;
    this.organisationName = applicant.organisationName();
    this.country = applicant.country();
    this.registrationNumber = applicant.registrationNumber();
    this.networkName = applicant.networkName();
    this.religiousBased = applicant.religiousBased();
    this.description = applicant.description();
    this.contactFirstName = applicant.contactFirstName();
    this.contactLastName = applicant.contactLastName();
    this.email = applicant.email();
    this.openEmailKey = emailKey(applicant.email());
    this.status = Status.AWAITING_VERIFICATION;
    this.verificationHash = verificationHash;
    this.createdAt = createdAt;
    this.verificationExpiresAt = verificationExpiresAt;
  }

  /** The language the person made the request in; English when it was not kept. */
  public Locale getLanguage() {
    return language == null ? Locale.ENGLISH : Locale.forLanguageTag(language);
  }

  /** How addresses are compared: without case or surrounding spaces. */
  public static String emailKey(String email) {
    return email.strip().toLowerCase(Locale.ROOT);
  }

  /** The address is proved: the request goes to review. */
  public void verify(Instant at) {
    if (status != Status.AWAITING_VERIFICATION) {
      throw new ConflictException("the request " + reference + " was verified already");
    }
    if (!at.isBefore(verificationExpiresAt)) {
      throw new ConflictException("the link of request " + reference + " has expired");
    }
    status = Status.AWAITING_REVIEW;
    verifiedAt = at;
  }

  /** Never verified in time: closed, and its address free for a new request. */
  public void expire() {
    if (status != Status.AWAITING_VERIFICATION) {
      throw new ConflictException("the request " + reference + " is " + status);
    }
    status = Status.EXPIRED;
    openEmailKey = null;
  }

  /**
   * Approved by {@code officer}: the organisation and its user exist, and a link lets the user set
   * a password until {@code activationExpiresAt}.
   */
  public void approve(
      String officer,
      Instant at,
      String reasons,
      UUID organisationId,
      String userId,
      String activationHash,
      Instant activationExpiresAt) {
    decided(officer, at, reasons);
    this.status = Status.APPROVED;
    this.organisationId = organisationId;
    this.userId = userId;
    this.activationHash = activationHash;
    this.activationExpiresAt = activationExpiresAt;
  }

  /** Rejected by {@code officer} for {@code reasons}. */
  public void reject(String officer, Instant at, String reasons) {
    decided(officer, at, reasons);
    this.status = Status.REJECTED;
  }

  private void decided(String officer, Instant at, String reasons) {
    if (status != Status.AWAITING_REVIEW) {
      throw new ConflictException("the request " + reference + " was decided already: " + status);
    }
    this.decidedBy = officer;
    this.decidedAt = at;
    this.reasons = reasons;
    this.openEmailKey = null;
  }

  /** The user set a password through the activation link, which is used up. */
  public void activate(Instant at) {
    if (status != Status.APPROVED || activatedAt != null) {
      throw new ConflictException("the account of request " + reference + " is set up already");
    }
    if (!at.isBefore(activationExpiresAt)) {
      throw new ConflictException("the link of request " + reference + " has expired");
    }
    activatedAt = at;
  }

  public UUID getId() {
    return id;
  }

  public String getReference() {
    return reference;
  }

  public String getOrganisationName() {
    return organisationName;
  }

  public String getCountry() {
    return country;
  }

  public String getRegistrationNumber() {
    return registrationNumber;
  }

  public String getNetworkName() {
    return networkName;
  }

  public boolean isReligiousBased() {
    return religiousBased;
  }

  public String getDescription() {
    return description;
  }

  public String getContactFirstName() {
    return contactFirstName;
  }

  public String getContactLastName() {
    return contactLastName;
  }

  public String getEmail() {
    return email;
  }

  public Status getStatus() {
    return status;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getVerificationExpiresAt() {
    return verificationExpiresAt;
  }

  public Instant getVerifiedAt() {
    return verifiedAt;
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

  public UUID getOrganisationId() {
    return organisationId;
  }

  public String getUserId() {
    return userId;
  }

  public Instant getActivationExpiresAt() {
    return activationExpiresAt;
  }

  public Instant getActivatedAt() {
    return activatedAt;
  }
}
