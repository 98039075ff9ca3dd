package org.invisiblebars.report.adapter.web;

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
import org.invisiblebars.report.domain.Report;
import org.invisiblebars.report.domain.ReportRecommendation;
import org.invisiblebars.report.domain.ReportStatus;
import org.invisiblebars.report.usecase.ReportQueries;
import org.invisiblebars.report.usecase.ReportQueries.ReportView;
import org.invisiblebars.report.usecase.ReviewReport;
import org.invisiblebars.report.usecase.SubmitReport;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The report part of the NGO API. A report is confidential until published: only its own
 * organisation's users (others' reports are 404), directors and NGO liaison officers read it; any
 * other role is refused. Directors ask for an extension and waive confidentiality here; the NGO
 * answers the extension here.
 */
@RestController
@RequestMapping("/api/v1/reports")
class ReportController {

  private final SubmitReport submitReport;
  private final ReviewReport review;
  private final ReportQueries queries;
  private final OrganisationScope organisations;

  ReportController(
      SubmitReport submitReport,
      ReviewReport review,
      ReportQueries queries,
      OrganisationScope organisations) {
    this.submitReport = submitReport;
    this.review = review;
    this.queries = queries;
    this.organisations = organisations;
  }

  /** An accredited NGO submits a report: 201 with its location; its confidential period starts. */
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

  @GetMapping
  List<ReportView> list(Authentication authentication) {
    return queries.list(readers(authentication));
  }

  @GetMapping("/{id}")
  ReportView read(@PathVariable @CaseKey(Report.class) UUID id, Authentication authentication) {
    return queries.view(id, readers(authentication));
  }

  /**
   * Where the report stands: status, the period's end, the extension and whether the response is
   * in.
   */
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
        view.publishedAt());
  }

  /** The authorities' answer to each recommendation, once the plan of action is submitted. */
  @GetMapping("/{id}/plan-of-action")
  PlanOfAction planOfAction(
      @PathVariable @CaseKey(Report.class) UUID id, Authentication authentication) {
    var report = queries.scoped(id, readers(authentication));
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
                            r.isShortTermLowResource()))
                .toList());
  }

  /** How each accepted recommendation is followed up. */
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
  @PostMapping("/{id}/extension-request")
  ReportView requestExtension(
      @PathVariable @CaseKey(Report.class) UUID id,
      @RequestBody ExtensionRequest request,
      Authentication authentication) {
    review.requestExtension(id, request.days(), request.reasons(), authentication.getName());
    return queries.view(id, Optional.empty());
  }

  /** The NGO agrees to the extension (the period moves) or refuses it (the period stays). */
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
   * The director waives the rest of the confidential period, with reasons: the report is published
   * now.
   */
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
      Instant publishedAt) {}

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
      boolean shortTermLowResource) {}

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
}
