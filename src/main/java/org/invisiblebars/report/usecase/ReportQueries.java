package org.invisiblebars.report.usecase;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.invisiblebars.facility.domain.Facility;
import org.invisiblebars.facility.domain.FacilityRepository;
import org.invisiblebars.organisation.domain.MandateType;
import org.invisiblebars.organisation.domain.Organisation;
import org.invisiblebars.organisation.domain.OrganisationRepository;
import org.invisiblebars.platform.task.CaseLabel;
import org.invisiblebars.platform.task.CaseLabels;
import org.invisiblebars.platform.validation.NotFoundException;
import org.invisiblebars.report.domain.Answer;
import org.invisiblebars.report.domain.AnswerComment;
import org.invisiblebars.report.domain.AnswerCommentRepository;
import org.invisiblebars.report.domain.FollowUpStatus;
import org.invisiblebars.report.domain.OwnReferral;
import org.invisiblebars.report.domain.OwnReferralRepository;
import org.invisiblebars.report.domain.Priority;
import org.invisiblebars.report.domain.PublicText;
import org.invisiblebars.report.domain.Publication;
import org.invisiblebars.report.domain.PublicationRepository;
import org.invisiblebars.report.domain.PublicationStatus;
import org.invisiblebars.report.domain.ReleaseReason;
import org.invisiblebars.report.domain.Report;
import org.invisiblebars.report.domain.ReportRecommendation;
import org.invisiblebars.report.domain.ReportRepository;
import org.invisiblebars.report.domain.ReportStatus;
import org.invisiblebars.report.domain.ResourceEstimate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads reports: whole for their organisation and the staff allowed to review them, the public
 * version (only what the organisation consented to publish) for everyone, and as the texts Tasklist
 * forms show.
 */
@Service
@Transactional(readOnly = true)
public class ReportQueries implements CaseLabels {

  /** What a report released without a response says in place of the authorities' response. */
  public static final String NO_RESPONSE_STATEMENT =
      "The authorities did not respond within the agreed confidential review period. "
          + "The organisation is free to use its report.";

  private final ReportRepository reports;
  private final PublicationRepository publications;
  private final OrganisationRepository organisations;
  private final FacilityRepository facilities;
  private final AnswerCommentRepository comments;
  private final OwnReferralRepository ownReferrals;

  ReportQueries(
      ReportRepository reports,
      PublicationRepository publications,
      OrganisationRepository organisations,
      FacilityRepository facilities,
      AnswerCommentRepository comments,
      OwnReferralRepository ownReferrals) {
    this.comments = comments;
    this.ownReferrals = ownReferrals;
    this.reports = reports;
    this.publications = publications;
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
    return view(
        scoped(reportId, organisation),
        ownReferrals.findByReportIdOrderByRecordedAt(reportId),
        publications.findById(reportId).map(Publication::getStatus).orElse(null));
  }

  public List<ReportView> list(Optional<UUID> organisation) {
    List<Report> found =
        organisation
            .map(reports::findByOrganisationIdOrderBySubmittedAtDesc)
            .orElseGet(reports::findAll);
    Map<UUID, List<OwnReferral>> referrals =
        found.isEmpty()
            ? Map.of()
            : ownReferrals
                .findByReportIdInOrderByRecordedAt(found.stream().map(Report::getId).toList())
                .stream()
                .collect(Collectors.groupingBy(OwnReferral::getReportId));
    Map<UUID, PublicationStatus> published =
        found.isEmpty()
            ? Map.of()
            : publications.findAllById(found.stream().map(Report::getId).toList()).stream()
                .collect(Collectors.toMap(Publication::getReportId, Publication::getStatus));
    return withNames(found).stream()
        .map(r -> view(r, referrals.getOrDefault(r.getId(), List.of()), published.get(r.getId())))
        .toList();
  }

  /** The public register: the reports on it with their organisation's consent, newest first. */
  public List<PublicReport> publicReports() {
    List<Publication> published =
        publications.findByStatusOrderByPublishedAtDesc(PublicationStatus.PUBLISHED);
    var byId =
        withNames(reports.findAllById(published.stream().map(Publication::getReportId).toList()))
            .stream()
            .filter(r -> r.getStatus() == ReportStatus.PUBLISHED)
            .collect(Collectors.toMap(Report::getId, r -> r));
    return published.stream()
        .filter(p -> byId.containsKey(p.getReportId()))
        .map(p -> publicView(byId.get(p.getReportId()), p))
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

  /**
   * A report on the public register; any other (under review, released, withdrawn) is not found.
   */
  public PublicReport publicReport(UUID reportId) {
    return reports
        .findById(reportId)
        .filter(r -> r.getStatus() == ReportStatus.PUBLISHED)
        .flatMap(
            r ->
                publications
                    .findById(reportId)
                    .filter(p -> p.getStatus() == PublicationStatus.PUBLISHED)
                    .map(p -> publicView(r, p)))
        .orElseThrow(() -> new NotFoundException("report " + reportId));
  }

  /**
   * What the organisation would publish: the current preview exactly as the register would show it,
   * its version (which consent names), and where the publication stands.
   */
  public Preview preview(UUID reportId, Optional<UUID> organisation) {
    Report report = scoped(reportId, organisation);
    Publication p =
        publications
            .findById(reportId)
            .orElseThrow(
                () ->
                    new NotFoundException(
                        "publication of report " + reportId + " (not requested)"));
    return new Preview(
        reportId,
        p.getStatus(),
        p.getVersion(),
        p.getRequestedAt(),
        p.getChangesRequested(),
        p.getConsentedVersion(),
        p.getConsentedBy(),
        p.getConsentedAt(),
        p.getWithdrawnAt(),
        p.getWithdrawalReasons(),
        p.getRedactedAt() == null ? null : publicView(report, p));
  }

  /** Why the organisation is free to use its report, in words, or null while under review. */
  public static String releaseStatement(Report r) {
    if (r.getStatus() == ReportStatus.KEPT_CONFIDENTIAL) {
      return "The review is over. This ICRC report stays confidential between the ICRC and the authorities.";
    }
    if (r.getReleaseReason() == null) {
      return null;
    }
    return switch (r.getReleaseReason()) {
      case NO_RESPONSE -> NO_RESPONSE_STATEMENT;
      case WITH_RESPONSE ->
          "The authorities responded with a plan of action, which is attached. The confidential review period is over and the organisation is free to use its report.";
      case WAIVED ->
          "The director waived the rest of the confidential review period ("
              + r.getWaiverReasons()
              + "). The plan of action is attached. The organisation is free to use its report.";
    };
  }

  /**
   * What the oversight body reads to refer an allegation: the report's identification and the
   * allegation as the organisation describes it, nothing else of the report (issue 13).
   */
  public AllegationToRefer allegation(UUID reportId) {
    Report r = scoped(reportId, Optional.empty());
    String details = r.getAllegationDetails();
    return new AllegationToRefer(
        r.getTitle()
            + "\nOrganisation: "
            + organisationName(r)
            + "\nFacility: "
            + facilityName(r)
            + "\nVisits covered: "
            + r.getVisitsCovered()
            + "\nSubmitted: "
            + r.getSubmittedAt(),
        details == null || details.isBlank()
            ? "The organisation flagged an allegation of torture or ill-treatment without"
                + " describing it apart from its findings: ask the organisation for it."
            : details);
  }

  /**
   * The report as a review task's form shows it: title, facility, visits, good practices, findings
   * and what is alleged.
   */
  public String summary(UUID reportId) {
    Report r = scoped(reportId, Optional.empty());
    return publicationSummary(reportId)
        + (r.getAllegationDetails() == null
            ? ""
            : "\n\nAllegation (never part of a public version):\n" + r.getAllegationDetails());
  }

  /**
   * The report as the redaction task shows it: like {@link #summary} but without what is alleged,
   * so that it cannot be copied into the public version.
   */
  public String publicationSummary(UUID reportId) {
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

  /**
   * The organisation's comments on the answers, by recommendation id, oldest first; the report must
   * be readable by {@code organisation} (empty for staff).
   */
  public Map<UUID, List<CommentView>> comments(UUID reportId, Optional<UUID> organisation) {
    scoped(reportId, organisation);
    return comments.findByReportIdOrderByCommentedAt(reportId).stream()
        .collect(
            Collectors.groupingBy(
                AnswerComment::getRecommendationId,
                Collectors.mapping(
                    c -> new CommentView(c.getComment(), c.getCommentedBy(), c.getCommentedAt()),
                    Collectors.toList())));
  }

  /**
   * The recommendations as a coordination meeting about the report discusses them: each with its
   * unit, the answer given so far (the staff's view) and the organisation's comments on it.
   */
  public String answersWithComments(UUID reportId) {
    Report r = scoped(reportId, Optional.empty());
    Map<UUID, List<CommentView>> byRecommendation = comments(reportId, Optional.empty());
    return r.getRecommendations().stream()
        .map(
            x ->
                heading(x)
                    + (x.getResponsibleUnit() == null
                        ? ""
                        : "\nResponsible unit: " + x.getResponsibleUnit())
                    + "\nAnswer: "
                    + (x.getAnswer() == null
                        ? "none yet"
                        : x.getAnswer()
                            + " — "
                            + x.getReasons()
                            + (x.getAction() == null
                                ? ""
                                : "\nAction: "
                                    + x.getAction()
                                    + ", by "
                                    + x.getOwner()
                                    + ", due "
                                    + x.getDeadline()))
                    + byRecommendation.getOrDefault(x.getId(), List.of()).stream()
                        .map(
                            c ->
                                "\nThe organisation's comment ("
                                    + c.commentedAt()
                                    + "): "
                                    + c.comment())
                        .collect(Collectors.joining()))
        .collect(Collectors.joining("\n\n"));
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
    return heading(x)
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

  /** A recommendation as a task's text begins it: number, area, priority and text. */
  private static String heading(ReportRecommendation x) {
    return "Recommendation "
        + x.getPosition()
        + " ("
        + x.getArea()
        + ", "
        + x.getPriority()
        + "): "
        + x.getText();
  }

  private ReportView view(Report r, List<OwnReferral> own, PublicationStatus publication) {
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
        r.getWaiverReasons(),
        r.getMandateType(),
        r.getAllegationDetails(),
        List.copyOf(new TreeSet<>(r.getPersonsNamed())),
        r.getReleasedAt(),
        r.getReleaseReason(),
        releaseStatement(r),
        r.getPublishedAt(),
        publication,
        r.getFollowUpClosedAt(),
        r.getRecommendations().stream()
            .map(x -> recommendation(x, r.getPlanSubmittedAt() != null))
            .toList(),
        r.getReferredAt() == null
            ? null
            : new Referral(r.getCompetentBody(), r.getReferralReference(), r.getReferredAt()),
        own.stream()
            .map(
                x ->
                    new OwnReferralView(
                        x.getCompetentBody(),
                        x.getReference(),
                        x.getReferredOn(),
                        x.getRecordedAt()))
            .toList());
  }

  /**
   * The public version: the redacted texts the organisation consented to (never the allegation, the
   * referral or a name the report lists), and each recommendation's answer and follow-up as
   * constants and dates, without free text.
   */
  private PublicReport publicView(Report r, Publication p) {
    PublicText text = p.text();
    boolean responded = r.getPlanSubmittedAt() != null;
    return new PublicReport(
        r.getId(),
        r.getReference(),
        organisationName(r),
        facilityName(r),
        text.title(),
        text.goodPractices(),
        text.findings(),
        text.recommendations(),
        text.response(),
        r.getReleaseReason() == ReleaseReason.NO_RESPONSE ? NO_RESPONSE_STATEMENT : null,
        r.getSubmittedAt(),
        r.getReleasedAt(),
        p.getPublishedAt(),
        p.getVersion(),
        r.getRecommendations().stream()
            .map(
                x ->
                    new PublicRecommendation(
                        x.getPosition(),
                        x.getPriority(),
                        responded ? x.getAnswer() : null,
                        responded ? x.getDeadline() : null,
                        responded && x.isShortTermLowResource(),
                        responded ? x.getFollowUpStatus() : null,
                        status(x, responded)))
            .toList());
  }

  /** Each recommendation's status in words the public understands. */
  private static String status(ReportRecommendation x, boolean responded) {
    if (!responded) {
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
      String waiverReasons,
      MandateType mandateType,
      String allegationDetails,
      List<String> personsNamed,
      Instant releasedAt,
      ReleaseReason releaseReason,
      String releaseStatement,
      Instant publishedAt,
      PublicationStatus publication,
      Instant followUpClosedAt,
      List<RecommendationView> recommendations,
      Referral allegationReferral,
      List<OwnReferralView> ownReferrals) {}

  /** Where the oversight body referred the allegation: the competent body, its reference, when. */
  public record Referral(String competentBody, String reference, Instant referredAt) {}

  /** The organisation's own referral of the allegation. */
  public record OwnReferralView(
      String competentBody, String reference, LocalDate referredOn, Instant recordedAt) {}

  /** The oversight body's view of a report with an allegation. */
  public record AllegationToRefer(String report, String allegation) {}

  /** The organisation's comment on an answer of the plan of action. */
  public record CommentView(String comment, String commentedBy, Instant commentedAt) {}

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

  /**
   * A report on the public register as anyone may read it: the redacted texts its organisation
   * consented to, with the authorities' response if any.
   */
  public record PublicReport(
      UUID id,
      String reference,
      String organisationName,
      String facilityName,
      String title,
      String goodPractices,
      String findings,
      String recommendations,
      String authoritiesResponse,
      String noResponseStatement,
      Instant submittedAt,
      Instant releasedAt,
      Instant publishedAt,
      int version,
      List<PublicRecommendation> recommendationStatus) {}

  /**
   * Where the organisation's publication stands and the preview of exactly what would be public.
   */
  public record Preview(
      UUID reportId,
      PublicationStatus status,
      int version,
      Instant requestedAt,
      String changesRequested,
      Integer consentedVersion,
      String consentedBy,
      Instant consentedAt,
      Instant withdrawnAt,
      String withdrawalReasons,
      PublicReport preview) {}

  /** A recommendation's answer and follow-up on the register: constants and dates only. */
  public record PublicRecommendation(
      int position,
      Priority priority,
      Answer answer,
      LocalDate deadline,
      boolean shortTermLowResource,
      FollowUpStatus followUp,
      String status) {}
}
