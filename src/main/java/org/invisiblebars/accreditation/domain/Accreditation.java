package org.invisiblebars.accreditation.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.invisiblebars.organisation.domain.MandateType;
import org.invisiblebars.platform.reference.ReferencedCase;
import org.invisiblebars.platform.validation.ConflictException;

/**
 * An organisation's application for accreditation and everything decided on it. The process
 * instance of {@code ngo-accreditation} carries only this id.
 */
@Entity
@Table(name = "accreditation")
public class Accreditation extends ReferencedCase {

  /** The prefix of its reference (ACC-2026-0012). */
  public static final String REFERENCE_PREFIX = "ACC";

  @Id private UUID id;

  @Column(name = "organisation_id", nullable = false)
  private UUID organisationId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 30)
  private AccreditationStatus status;

  @Enumerated(EnumType.STRING)
  @Column(name = "mandate_type", nullable = false, length = 10)
  private MandateType mandateType;

  @Enumerated(EnumType.STRING)
  @Column(name = "programme_type", nullable = false, length = 30)
  private ProgrammeType programmeType;

  @Column(name = "mandate_reference", length = 500)
  private String mandateReference;

  @Column(name = "mandate_issuing_body", length = 200)
  private String mandateIssuingBody;

  @Column(name = "mandate_valid_until")
  private LocalDate mandateValidUntil;

  /** An NPM's own rule: the days the authorities have to answer a report before it publishes. */
  @Column(name = "mandate_review_days")
  private Integer mandateReviewDays;

  @Column(name = "proposed_activity", nullable = false, length = 4000)
  private String proposedActivity;

  @Column(length = 4000)
  private String swot;

  @Column(length = 2000)
  private String partners;

  @Column(name = "sustainability_months", nullable = false)
  private int sustainabilityMonths;

  @Column(name = "information_requested", length = 4000)
  private String informationRequested;

  @Column(name = "information_supplied", length = 4000)
  private String informationSupplied;

  private Integer score;

  @Enumerated(EnumType.STRING)
  @Column(length = 30)
  private Recommendation recommendation;

  @Column(name = "recommendation_rationale", length = 2000)
  private String recommendationRationale;

  @Column(name = "capacity_full")
  private Boolean capacityFull;

  @Column(name = "suggested_networks", length = 2000)
  private String suggestedNetworks;

  @Column(name = "staff_consultation", length = 4000)
  private String staffConsultation;

  @Column(name = "approval_conditions", length = 4000)
  private String approvalConditions;

  @Column(name = "renewal_of")
  private UUID renewalOf;

  @Column(name = "term_start")
  private LocalDate termStart;

  @Column(name = "term_end")
  private LocalDate termEnd;

  @Column(name = "submitted_by", nullable = false, length = 64)
  private String submittedBy;

  @Column(name = "submitted_at", nullable = false)
  private Instant submittedAt;

  @Column(name = "idempotency_key", length = 100)
  private String idempotencyKey;

  @ElementCollection
  @CollectionTable(
      name = "accreditation_facility",
      joinColumns = @JoinColumn(name = "accreditation_id"))
  @Column(name = "facility_id")
  private Set<UUID> facilityIds = new HashSet<>();

  @ElementCollection
  @CollectionTable(
      name = "accreditation_representative",
      joinColumns = @JoinColumn(name = "accreditation_id"))
  private Set<Nominee> nominees = new HashSet<>();

  @ElementCollection
  @CollectionTable(
      name = "accreditation_rating",
      joinColumns = @JoinColumn(name = "accreditation_id"))
  private Set<Rating> ratings = new HashSet<>();

  protected Accreditation() {}

  /** A new application, as the organisation submitted it. */
  public Accreditation(
      Application application, String submittedBy, Instant submittedAt, String idempotencyKey) {
    this.id = UUID.randomUUID();
    this.organisationId = application.organisationId();
    this.status = AccreditationStatus.SUBMITTED;
    this.mandateType = application.mandateType();
    this.programmeType = application.programmeType();
    this.mandateReference = application.mandateReference();
    this.mandateIssuingBody = application.mandateIssuingBody();
    this.mandateValidUntil = application.mandateValidUntil();
    this.proposedActivity = application.proposedActivity();
    this.swot = application.swot();
    this.partners = application.partners();
    this.sustainabilityMonths = application.sustainabilityMonths();
    this.facilityIds = new HashSet<>(application.facilityIds());
    application.representativeIds().forEach(r -> nominees.add(new Nominee(r)));
    this.submittedBy = submittedBy;
    this.submittedAt = submittedAt;
    this.idempotencyKey = idempotencyKey;
  }

  /**
   * Moves to {@code target}, as the process's status steps do, if {@link AccreditationStatus}'s
   * table allows the move from the current status.
   *
   * @throws ConflictException when it does not (a final status never changes)
   */
  public void moveTo(AccreditationStatus target) {
    if (!status.canMoveTo(target)) {
      throw new ConflictException(
          "accreditation " + id + " is " + status + " and cannot become " + target);
    }
    status = target;
  }

  public void requestInformation(String what) {
    this.informationRequested = what;
  }

  /** The NGO answers the request for information: the application returns to review. */
  public void supplyInformation(String answer) {
    if (status != AccreditationStatus.AWAITING_INFORMATION) {
      throw new ConflictException(
          "no information is awaited for this accreditation (status " + status + ")");
    }
    this.informationSupplied = answer;
    moveTo(AccreditationStatus.SUBMITTED);
  }

  public void rate(Collection<Rating> newRatings) {
    ratings.clear();
    ratings.addAll(newRatings);
  }

  public void recommend(
      int score,
      Recommendation recommendation,
      String rationale,
      boolean capacityFull,
      String suggestedNetworks) {
    this.score = score;
    this.recommendation = recommendation;
    this.recommendationRationale = rationale;
    this.capacityFull = capacityFull;
    this.suggestedNetworks = suggestedNetworks;
  }

  /**
   * Names a representative the organisation added after applying; security vets them apart from the
   * application's nominees.
   */
  public void nominateLater(UUID representativeId) {
    if (!nominees.add(Nominee.addedLater(representativeId))) {
      throw new ConflictException(
          "representative " + representativeId + " is already named in this application");
    }
  }

  public void vet(UUID representativeId, Vetting outcome, String reasons) {
    nominees.stream()
        .filter(n -> n.getRepresentativeId().equals(representativeId))
        .findFirst()
        .orElseThrow(
            () ->
                new ConflictException(
                    "representative " + representativeId + " is not named in this application"))
        .vet(outcome, reasons);
  }

  /** The conditions the director attached to the approval; they become a clause of the MoU. */
  public void approveWithConditions(String conditions) {
    this.approvalConditions = conditions;
  }

  public String getApprovalConditions() {
    return approvalConditions;
  }

  public void recordStaffConsultation(String views) {
    this.staffConsultation = views;
  }

  /**
   * A renewal of {@code previous}: the same organisation, mandate, programme, facilities and
   * representatives, the application's texts carried over for the organisation to review.
   */
  public static Accreditation renewing(
      Accreditation previous, String submittedBy, Instant submittedAt) {
    Accreditation renewal =
        new Accreditation(
            new Application(
                previous.organisationId,
                previous.mandateType,
                previous.programmeType,
                previous.mandateReference,
                previous.mandateIssuingBody,
                previous.mandateValidUntil,
                previous.proposedActivity,
                previous.swot,
                previous.partners,
                previous.sustainabilityMonths,
                List.copyOf(previous.facilityIds),
                previous.nominees.stream().map(Nominee::getRepresentativeId).toList()),
            submittedBy,
            submittedAt,
            null);
    renewal.renewalOf = previous.id;
    return renewal;
  }

  /**
   * The first day of this accreditation's term if it is activated on {@code today}: today, or for a
   * renewal signed before the renewed term ends, the day that term ends (no gap, no overlap).
   */
  public LocalDate termStartOn(LocalDate today, Accreditation renewed) {
    if (renewed == null || renewed.termEnd == null || !renewed.termEnd.isAfter(today)) {
      return today;
    }
    return renewed.termEnd;
  }

  /** The director signed the countersigned MoU: active from {@code start} for the MoU's term. */
  public void activate(LocalDate start, int termMonths) {
    moveTo(AccreditationStatus.ACTIVE);
    this.termStart = start;
    this.termEnd = start.plusMonths(termMonths);
  }

  /**
   * Whether the organisation may work under this accreditation on {@code day} (visit, report): an
   * active accreditation within its term, which runs from its start up to its end date, when the
   * process expires it; or a registered formal mandate up to the day it is valid until. The one
   * home of this rule: entry and reports ask it.
   */
  public boolean inForceOn(LocalDate day) {
    return switch (status) {
      case ACTIVE ->
          (termStart == null || !day.isBefore(termStart))
              && (termEnd == null || day.isBefore(termEnd));
      case MANDATE_REGISTERED -> mandateValidUntil == null || !mandateValidUntil.isBefore(day);
      default -> false;
    };
  }

  public UUID getId() {
    return id;
  }

  @Override
  public String referencePrefix() {
    return REFERENCE_PREFIX;
  }

  @Override
  public Instant createdAt() {
    return submittedAt;
  }

  public UUID getOrganisationId() {
    return organisationId;
  }

  public AccreditationStatus getStatus() {
    return status;
  }

  public MandateType getMandateType() {
    return mandateType;
  }

  public ProgrammeType getProgrammeType() {
    return programmeType;
  }

  public String getMandateReference() {
    return mandateReference;
  }

  public String getMandateIssuingBody() {
    return mandateIssuingBody;
  }

  /**
   * The review days an NPM's mandate gives the authorities for its reports (its own publication
   * rule, which governs instead of the 30-day default); null when the mandate names none.
   */
  public void registerMandateReviewDays(Integer days) {
    this.mandateReviewDays = mandateType == MandateType.NPM ? days : null;
  }

  public Integer getMandateReviewDays() {
    return mandateReviewDays;
  }

  public LocalDate getMandateValidUntil() {
    return mandateValidUntil;
  }

  public String getProposedActivity() {
    return proposedActivity;
  }

  public String getSwot() {
    return swot;
  }

  public String getPartners() {
    return partners;
  }

  public int getSustainabilityMonths() {
    return sustainabilityMonths;
  }

  public String getInformationRequested() {
    return informationRequested;
  }

  public String getInformationSupplied() {
    return informationSupplied;
  }

  public Integer getScore() {
    return score;
  }

  public Recommendation getRecommendation() {
    return recommendation;
  }

  public String getRecommendationRationale() {
    return recommendationRationale;
  }

  public Boolean getCapacityFull() {
    return capacityFull;
  }

  public String getSuggestedNetworks() {
    return suggestedNetworks;
  }

  public String getStaffConsultation() {
    return staffConsultation;
  }

  public UUID getRenewalOf() {
    return renewalOf;
  }

  public LocalDate getTermStart() {
    return termStart;
  }

  public LocalDate getTermEnd() {
    return termEnd;
  }

  public String getSubmittedBy() {
    return submittedBy;
  }

  public Instant getSubmittedAt() {
    return submittedAt;
  }

  public String getIdempotencyKey() {
    return idempotencyKey;
  }

  public Set<UUID> getFacilityIds() {
    return Set.copyOf(facilityIds);
  }

  public Set<Nominee> getNominees() {
    return Set.copyOf(nominees);
  }

  public Set<Rating> getRatings() {
    return Set.copyOf(ratings);
  }
}
