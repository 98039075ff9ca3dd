package org.invisiblebars.report.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.invisiblebars.organisation.domain.MandateType;
import org.invisiblebars.platform.reference.ReferencedCase;
import org.invisiblebars.platform.validation.ConflictException;
import org.invisiblebars.platform.validation.InvalidInputException;
import org.invisiblebars.platform.validation.NotFoundException;

/**
 * An NGO's (or a formal monitor's) monitoring report and its review: confidential until the period
 * ends (or the director waives it), then released to its organisation with the reason why (an ICRC
 * report stays confidential). Only the organisation's consent puts a redacted version on the public
 * register ({@link Publication}); the allegation's details and the people the report names are kept
 * apart so that no public version can carry them.
 */
@Entity
@Table(name = "report")
public class Report extends ReferencedCase {

  /** The prefix of its reference (REP-2026-0012). */
  public static final String REFERENCE_PREFIX = "REP";

  /** The one extension the director may ask for is at most this long. */
  public static final int MAX_EXTENSION_DAYS = 30;

  /** Why an extension of some days is refused, as a form or request field shows it. */
  public static final String EXTENSION_DAYS_RULE = "must be between 1 and " + MAX_EXTENSION_DAYS;

  @Id private UUID id;

  @Column(name = "organisation_id", nullable = false)
  private UUID organisationId;

  @Column(name = "facility_id", nullable = false)
  private UUID facilityId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private ReportStatus status;

  @Column(nullable = false, length = 300)
  private String title;

  @Column(name = "visits_covered", nullable = false, length = 2000)
  private String visitsCovered;

  @Column(name = "good_practices", length = 8000)
  private String goodPractices;

  @Column(nullable = false, length = 8000)
  private String findings;

  @Column(nullable = false)
  private boolean allegation;

  /** What is alleged, kept apart from the findings: never part of a public version. */
  @Column(name = "allegation_details", length = 8000)
  private String allegationDetails;

  /** The mandate the report was made under: an ICRC report is never released nor published. */
  @Enumerated(EnumType.STRING)
  @Column(name = "mandate_type", nullable = false, length = 10)
  private MandateType mandateType;

  /** People the report names (prisoners, staff, witnesses): a public version never names them. */
  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "report_person", joinColumns = @JoinColumn(name = "report_id"))
  @Column(name = "full_name", nullable = false, length = 200)
  private Set<String> personsNamed = new LinkedHashSet<>();

  @Column(name = "confidentiality_days", nullable = false)
  private int confidentialityDays;

  @Column(name = "review_ends_at", nullable = false)
  private Instant reviewEndsAt;

  @Column(name = "submitted_by", nullable = false, length = 64)
  private String submittedBy;

  @Column(name = "submitted_at", nullable = false)
  private Instant submittedAt;

  @Column(name = "idempotency_key", length = 100)
  private String idempotencyKey;

  @Column(name = "competent_body", length = 300)
  private String competentBody;

  @Column(name = "referral_reference", length = 200)
  private String referralReference;

  @Column(name = "referred_by", length = 64)
  private String referredBy;

  @Column(name = "referred_at")
  private Instant referredAt;

  @Column(name = "acknowledged_by", length = 64)
  private String acknowledgedBy;

  @Column(name = "acknowledged_at")
  private Instant acknowledgedAt;

  @Column(name = "meeting_date")
  private LocalDate meetingDate;

  @Column(name = "authority_participants", length = 2000)
  private String authorityParticipants;

  @Column(name = "ngo_participants", length = 2000)
  private String ngoParticipants;

  @Column(name = "meeting_minutes", length = 8000)
  private String meetingMinutes;

  @Column(name = "meeting_recorded_by", length = 64)
  private String meetingRecordedBy;

  @Column(name = "plan_submitted_by", length = 64)
  private String planSubmittedBy;

  @Column(name = "plan_submitted_at")
  private Instant planSubmittedAt;

  @Column(name = "extension_days")
  private Integer extensionDays;

  @Column(name = "extension_reasons", length = 4000)
  private String extensionReasons;

  @Column(name = "extension_requested_by", length = 64)
  private String extensionRequestedBy;

  @Column(name = "extension_requested_at")
  private Instant extensionRequestedAt;

  @Column(name = "extension_agreed")
  private Boolean extensionAgreed;

  @Column(name = "extension_answered_by", length = 64)
  private String extensionAnsweredBy;

  @Column(name = "extension_answered_at")
  private Instant extensionAnsweredAt;

  @Column(name = "waived_by", length = 64)
  private String waivedBy;

  @Column(name = "waived_at")
  private Instant waivedAt;

  @Column(name = "waiver_reasons", length = 4000)
  private String waiverReasons;

  @Enumerated(EnumType.STRING)
  @Column(name = "release_reason", length = 20)
  private ReleaseReason releaseReason;

  @Column(name = "released_at")
  private Instant releasedAt;

  @Column(name = "published_at")
  private Instant publishedAt;

  @Column(name = "follow_up_closed_at")
  private Instant followUpClosedAt;

  @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
  @JoinColumn(name = "report_id", nullable = false)
  @OrderBy("position")
  private List<ReportRecommendation> recommendations = new ArrayList<>();

  protected Report() {}

  /** A report as submitted; its confidential period starts now and lasts the MoU's review days. */
  public Report(
      UUID organisationId,
      UUID facilityId,
      String title,
      String visitsCovered,
      String goodPractices,
      String findings,
      boolean allegation,
      String allegationDetails,
      Collection<String> personsNamed,
      MandateType mandateType,
      List<ReportRecommendation> recommendations,
      int confidentialityDays,
      String submittedBy,
      Instant submittedAt,
      String idempotencyKey) {
    this.id = UUID.randomUUID();
    this.organisationId = organisationId;
    this.facilityId = facilityId;
    this.status = ReportStatus.UNDER_REVIEW;
    this.title = title;
    this.visitsCovered = visitsCovered;
    this.goodPractices = goodPractices;
    this.findings = findings;
    this.allegation = allegation;
    this.allegationDetails = allegationDetails;
    this.personsNamed = new LinkedHashSet<>(personsNamed);
    this.mandateType = mandateType;
    this.recommendations = new ArrayList<>(recommendations);
    this.confidentialityDays = confidentialityDays;
    // Milliseconds, as the engine's timer keeps them: the timer never fires before the period ends.
    this.submittedAt = submittedAt.truncatedTo(ChronoUnit.MILLIS);
    this.reviewEndsAt = this.submittedAt.plus(confidentialityDays, ChronoUnit.DAYS);
    this.submittedBy = submittedBy;
    this.idempotencyKey = idempotencyKey;
  }

  public void referAllegation(String body, String reference, String actor, Instant at) {
    if (!allegation) {
      throw new ConflictException("report " + id + " carries no allegation to refer");
    }
    if (referredAt != null) {
      throw new ConflictException("the allegation of report " + id + " is already referred");
    }
    this.competentBody = body;
    this.referralReference = reference;
    this.referredBy = actor;
    this.referredAt = at;
  }

  /**
   * One recommendation gets the unit responsible for answering it. The first assignment
   * acknowledges the report.
   */
  public void assign(UUID recommendationId, String unit, String actor, Instant at) {
    requireUnderReview();
    recommendation(recommendationId).assignTo(unit);
    if (acknowledgedAt == null) {
      this.acknowledgedBy = actor;
      this.acknowledgedAt = at;
    }
  }

  public void holdMeeting(
      LocalDate date, String authorities, String ngo, String minutes, String actor) {
    requireUnderReview();
    this.meetingDate = date;
    this.authorityParticipants = authorities;
    this.ngoParticipants = ngo;
    this.meetingMinutes = minutes;
    this.meetingRecordedBy = actor;
  }

  /**
   * The answer to one recommendation for the plan of action, or none ({@code null}: a non-urgent
   * one may stay unanswered). Answers may change until the plan is submitted; only then do they
   * reach the organisation. An accepted one's deadline must be after {@code today}.
   */
  public void answer(UUID recommendationId, PlanAnswer given, LocalDate today) {
    requireUnderReview();
    if (planSubmittedAt != null) {
      throw new ConflictException("the plan of action of report " + id + " is already submitted");
    }
    ReportRecommendation recommendation = recommendation(recommendationId);
    if (given == null) {
      if (recommendation.getPriority() == Priority.URGENT) {
        throw InvalidInputException.of(
            "answer",
            "must be given: recommendation " + recommendation.getPosition() + " is urgent");
      }
      recommendation.unanswer();
      return;
    }
    if (given.answer().commits() && !given.deadline().isAfter(today)) {
      throw InvalidInputException.of("deadline", "must be in the future");
    }
    recommendation.answer(
        given.answer(), given.reasons(), given.action(), given.owner(), given.deadline());
  }

  /**
   * The plan of action: the answers given are submitted (every urgent recommendation must have
   * one). Short-term, low-resource actions are marked against the day of the plan.
   */
  public void submitPlan(String actor, Instant at) {
    requireUnderReview();
    if (planSubmittedAt != null) {
      throw new ConflictException("the plan of action of report " + id + " is already submitted");
    }
    for (ReportRecommendation recommendation : recommendations) {
      if (recommendation.getAnswer() == null && recommendation.getPriority() == Priority.URGENT) {
        throw new ConflictException(
            "urgent recommendation "
                + recommendation.getPosition()
                + " of report "
                + id
                + " is not answered");
      }
      recommendation.planned(LocalDate.ofInstant(at, ZoneOffset.UTC));
    }
    this.planSubmittedBy = actor;
    this.planSubmittedAt = at;
  }

  /** The director asks once for at most 30 more days; it applies only when the NGO agrees. */
  public void requestExtension(int days, String reasons, String actor, Instant at) {
    requireUnderReview();
    if (extensionRequestedAt != null) {
      throw new ConflictException(
          "an extension of report " + id + " was already requested; only one is allowed");
    }
    if (!allowsExtensionOf(days)) {
      throw InvalidInputException.of("days", EXTENSION_DAYS_RULE);
    }
    this.extensionDays = days;
    this.extensionReasons = reasons;
    this.extensionRequestedBy = actor;
    this.extensionRequestedAt = at;
  }

  /**
   * The rule of the extension's length, here only: at least a day, at most {@link
   * #MAX_EXTENSION_DAYS}.
   */
  public static boolean allowsExtensionOf(int days) {
    return days >= 1 && days <= MAX_EXTENSION_DAYS;
  }

  /** The NGO agrees or refuses; agreement moves the end of the period. */
  public void answerExtension(boolean agreed, String actor, Instant at) {
    requireUnderReview();
    if (!isExtensionPending()) {
      throw new ConflictException("no extension of report " + id + " awaits an answer");
    }
    this.extensionAgreed = agreed;
    this.extensionAnsweredBy = actor;
    this.extensionAnsweredAt = at;
    if (agreed) {
      this.reviewEndsAt = reviewEndsAt.plus(extensionDays, ChronoUnit.DAYS);
    }
  }

  /** The director gives up the rest of the confidential period, once the plan of action is in. */
  public void waive(String reasons, String actor, Instant at) {
    requireUnderReview();
    if (planSubmittedAt == null) {
      throw new ConflictException(
          "report "
              + id
              + " has no plan of action yet; confidentiality can be waived only with a response to release it with");
    }
    this.waivedBy = actor;
    this.waivedAt = at;
    this.waiverReasons = reasons;
  }

  /**
   * At the end of the period (or after a waiver), never earlier: released to the organisation,
   * which is free to use its report from now, with the reason why; an ICRC report stays
   * confidential between the ICRC and the authorities. Nothing becomes public here.
   */
  public ReportStatus release(Instant at) {
    requireUnderReview();
    if (waivedAt == null && at.isBefore(reviewEndsAt)) {
      throw new ConflictException("report " + id + " is confidential until " + reviewEndsAt);
    }
    this.releasedAt = at;
    if (mandateType == MandateType.ICRC) {
      this.status = ReportStatus.KEPT_CONFIDENTIAL;
      return status;
    }
    this.releaseReason =
        waivedAt != null
            ? ReleaseReason.WAIVED
            : isEngaged() ? ReleaseReason.WITH_RESPONSE : ReleaseReason.NO_RESPONSE;
    this.status = ReportStatus.RELEASED;
    return status;
  }

  /**
   * Why the organisation may not ask to publish this report now, or empty if it may: only a
   * released report, never an ICRC one (its reports stay between the ICRC and the authorities).
   */
  public Optional<String> whyNotPublishable() {
    if (mandateType == MandateType.ICRC) {
      return Optional.of(
          "an ICRC report stays confidential between the ICRC and the authorities; it is never published here");
    }
    if (status == ReportStatus.UNDER_REVIEW) {
      return Optional.of("report " + id + " is under review until " + reviewEndsAt);
    }
    return Optional.empty();
  }

  /** The redacted version went on the public register (the organisation consented). */
  public void published(Instant at) {
    if (status != ReportStatus.RELEASED) {
      throw new ConflictException("report " + id + " is " + status + " and cannot be published");
    }
    this.status = ReportStatus.PUBLISHED;
    this.publishedAt = at;
  }

  /** The organisation withdrew its consent: the report leaves the register and stays released. */
  public void unpublished() {
    if (status != ReportStatus.PUBLISHED) {
      throw new ConflictException("report " + id + " is not on the public register");
    }
    this.status = ReportStatus.RELEASED;
    this.publishedAt = null;
  }

  /** A follow-up; one still in progress needs a new deadline after {@code at}. */
  public ReportRecommendation recordFollowUp(
      UUID recommendationId,
      FollowUpStatus outcome,
      LocalDate newDeadline,
      String notes,
      String actor,
      Instant at) {
    ReportRecommendation recommendation = recommendation(recommendationId);
    if (!status.isReviewed()
        || !recommendation.isFollowedUp()
        || recommendation.getFollowUpStatus().isClosed()) {
      throw new ConflictException("recommendation " + recommendationId + " awaits no follow-up");
    }
    if (outcome == FollowUpStatus.IN_PROGRESS
        && (newDeadline == null || !newDeadline.isAfter(LocalDate.ofInstant(at, ZoneOffset.UTC)))) {
      throw InvalidInputException.of("newDeadline", "must be in the future");
    }
    recommendation.followUp(outcome, newDeadline, notes, actor, at);
    return recommendation;
  }

  public void closeFollowUp(Instant at) {
    if (recommendations.stream()
        .anyMatch(r -> r.isFollowedUp() && !r.getFollowUpStatus().isClosed())) {
      throw new ConflictException("report " + id + " still has open recommendations");
    }
    this.followUpClosedAt = at;
  }

  /**
   * The recommendation at {@code position} (1 for the first) whose answer the organisation comments
   * on: answers are the authorities' only once the plan of action is submitted, so not before.
   */
  public ReportRecommendation answeredRecommendation(int position) {
    ReportRecommendation found =
        recommendations.stream()
            .filter(r -> r.getPosition() == position)
            .findFirst()
            .orElseThrow(
                () -> new NotFoundException("recommendation " + position + " of report " + id));
    if (planSubmittedAt == null) {
      throw new ConflictException(
          "report " + id + " has no plan of action yet: there is no answer to comment on");
    }
    return found;
  }

  public ReportRecommendation recommendation(UUID recommendationId) {
    return recommendations.stream()
        .filter(r -> r.getId().equals(recommendationId))
        .findFirst()
        .orElseThrow(
            () -> new NotFoundException("recommendation " + recommendationId + " of report " + id));
  }

  /**
   * The authorities engaged: the coordination meeting was held and the plan of action submitted.
   */
  public boolean isEngaged() {
    return meetingDate != null && planSubmittedAt != null;
  }

  public boolean isExtensionPending() {
    return extensionRequestedAt != null && extensionAgreed == null;
  }

  private void requireUnderReview() {
    if (status != ReportStatus.UNDER_REVIEW) {
      throw new ConflictException("report " + id + " is " + status + " and no longer under review");
    }
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

  public UUID getFacilityId() {
    return facilityId;
  }

  public ReportStatus getStatus() {
    return status;
  }

  public String getTitle() {
    return title;
  }

  public String getVisitsCovered() {
    return visitsCovered;
  }

  public String getGoodPractices() {
    return goodPractices;
  }

  public String getFindings() {
    return findings;
  }

  public boolean isAllegation() {
    return allegation;
  }

  public String getAllegationDetails() {
    return allegationDetails;
  }

  public int getConfidentialityDays() {
    return confidentialityDays;
  }

  public Instant getReviewEndsAt() {
    return reviewEndsAt;
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

  public String getCompetentBody() {
    return competentBody;
  }

  public String getReferralReference() {
    return referralReference;
  }

  public Instant getReferredAt() {
    return referredAt;
  }

  public Instant getAcknowledgedAt() {
    return acknowledgedAt;
  }

  public LocalDate getMeetingDate() {
    return meetingDate;
  }

  public String getAuthorityParticipants() {
    return authorityParticipants;
  }

  public String getNgoParticipants() {
    return ngoParticipants;
  }

  public String getMeetingMinutes() {
    return meetingMinutes;
  }

  public Instant getPlanSubmittedAt() {
    return planSubmittedAt;
  }

  public Integer getExtensionDays() {
    return extensionDays;
  }

  public String getExtensionReasons() {
    return extensionReasons;
  }

  public Instant getExtensionRequestedAt() {
    return extensionRequestedAt;
  }

  public Boolean getExtensionAgreed() {
    return extensionAgreed;
  }

  public Instant getWaivedAt() {
    return waivedAt;
  }

  public String getWaiverReasons() {
    return waiverReasons;
  }

  public ReleaseReason getReleaseReason() {
    return releaseReason;
  }

  public Instant getReleasedAt() {
    return releasedAt;
  }

  public MandateType getMandateType() {
    return mandateType;
  }

  public Set<String> getPersonsNamed() {
    return Set.copyOf(personsNamed);
  }

  public Instant getPublishedAt() {
    return publishedAt;
  }

  public Instant getFollowUpClosedAt() {
    return followUpClosedAt;
  }

  public List<ReportRecommendation> getRecommendations() {
    return List.copyOf(recommendations);
  }
}
