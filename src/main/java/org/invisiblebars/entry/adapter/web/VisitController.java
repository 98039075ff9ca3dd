package org.invisiblebars.entry.adapter.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.invisiblebars.entry.adapter.SearchNoticePdf;
import org.invisiblebars.entry.domain.Visit;
import org.invisiblebars.entry.domain.Visit.Canceller;
import org.invisiblebars.entry.usecase.RequestVisit;
import org.invisiblebars.entry.usecase.VisitLifecycle;
import org.invisiblebars.entry.usecase.VisitQueries;
import org.invisiblebars.entry.usecase.VisitQueries.SearchNotice;
import org.invisiblebars.entry.usecase.VisitQueries.VisitView;
import org.invisiblebars.organisation.adapter.OrganisationScope;
import org.invisiblebars.platform.identity.Groups;
import org.invisiblebars.platform.reference.CaseKey;
import org.invisiblebars.platform.web.Caller;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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
 * The visit part of the NGO API. An NGO user requests, reads, acknowledges and cancels their own
 * organisation's visits (anything else is 404) and never sees the risk assessment; staff read every
 * visit, security and the director with the assessment; security registers unannounced visits of
 * formal monitors at the gate.
 */
@Tag(name = "Visits")
@RestController
@RequestMapping("/api/v1/visits")
class VisitController {

  private final RequestVisit requestVisit;
  private final VisitLifecycle lifecycle;
  private final VisitQueries queries;
  private final OrganisationScope organisations;
  private final SearchNoticePdf pdf;

  VisitController(
      RequestVisit requestVisit,
      VisitLifecycle lifecycle,
      VisitQueries queries,
      OrganisationScope organisations,
      SearchNoticePdf pdf) {
    this.requestVisit = requestVisit;
    this.lifecycle = lifecycle;
    this.queries = queries;
    this.organisations = organisations;
    this.pdf = pdf;
  }

  /** An NGO requests a visit: 201 with its location; the scope check has run when this answers. */
  @Operation(summary = "Request a visit")
  @ResponseStatus(HttpStatus.CREATED)
  @PostMapping
  ResponseEntity<VisitView> request(
      @RequestBody RequestVisit.Request request,
      @RequestHeader(name = OrganisationScope.IDEMPOTENCY_KEY, required = false)
          String idempotencyKey,
      Authentication authentication) {
    Caller caller = Caller.of(authentication);
    UUID organisation = organisations.ownOrganisation(caller);
    OrganisationScope.checkIdempotencyKey(idempotencyKey);
    var result = requestVisit.request(organisation, request, idempotencyKey, caller.userId());
    return created(result.visit())
        .header("Idempotent-Replayed", String.valueOf(!result.created()))
        .body(queries.view(result.visit().getId(), Optional.of(organisation), false));
  }

  /** Security registers an NPM or ICRC visit that arrived unannounced; it starts now. */
  @Operation(summary = "Register an unannounced visit of a formal monitor arriving now")
  @ResponseStatus(HttpStatus.CREATED)
  @PostMapping("/unannounced")
  ResponseEntity<VisitView> registerUnannounced(
      @Valid @RequestBody RequestVisit.UnannouncedRequest request,
      @RequestHeader(name = OrganisationScope.IDEMPOTENCY_KEY, required = false)
          String idempotencyKey,
      Authentication authentication) {
    OrganisationScope.checkIdempotencyKey(idempotencyKey);
    var result =
        requestVisit.registerUnannounced(request, idempotencyKey, authentication.getName());
    return created(result.visit())
        .header("Idempotent-Replayed", String.valueOf(!result.created()))
        .body(queries.view(result.visit().getId(), Optional.empty(), true));
  }

  @Operation(summary = "List visits (an NGO its own)")
  @GetMapping
  List<VisitView> list(Authentication authentication) {
    Caller caller = Caller.of(authentication);
    return queries.list(organisations.of(caller), seesAssessment(caller));
  }

  @Operation(summary = "Read a visit by id or reference")
  @GetMapping("/{id}")
  VisitView read(@PathVariable @CaseKey(Visit.class) UUID id, Authentication authentication) {
    Caller caller = Caller.of(authentication);
    return queries.view(id, organisations.of(caller), seesAssessment(caller));
  }

  /**
   * Why and how the visitors will be searched, and their rights; 409 until the visit is scheduled.
   */
  @Operation(summary = "Read the search notice of a scheduled visit")
  @GetMapping("/{id}/search-notice")
  SearchNotice notice(@PathVariable @CaseKey(Visit.class) UUID id, Authentication authentication) {
    return queries.notice(id, organisations.of(Caller.of(authentication)));
  }

  /** The search notice as a PDF, in the language of whoever asks (Accept-Language). */
  @Operation(summary = "Download the search notice as a PDF")
  @GetMapping(value = "/{id}/search-notice.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
  ResponseEntity<byte[]> noticePdf(
      @PathVariable @CaseKey(Visit.class) UUID id, Authentication authentication, Locale language) {
    SearchNotice notice = queries.notice(id, organisations.of(Caller.of(authentication)));
    return ResponseEntity.ok()
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.inline()
                .filename("search-notice-" + notice.reference() + ".pdf")
                .build()
                .toString())
        .contentType(MediaType.APPLICATION_PDF)
        .body(pdf.render(notice, language));
  }

  /** A representative acknowledges the search notice (the NGO user records it for them). */
  @Operation(summary = "Acknowledge the search notice for one representative")
  @PostMapping("/{id}/representatives/{representativeId}/acknowledgement")
  VisitView acknowledge(
      @PathVariable @CaseKey(Visit.class) UUID id,
      @PathVariable UUID representativeId,
      Authentication authentication) {
    Caller caller = Caller.of(authentication);
    UUID organisation = organisations.ownOrganisation(caller);
    queries.scoped(id, Optional.of(organisation));
    lifecycle.acknowledge(id, representativeId, caller.userId());
    return queries.view(id, Optional.of(organisation), false);
  }

  /**
   * The organisation, or for an NGO visit the liaison officer or the director, cancels a visit that
   * has not reached the gate; staff cancelling a formal monitor's visit are answered 409.
   */
  @Operation(summary = "Cancel a visit before the gate")
  @PostMapping("/{id}/cancellation")
  VisitView cancel(
      @PathVariable @CaseKey(Visit.class) UUID id,
      @RequestBody Cancellation cancellation,
      Authentication authentication) {
    Caller caller = Caller.of(authentication);
    Optional<UUID> scope = organisations.of(caller);
    queries.scoped(id, scope);
    lifecycle.cancel(
        id,
        cancellation.reasons(),
        caller.userId(),
        scope.isPresent() ? Canceller.ORGANISATION : Canceller.STAFF);
    return queries.view(id, scope, seesAssessment(caller));
  }

  private static ResponseEntity.BodyBuilder created(Visit visit) {
    return ResponseEntity.created(URI.create("/api/v1/visits/" + visit.getId()));
  }

  /** Only security and the director (and administrators) see the risk assessment. */
  private static boolean seesAssessment(Caller caller) {
    return caller.isIn(Groups.SECURITY)
        || caller.isIn(Groups.DIRECTOR)
        || caller.isIn(Groups.CAMUNDA_ADMIN);
  }

  record Cancellation(String reasons) {}
}
