package org.invisiblebars.report.usecase;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.invisiblebars.facility.domain.Facility;
import org.invisiblebars.facility.domain.FacilityRepository;
import org.invisiblebars.organisation.domain.Organisation;
import org.invisiblebars.organisation.domain.OrganisationRepository;
import org.invisiblebars.platform.task.CaseLabel;
import org.invisiblebars.platform.task.CaseLabels;
import org.invisiblebars.platform.validation.NotFoundException;
import org.invisiblebars.report.domain.Answer;
import org.invisiblebars.report.domain.FollowUpStatus;
import org.invisiblebars.report.domain.Priority;
import org.invisiblebars.report.domain.Report;
import org.invisiblebars.report.domain.ReportRecommendation;
import org.invisiblebars.report.domain.ReportRepository;
import org.invisiblebars.report.domain.ReportStatus;
import org.invisiblebars.report.domain.ResourceEstimate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads reports: whole for their organisation and the staff allowed to review them, public (only
 * once published or released) for everyone, and as the texts Tasklist forms show.
 */
@Service
@Transactional(readOnly = true)
public class ReportQueries implements CaseLabels {

  /** What a released report says in place of the authorities' response. */
  public static final String NO_RESPONSE_STATEMENT =
      "The authorities did not respond within the agreed confidential "
          + "review period. The report is published without their response, and the organisation is free to use it.";

  private static final List<ReportStatus> PUBLIC =
      List.of(ReportStatus.PUBLISHED, ReportStatus.RELEASED);

  private final ReportRepository reports;
  private final OrganisationRepository organisations;
  private final FacilityRepository facilities;

  ReportQueries(
      ReportRepository reports,
      OrganisationRepository organisations,
      FacilityRepository facilities) {
    this.reports = reports;
    this.organisations = organisations;
    this.facilities = facilities;
  }

  /**
   * The report if the scope (an organisation, or empty for staff) may read it; otherwise not found.
   */
  public Report scoped(UUID reportId, Optional<UUID> organisation) {
    return reports
        .findById(reportId)
        .filter(r -> organisation.map(r.getOrganisationId()::equals).orElse(true))
        .orElseThrow(() -> new NotFoundException("report " + reportId));
  }

  public ReportView view(UUID reportId, Optional<UUID> organisation) {
    return view(scoped(reportId, organisation));
  }

  public List<ReportView> list(Optional<UUID> organisation) {
    List<Report> found =
        organisation
            .map(reports::findByOrganisationIdOrderBySubmittedAtDesc)
            .orElseGet(reports::findAll);
    return withNames(found).stream().map(this::view).toList();
  }

  public List<PublicReport> publicReports() {
    return withNames(reports.findByStatusInOrderByPublishedAtDesc(PUBLIC)).stream()
        .map(this::publicView)
        .toList();
  }

  /**
   * Reads the organisations and facilities of these reports in one query each, so that the views'
   * look-ups by id find them in this transaction's persistence context instead of asking the
   * database once per report.
   */
  private List<Report> withNames(List<Report> found) {
    organisations.findAllById(
        found.stream().map(Report::getOrganisationId).collect(Collectors.toSet()));
    facilities.findAllById(found.stream().map(Report::getFacilityId).collect(Collectors.toSet()));
    return found;
  }

  /** A published or released report; anything still confidential is not found. */
  public PublicReport publicReport(UUID reportId) {
    return reports
        .findById(reportId)
        .filter(r -> r.getStatus().isPublic())
        .map(this::publicView)
        .orElseThrow(() -> new NotFoundException("report " + reportId));
  }

  /** The report as a Tasklist form shows it: title, facility, visits, good practices, findings. */
  public String summary(UUID reportId) {
    Report r = scoped(reportId, Optional.empty());
    return r.getTitle()
        + "\nOrganisation: "
        + organisationName(r)
        + "\nFacility: "
        + facilityName(r)
        + "\nVisits covered: "
        + r.getVisitsCovered()
        + "\nAllegation of torture or ill-treatment: "
        + (r.isAllegation() ? "yes" : "no")
        + "\nConfidential until: "
        + r.getReviewEndsAt()
        + (r.getGoodPractices() == null || r.getGoodPractices().isBlank()
            ? ""
            : "\n\nGood practices observed:\n" + r.getGoodPractices())
        + "\n\nFindings:\n"
        + r.getFindings();
  }

  /**
   * The recommendations as the reviewing staff see them in their tasks: with the answers the
   * director has given so far, which the organisation reads only once the plan is submitted.
   */
  public List<RecommendationView> recommendations(UUID reportId) {
    return scoped(reportId, Optional.empty()).getRecommendations().stream()
        .map(x -> recommendation(x, true))
        .toList();
  }

  /** The ids of the report's recommendations, in order. */
  public List<UUID> recommendationIds(UUID reportId) {
    return scoped(reportId, Optional.empty()).getRecommendations().stream()
        .map(ReportRecommendation::getId)
        .toList();
  }

  /** One recommendation with the committed action, for its follow-up. */
  public String followUpSummary(UUID reportId, UUID recommendationId) {
    ReportRecommendation x = scoped(reportId, Optional.empty()).recommendation(recommendationId);
    return "Recommendation "
        + x.getPosition()
        + " ("
        + x.getArea()
        + ", "
        + x.getPriority()
        + "): "
        + x.getText()
        + "\nAnswer: "
        + x.getAnswer()
        + " — "
        + x.getReasons()
        + "\nAction: "
        + x.getAction()
        + "\nOwner: "
        + x.getOwner()
        + "\nDeadline: "
        + x.getDeadline()
        + "\nLast follow-up: "
        + x.getFollowUpStatus()
        + (x.getFollowUpNotes() == null ? "" : " — " + x.getFollowUpNotes());
  }

  private ReportView view(Report r) {
    return new ReportView(
        r.getId(),
        r.getReference(),
        r.getOrganisationId(),
        organisationName(r),
        r.getFacilityId(),
        facilityName(r),
        r.getStatus(),
        r.getTitle(),
        r.getVisitsCovered(),
        r.getGoodPractices(),
        r.getFindings(),
        r.isAllegation(),
        r.getConfidentialityDays(),
        r.getReviewEndsAt(),
        r.getSubmittedAt(),
        r.getReferredAt(),
        r.getAcknowledgedAt(),
        r.getMeetingDate(),
        r.getPlanSubmittedAt(),
        r.getExtensionDays() == null
            ? null
            : new Extension(
                r.getExtensionDays(),
                r.getExtensionReasons(),
                r.getExtensionRequestedAt(),
                r.getExtensionAgreed()),
        r.getWaivedAt(),
        r.getPublishedAt(),
        r.getFollowUpClosedAt(),
        r.getRecommendations().stream()
            .map(x -> recommendation(x, r.getPlanSubmittedAt() != null))
            .toList());
  }

  private PublicReport publicView(Report r) {
    boolean published = r.getStatus() == ReportStatus.PUBLISHED;
    return new PublicReport(
        r.getId(),
        organisationName(r),
        facilityName(r),
        r.getStatus(),
        r.getTitle(),
        r.getVisitsCovered(),
        r.getGoodPractices(),
        r.getFindings(),
        r.getSubmittedAt(),
        r.getPublishedAt(),
        published ? new Response(r.getMeetingDate(), r.getPlanSubmittedAt()) : null,
        published ? null : NO_RESPONSE_STATEMENT,
        r.getRecommendations().stream()
            .map(
                x ->
                    new PublicRecommendation(
                        x.getPosition(),
                        x.getText(),
                        x.getArea(),
                        x.getPriority(),
                        x.getResourceEstimate(),
                        published ? x.getAnswer() : null,
                        published ? x.getReasons() : null,
                        published ? x.getAction() : null,
                        published ? x.getDeadline() : null,
                        published && x.isShortTermLowResource(),
                        published ? x.getFollowUpStatus() : null,
                        status(x, published)))
            .toList());
  }

  /** Each recommendation's status in words the public understands. */
  private static String status(ReportRecommendation x, boolean published) {
    if (!published) {
      return "NO_RESPONSE";
    }
    if (x.getAnswer() == null) {
      return "NOT_ANSWERED";
    }
    return x.getFollowUpStatus() == null
        ? x.getAnswer().name()
        : x.getAnswer().name() + ", " + x.getFollowUpStatus().name();
  }

  /**
   * A recommendation; its answer only once {@code answered} (the plan of action is submitted): the
   * director's answers are drafts until then, which the organisation does not read.
   */
  private static RecommendationView recommendation(ReportRecommendation x, boolean answered) {
    return new RecommendationView(
        x.getId(),
        x.getPosition(),
        x.getText(),
        x.getArea(),
        x.getPriority(),
        x.getResourceEstimate(),
        x.getResponsibleUnit(),
        answered ? x.getAnswer() : null,
        answered ? x.getReasons() : null,
        answered ? x.getAction() : null,
        answered ? x.getOwner() : null,
        answered ? x.getDeadline() : null,
        x.isShortTermLowResource(),
        x.getFollowUpStatus(),
        x.getFollowUpNotes(),
        x.getFollowedUpAt());
  }

  @Override
  public String subjectType() {
    return ReportSubject.TYPE;
  }

  /** The reference, the organisation and the facility of the report. */
  @Override
  public Optional<CaseLabel> of(UUID id) {
    return reports
        .findById(id)
        .map(r -> new CaseLabel(r.getReference(), organisationName(r), facilityName(r)));
  }

  private String organisationName(Report r) {
    return organisations.findById(r.getOrganisationId()).map(Organisation::getName).orElse("");
  }

  private String facilityName(Report r) {
    return facilities.findById(r.getFacilityId()).map(Facility::getName).orElse("");
  }

  /** A report as its organisation and the reviewing staff see it. */
  public record ReportView(
      UUID id,
      String reference,
      UUID organisationId,
      String organisationName,
      UUID facilityId,
      String facilityName,
      ReportStatus status,
      String title,
      String visitsCovered,
      String goodPractices,
      String findings,
      boolean allegation,
      int confidentialityDays,
      Instant reviewEndsAt,
      Instant submittedAt,
      Instant allegationReferredAt,
      Instant acknowledgedAt,
      LocalDate meetingDate,
      Instant planSubmittedAt,
      Extension extension,
      Instant confidentialityWaivedAt,
      Instant publishedAt,
      Instant followUpClosedAt,
      List<RecommendationView> recommendations) {}

  public record Extension(int days, String reasons, Instant requestedAt, Boolean agreed) {}

  public record RecommendationView(
      UUID id,
      int position,
      String text,
      String area,
      Priority priority,
      ResourceEstimate resourceEstimate,
      String responsibleUnit,
      Answer answer,
      String reasons,
      String action,
      String owner,
      LocalDate deadline,
      boolean shortTermLowResource,
      FollowUpStatus followUpStatus,
      String followUpNotes,
      Instant followedUpAt) {}

  /** A published or released report as anyone may read it. */
  public record PublicReport(
      UUID id,
      String organisationName,
      String facilityName,
      ReportStatus status,
      String title,
      String visitsCovered,
      String goodPractices,
      String findings,
      Instant submittedAt,
      Instant publishedAt,
      Response authoritiesResponse,
      String noResponseStatement,
      List<PublicRecommendation> recommendations) {}

  /**
   * The authorities engaged: the meeting and the plan of action (its answers are on each
   * recommendation).
   */
  public record Response(LocalDate meetingDate, Instant planSubmittedAt) {}

  public record PublicRecommendation(
      int position,
      String text,
      String area,
      Priority priority,
      ResourceEstimate resourceEstimate,
      Answer answer,
      String reasons,
      String action,
      LocalDate deadline,
      boolean shortTermLowResource,
      FollowUpStatus followUp,
      String status) {}
}
