package org.invisiblebars.report.adapter.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.invisiblebars.organisation.adapter.OrganisationScope;
import org.invisiblebars.platform.identity.Groups;
import org.invisiblebars.platform.reference.CaseKey;
import org.invisiblebars.platform.web.Caller;
import org.invisiblebars.report.domain.Answer;
import org.invisiblebars.report.domain.FollowUpStatus;
import org.invisiblebars.report.domain.PublicationStatus;
import org.invisiblebars.report.domain.ReleaseReason;
import org.invisiblebars.report.domain.Report;
import org.invisiblebars.report.domain.ReportRecommendation;
import org.invisiblebars.report.domain.ReportStatus;
import org.invisiblebars.report.usecase.PublishReport;
import org.invisiblebars.report.usecase.ReportQueries;
import org.invisiblebars.report.usecase.ReportQueries.Preview;
import org.invisiblebars.report.usecase.ReportQueries.ReportView;
import org.invisiblebars.report.usecase.ReviewReport;
import org.invisiblebars.report.usecase.SubmitReport;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The report part of the NGO API. A report is confidential to its organisation, directors and NGO
 * liaison officers (others' reports are 404 to NGO users; any other role is refused). Directors ask
 * for an extension and waive confidentiality here; the NGO answers the extension here, reads why
 * and since when it is free to use its released report, and alone asks to publish it, reads the
 * preview, consents or asks for changes, and withdraws its consent.
 */
@Tag(name = "Reports")
@RestController
@RequestMapping("/api/v1/reports")
class ReportController {

  private final SubmitReport submitReport;
  private final ReviewReport review;
  private final ReportQueries queries;
  private final OrganisationScope organisations;
  private final PublishReport publication;

  ReportController(
      SubmitReport submitReport,
      ReviewReport review,
      ReportQueries queries,
      OrganisationScope organisations,
      PublishReport publication) {
    this.submitReport = submitReport;
    this.review = review;
    this.publication = publication;
    this.queries = queries;
    this.organisations = organisations;
  }

  /** An accredited NGO submits a report: 201 with its location; its confidential period starts. */
  @Operation(summary = "Submit a monitoring report")
  @ResponseStatus(HttpStatus.CREATED)
  @PostMapping
  ResponseEntity<ReportView> submit(
      @RequestBody SubmitReport.Request request,
      @RequestHeader(name = OrganisationScope.IDEMPOTENCY_KEY, required = false)
          String idempotencyKey,
      Authentication authentication) {
    Caller caller = Caller.of(authentication);
    UUID organisation = organisations.ownOrganisation(caller);
    OrganisationScope.checkIdempotencyKey(idempotencyKey);
    var result = submitReport.submit(organisation, request, idempotencyKey, caller.userId());
    UUID id = result.report().getId();
    return ResponseEntity.created(URI.create("/api/v1/reports/" + id))
        .header("Idempotent-Replayed", String.valueOf(!result.created()))
        .body(queries.view(id, Optional.of(organisation)));
  }

  @Operation(summary = "List reports (an NGO its own)")
  @GetMapping
  List<ReportView> list(Authentication authentication) {
    return queries.list(readers(authentication));
  }

  @Operation(summary = "Read a report with its recommendations, review and follow-up")
  @GetMapping("/{id}")
  ReportView read(@PathVariable @CaseKey(Report.class) UUID id, Authentication authentication) {
    return queries.view(id, readers(authentication));
  }

  /**
   * Where the report stands: status, the period's end, the extension, whether the response is in,
   * and once released: from when the organisation is free to use it, why, and where the plan of
   * action is (when the authorities gave one).
   */
  @Operation(summary = "Where a report's review stands and whether it is free to use")
  @GetMapping("/{id}/status")
  Status status(@PathVariable @CaseKey(Report.class) UUID id, Authentication authentication) {
    ReportView view = queries.view(id, readers(authentication));
    return new Status(
        view.id(),
        view.status(),
        view.reviewEndsAt(),
        view.extension(),
        view.acknowledgedAt(),
        view.meetingDate(),
        view.planSubmittedAt(),
        view.confidentialityWaivedAt(),
        view.waiverReasons(),
        view.status() == ReportStatus.RELEASED || view.status() == ReportStatus.PUBLISHED,
        view.releasedAt(),
        view.releaseReason(),
        view.releaseStatement(),
        view.releasedAt() != null && view.planSubmittedAt() != null
            ? "/api/v1/reports/" + id + "/plan-of-action"
            : null,
        view.publication(),
        view.publishedAt());
  }

  /**
   * The organisation asks to publish its released report: a liaison officer redacts it first. 409
   * with the reason for an ICRC report, a report under review, or a publication under way.
   */
  @Operation(summary = "Ask to publish a released report")
  @ResponseStatus(HttpStatus.ACCEPTED)
  @PostMapping("/{id}/publication")
  ResponseEntity<Preview> requestPublication(@PathVariable UUID id, Authentication authentication) {
    UUID organisation = ownReport(id, authentication);
    publication.request(id, Caller.of(authentication).userId());
    return ResponseEntity.accepted().body(queries.preview(id, Optional.of(organisation)));
  }

  /** Where the publication stands and the preview of exactly what would be public. */
  @Operation(summary = "Where a publication stands, with the preview of what would be public")
  @GetMapping("/{id}/publication")
  Preview preview(@PathVariable UUID id, Authentication authentication) {
    return queries.preview(id, readers(authentication));
  }

  /** The organisation consents to the preview of the version it read: it goes on the register. */
  @Operation(summary = "Consent to the preview of a version for publication")
  @PostMapping("/{id}/publication/consent")
  Preview consent(
      @PathVariable UUID id, @RequestBody Consent consent, Authentication authentication) {
    UUID organisation = ownReport(id, authentication);
    publication.consent(id, consent.version(), Caller.of(authentication).userId());
    return queries.preview(id, Optional.of(organisation));
  }

  /** The organisation asks for changes to the preview it read: back to redaction. */
  @Operation(summary = "Send the redacted version back with comments")
  @PostMapping("/{id}/publication/changes")
  Preview requestChanges(
      @PathVariable UUID id, @RequestBody Changes changes, Authentication authentication) {
    UUID organisation = ownReport(id, authentication);
    publication.requestChanges(
        id, changes.version(), changes.comments(), Caller.of(authentication).userId());
    return queries.preview(id, Optional.of(organisation));
  }

  /** The organisation withdraws its consent: the report leaves the register at once. */
  @Operation(summary = "Withdraw consent: the report leaves the public register")
  @PostMapping("/{id}/publication/withdrawal")
  Preview withdraw(
      @PathVariable UUID id, @RequestBody Withdrawal withdrawal, Authentication authentication) {
    UUID organisation = ownReport(id, authentication);
    publication.withdraw(id, withdrawal.reasons(), Caller.of(authentication).userId());
    return queries.preview(id, Optional.of(organisation));
  }

  /** The caller's organisation, which must be the report's (another's report is not found). */
  private UUID ownReport(UUID id, Authentication authentication) {
    UUID organisation = organisations.ownOrganisation(Caller.of(authentication));
    queries.scoped(id, Optional.of(organisation));
    return organisation;
  }

  /** The authorities' answer to each recommendation, once the plan of action is submitted. */
  @Operation(summary = "Read the authorities' plan of action")
  @GetMapping("/{id}/plan-of-action")
  PlanOfAction planOfAction(
      @PathVariable @CaseKey(Report.class) UUID id, Authentication authentication) {
    return planOfAction(id, readers(authentication));
  }

  /**
   * The organisation comments on the authorities' answer to its recommendation at {@code position}
   * (1 for the first), once the plan is submitted; several rounds are allowed, each logged. Answers
   * the plan of action with every comment.
   */
  @Operation(summary = "Comment on the authorities' answer to a recommendation")
  @ResponseStatus(HttpStatus.CREATED)
  @PostMapping("/{id}/plan-of-action/recommendations/{position}/comments")
  ResponseEntity<PlanOfAction> comment(
      @PathVariable @CaseKey(Report.class) UUID id,
      @PathVariable int position,
      @RequestBody AnswerComment comment,
      Authentication authentication) {
    Caller caller = Caller.of(authentication);
    Optional<UUID> organisation = Optional.of(organisations.ownOrganisation(caller));
    queries.scoped(id, organisation);
    review.commentOnAnswer(id, position, comment.comment(), caller.userId());
    return ResponseEntity.status(HttpStatus.CREATED).body(planOfAction(id, organisation));
  }

  private PlanOfAction planOfAction(UUID id, Optional<UUID> readers) {
    var report = queries.scoped(id, readers);
    var comments = queries.comments(id, readers);
    return new PlanOfAction(
        id,
        report.getPlanSubmittedAt(),
        report.getPlanSubmittedAt() == null
            ? List.of()
            : report.getRecommendations().stream()
                .map(
                    r ->
                        new PlannedAction(
                            r.getPosition(),
                            r.getText(),
                            r.getResponsibleUnit(),
                            r.getAnswer(),
                            r.getReasons(),
                            r.getAction(),
                            r.getOwner(),
                            r.getDeadline(),
                            r.isShortTermLowResource(),
                            comments.getOrDefault(r.getId(), List.of())))
                .toList());
  }

  /** How each accepted recommendation is followed up. */
  @Operation(summary = "Each accepted recommendation's follow-up")
  @GetMapping("/{id}/follow-up")
  FollowUp followUp(@PathVariable @CaseKey(Report.class) UUID id, Authentication authentication) {
    var report = queries.scoped(id, readers(authentication));
    return new FollowUp(
        id,
        report.getFollowUpClosedAt(),
        report.getRecommendations().stream()
            .filter(ReportRecommendation::isFollowedUp)
            .map(
                r ->
                    new FollowedUp(
                        r.getPosition(),
                        r.getText(),
                        r.getAction(),
                        r.getDeadline(),
                        r.getFollowUpStatus(),
                        r.getFollowUpNotes(),
                        r.getFollowedUpAt()))
            .toList());
  }

  /** The director asks once for more time (at most 30 days), with reasons; the NGO must agree. */
  @Operation(summary = "Ask the organisation to extend the review period")
  @PostMapping("/{id}/extension-request")
  ReportView requestExtension(
      @PathVariable @CaseKey(Report.class) UUID id,
      @RequestBody ExtensionRequest request,
      Authentication authentication) {
    review.requestExtension(id, request.days(), request.reasons(), authentication.getName());
    return queries.view(id, Optional.empty());
  }

  /** The NGO agrees to the extension (the period moves) or refuses it (the period stays). */
  @Operation(summary = "Agree or refuse to extend the review period")
  @PostMapping("/{id}/extension-answer")
  ReportView answerExtension(
      @PathVariable @CaseKey(Report.class) UUID id,
      @RequestBody ExtensionAnswer answer,
      Authentication authentication) {
    Caller caller = Caller.of(authentication);
    UUID organisation = organisations.ownOrganisation(caller);
    queries.scoped(id, Optional.of(organisation));
    review.answerExtension(id, answer.agree(), answer.reasons(), caller.userId());
    return queries.view(id, Optional.of(organisation));
  }

  /**
   * The NGO records its own referral of its report's allegation to a competent body: 201 with the
   * report, which lists it beside the oversight body's referral.
   */
  @Operation(summary = "Record the organisation's own referral of an allegation")
  @ResponseStatus(HttpStatus.CREATED)
  @PostMapping("/{id}/referrals")
  ResponseEntity<ReportView> recordOwnReferral(
      @PathVariable UUID id,
      @RequestBody ReviewReport.OwnReferralRequest request,
      Authentication authentication) {
    Caller caller = Caller.of(authentication);
    UUID organisation = organisations.ownOrganisation(caller);
    queries.scoped(id, Optional.of(organisation));
    review.recordOwnReferral(id, request, caller.userId());
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(queries.view(id, Optional.of(organisation)));
  }

  /**
   * The director waives the rest of the confidential period, with reasons: the report is released
   * to its organisation now (not published).
   */
  @Operation(summary = "Waive the rest of the review period: release the report now")
  @PostMapping("/{id}/waiver")
  ReportView waive(
      @PathVariable @CaseKey(Report.class) UUID id,
      @RequestBody Waiver waiver,
      Authentication authentication) {
    review.waive(id, waiver.reasons(), authentication.getName());
    return queries.view(id, Optional.empty());
  }

  /**
   * NGO users see their organisation's reports; directors and liaison officers all; nobody else
   * any.
   */
  private Optional<UUID> readers(Authentication authentication) {
    return organisations.of(Caller.of(authentication), Groups.DIRECTOR, Groups.NGO_LIAISON);
  }

  record Status(
      UUID id,
      ReportStatus status,
      Instant reviewEndsAt,
      ReportQueries.Extension extension,
      Instant acknowledgedAt,
      LocalDate meetingDate,
      Instant planSubmittedAt,
      Instant confidentialityWaivedAt,
      String waiverReasons,
      boolean freeToUse,
      Instant freeToUseFrom,
      ReleaseReason releaseReason,
      String releaseStatement,
      String planOfAction,
      PublicationStatus publication,
      Instant publishedAt) {}

  record Consent(Integer version) {}

  record Changes(Integer version, String comments) {}

  record Withdrawal(String reasons) {}

  record PlanOfAction(UUID reportId, Instant submittedAt, List<PlannedAction> recommendations) {}

  record PlannedAction(
      int position,
      String text,
      String responsibleUnit,
      Answer answer,
      String reasons,
      String action,
      String owner,
      LocalDate deadline,
      boolean shortTermLowResource,
      List<ReportQueries.CommentView> comments) {}

  record FollowUp(UUID reportId, Instant closedAt, List<FollowedUp> recommendations) {}

  record FollowedUp(
      int position,
      String text,
      String action,
      LocalDate deadline,
      FollowUpStatus status,
      String notes,
      Instant recordedAt) {}

  record ExtensionRequest(Integer days, String reasons) {}

  record ExtensionAnswer(Boolean agree, String reasons) {}

  record Waiver(String reasons) {}

  record AnswerComment(String comment) {}
}
