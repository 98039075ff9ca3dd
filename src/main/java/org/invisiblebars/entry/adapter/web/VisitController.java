package org.invisiblebars.entry.adapter.web;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.invisiblebars.entry.adapter.SearchNoticePdf;
import org.invisiblebars.entry.domain.Visit;
import org.invisiblebars.entry.usecase.RequestVisit;
import org.invisiblebars.entry.usecase.VisitLifecycle;
import org.invisiblebars.entry.usecase.VisitQueries;
import org.invisiblebars.entry.usecase.VisitQueries.SearchNotice;
import org.invisiblebars.entry.usecase.VisitQueries.VisitView;
import org.invisiblebars.organisation.usecase.Membership;
import org.invisiblebars.platform.identity.Groups;
import org.invisiblebars.platform.validation.InvalidInputException;
import org.invisiblebars.platform.web.Caller;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The visit part of the NGO API. An NGO user requests, reads, acknowledges and cancels their own
 * organisation's visits (anything else is 404) and never sees the risk assessment; staff read
 * every visit, security and the director with the assessment; security registers unannounced
 * visits of formal monitors at the gate.
 */
@RestController
@RequestMapping("/api/v1/visits")
class VisitController {

  static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  private final RequestVisit requestVisit;
  private final VisitLifecycle lifecycle;
  private final VisitQueries queries;
  private final Membership membership;
  private final SearchNoticePdf pdf;

  VisitController(RequestVisit requestVisit, VisitLifecycle lifecycle, VisitQueries queries, Membership membership,
      SearchNoticePdf pdf) {
    this.requestVisit = requestVisit;
    this.lifecycle = lifecycle;
    this.queries = queries;
    this.membership = membership;
    this.pdf = pdf;
  }

  /** An NGO requests a visit: 201 with its location; the scope check has run when this answers. */
  @PostMapping
  ResponseEntity<VisitView> request(@RequestBody RequestVisit.Request request,
      @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey, Authentication authentication) {
    Caller caller = Caller.of(authentication);
    UUID organisation = ownOrganisation(caller);
    if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 100)) {
      throw InvalidInputException.of(IDEMPOTENCY_KEY, "must be 1 to 100 characters");
    }
    var result = requestVisit.request(organisation, request, idempotencyKey, caller.userId());
    return created(result.visit()).header("Idempotent-Replayed", String.valueOf(!result.created()))
        .body(queries.view(result.visit().getId(), Optional.of(organisation), false));
  }

  /** Security registers an NPM or ICRC visit that arrived unannounced; it starts now. */
  @PostMapping("/unannounced")
  ResponseEntity<VisitView> registerUnannounced(@RequestBody RequestVisit.UnannouncedRequest request, Authentication authentication) {
    Caller caller = Caller.of(authentication);
    caller.require(Groups.SECURITY);
    Visit visit = requestVisit.registerUnannounced(request, caller.userId());
    return created(visit).body(queries.view(visit.getId(), Optional.empty(), true));
  }

  @GetMapping
  List<VisitView> list(Authentication authentication) {
    Caller caller = Caller.of(authentication);
    return queries.list(scope(caller), seesAssessment(caller));
  }

  @GetMapping("/{id}")
  VisitView read(@PathVariable UUID id, Authentication authentication) {
    Caller caller = Caller.of(authentication);
    return queries.view(id, scope(caller), seesAssessment(caller));
  }

  /** Why and how the visitors will be searched, and their rights; 409 until the visit is scheduled. */
  @GetMapping("/{id}/search-notice")
  SearchNotice notice(@PathVariable UUID id, Authentication authentication) {
    return queries.notice(id, scope(Caller.of(authentication)));
  }

  @GetMapping(value = "/{id}/search-notice.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
  ResponseEntity<byte[]> noticePdf(@PathVariable UUID id, Authentication authentication) {
    SearchNotice notice = queries.notice(id, scope(Caller.of(authentication)));
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.inline().filename("search-notice-" + id + ".pdf").build().toString())
        .contentType(MediaType.APPLICATION_PDF)
        .body(pdf.render(notice));
  }

  /** A representative acknowledges the search notice (the NGO user records it for them). */
  @PostMapping("/{id}/representatives/{representativeId}/acknowledgement")
  VisitView acknowledge(@PathVariable UUID id, @PathVariable UUID representativeId, Authentication authentication) {
    Caller caller = Caller.of(authentication);
    UUID organisation = ownOrganisation(caller);
    queries.scoped(id, Optional.of(organisation));
    lifecycle.acknowledge(id, representativeId, caller.userId());
    return queries.view(id, Optional.of(organisation), false);
  }

  /** The organisation, the liaison officer or the director cancels a visit that has not reached the gate. */
  @PostMapping("/{id}/cancellation")
  VisitView cancel(@PathVariable UUID id, @RequestBody Cancellation cancellation, Authentication authentication) {
    Caller caller = Caller.of(authentication);
    Optional<UUID> scope = caller.isStaff() ? Optional.empty() : Optional.of(ownOrganisation(caller));
    if (caller.isStaff()) {
      caller.require(Groups.NGO_LIAISON, Groups.DIRECTOR);
    }
    queries.scoped(id, scope);
    lifecycle.cancel(id, cancellation.reasons(), caller.userId());
    return queries.view(id, scope, seesAssessment(caller));
  }

  private static ResponseEntity.BodyBuilder created(Visit visit) {
    return ResponseEntity.created(URI.create("/api/v1/visits/" + visit.getId()));
  }

  /** Only security and the director (and administrators) see the risk assessment. */
  private static boolean seesAssessment(Caller caller) {
    return caller.isIn(Groups.SECURITY) || caller.isIn(Groups.DIRECTOR) || caller.isIn(Groups.CAMUNDA_ADMIN);
  }

  private Optional<UUID> scope(Caller caller) {
    return caller.isStaff() ? Optional.empty() : Optional.of(ownOrganisation(caller));
  }

  private UUID ownOrganisation(Caller caller) {
    if (!caller.isNgo()) {
      throw new AccessDeniedException(caller.userId() + " does not represent an organisation");
    }
    return membership.organisationOf(caller.userId())
        .orElseThrow(() -> new AccessDeniedException(caller.userId() + " is bound to no organisation"));
  }

  record Cancellation(String reasons) {}
}
