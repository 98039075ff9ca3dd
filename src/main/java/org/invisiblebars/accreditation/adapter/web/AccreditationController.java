package org.invisiblebars.accreditation.adapter.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.invisiblebars.accreditation.adapter.MouPdfRenderer;
import org.invisiblebars.accreditation.domain.Accreditation;
import org.invisiblebars.accreditation.usecase.AccreditationLifecycle;
import org.invisiblebars.accreditation.usecase.AccreditationQueries;
import org.invisiblebars.accreditation.usecase.AccreditationQueries.AccreditationView;
import org.invisiblebars.accreditation.usecase.NegotiateMou;
import org.invisiblebars.accreditation.usecase.SubmitApplication;
import org.invisiblebars.organisation.adapter.OrganisationScope;
import org.invisiblebars.platform.reference.CaseKey;
import org.invisiblebars.platform.validation.NotFoundException;
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
 * The accreditation part of the NGO API. NGO users see and act on their own organisation's
 * accreditations only (anything else is 404); staff may read everything, the decisions behind the
 * review only those who work on accreditations; only a director revokes (the security
 * configuration's rules say which roles call what; the scope by organisation is here).
 */
@Tag(name = "Accreditations")
@RestController
@RequestMapping("/api/v1/accreditations")
class AccreditationController {

  private final SubmitApplication submitApplication;
  private final AccreditationLifecycle lifecycle;
  private final AccreditationQueries queries;
  private final OrganisationScope organisations;
  private final MouPdfRenderer pdf;
  private final NegotiateMou negotiation;

  AccreditationController(
      NegotiateMou negotiation,
      SubmitApplication submitApplication,
      AccreditationLifecycle lifecycle,
      AccreditationQueries queries,
      OrganisationScope organisations,
      MouPdfRenderer pdf) {
    this.submitApplication = submitApplication;
    this.lifecycle = lifecycle;
    this.queries = queries;
    this.organisations = organisations;
    this.pdf = pdf;
    this.negotiation = negotiation;
  }

  /** An NGO applies (or registers a formal mandate): 201 with the new accreditation's location. */
  @Operation(summary = "Apply for accreditation")
  @ResponseStatus(HttpStatus.CREATED)
  @PostMapping
  ResponseEntity<AccreditationView> submit(
      @RequestBody SubmitApplication.Request request,
      @RequestHeader(name = OrganisationScope.IDEMPOTENCY_KEY, required = false)
          String idempotencyKey,
      Authentication authentication) {
    Caller caller = Caller.of(authentication);
    UUID organisation = organisations.ownOrganisation(caller);
    OrganisationScope.checkIdempotencyKey(idempotencyKey);
    var result = submitApplication.submit(organisation, request, idempotencyKey, caller.userId());
    UUID id = result.accreditation().getId();
    return ResponseEntity.created(URI.create("/api/v1/accreditations/" + id))
        .header("Idempotent-Replayed", String.valueOf(!result.created()))
        .body(queries.view(id, Optional.of(organisation)));
  }

  @Operation(summary = "List accreditations (an NGO its own)")
  @GetMapping
  List<AccreditationView> list(Authentication authentication) {
    Caller caller = Caller.of(authentication);
    return queries.list(organisations.of(caller), readsDecisions(caller));
  }

  @Operation(
      summary = "Read an accreditation by id or reference, with what is awaited from the NGO")
  @GetMapping("/{id}")
  AccreditationView read(
      @PathVariable @CaseKey(Accreditation.class) UUID id, Authentication authentication) {
    Caller caller = Caller.of(authentication);
    return queries.view(id, organisations.of(caller), readsDecisions(caller));
  }

  /**
   * Managers and process owners read the review's score and recommendation, not the vetting, staff
   * views and reasons.
   */
  private static boolean readsDecisions(Caller caller) {
    return AccreditationQueries.REVIEWERS.stream().anyMatch(caller::isIn);
  }

  /**
   * The NGO applies to renew its active accreditation: 201 with the new application, prefilled from
   * the one it renews and linked to it.
   */
  @Operation(summary = "Apply to renew an active accreditation")
  @ResponseStatus(HttpStatus.CREATED)
  @PostMapping("/{id}/renewal")
  ResponseEntity<AccreditationView> renew(@PathVariable UUID id, Authentication authentication) {
    Caller caller = Caller.of(authentication);
    UUID organisation = organisations.ownOrganisation(caller);
    UUID renewal = submitApplication.renew(id, organisation, caller.userId()).getId();
    return ResponseEntity.created(URI.create("/api/v1/accreditations/" + renewal))
        .body(queries.view(renewal, Optional.of(organisation)));
  }

  /** The NGO answers a request for information. */
  @Operation(summary = "Answer a request for information")
  @PostMapping("/{id}/information")
  AccreditationView supplyInformation(
      @PathVariable @CaseKey(Accreditation.class) UUID id,
      @RequestBody InformationAnswer answer,
      Authentication authentication) {
    return actOnOwn(
        id,
        authentication,
        caller -> lifecycle.supplyInformation(id, answer.information(), caller.userId()));
  }

  /** The MoU as the PDF a director signs, in the language of whoever asks (Accept-Language). */
  @Operation(summary = "Download the MoU as a PDF")
  @GetMapping(value = "/{id}/mou.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
  ResponseEntity<byte[]> mouPdf(
      @PathVariable @CaseKey(Accreditation.class) UUID id,
      Authentication authentication,
      Locale language) {
    var document =
        queries
            .mouDocument(id, organisations.of(Caller.of(authentication)))
            .orElseThrow(() -> new NotFoundException("MoU of accreditation " + id));
    return ResponseEntity.ok()
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.inline()
                .filename("mou-" + document.reference() + "-v" + document.version() + ".pdf")
                .build()
                .toString())
        .contentType(MediaType.APPLICATION_PDF)
        .body(pdf.render(document, language));
  }

  /**
   * The MoU as it is negotiated: the current version's numbered clauses, every amendment with its
   * answer, every version kept.
   */
  @Operation(summary = "Read the MoU as it is negotiated, with amendments and versions")
  @GetMapping("/{id}/mou")
  AccreditationQueries.MouView mou(@PathVariable UUID id, Authentication authentication) {
    return queries
        .mouView(id, organisations.of(Caller.of(authentication)))
        .orElseThrow(() -> new NotFoundException("MoU of accreditation " + id));
  }

  /** The NGO agrees to the version it read: the MoU goes to countersignature. */
  @Operation(summary = "Agree to the current version of the MoU")
  @PostMapping("/{id}/mou/agreement")
  AccreditationView agreeToMou(
      @PathVariable UUID id,
      @RequestBody NegotiateMou.Agreement agreement,
      Authentication authentication) {
    return actOnOwn(
        id, authentication, caller -> negotiation.agree(id, agreement, caller.userId()));
  }

  /** The NGO proposes amendments to the version it read, clause by clause, with reasons. */
  @Operation(summary = "Propose amendments to clauses of the MoU")
  @PostMapping("/{id}/mou/amendments")
  AccreditationQueries.MouView proposeMouAmendments(
      @PathVariable UUID id,
      @RequestBody NegotiateMou.Proposal proposal,
      Authentication authentication) {
    Caller caller = Caller.of(authentication);
    Optional<UUID> organisation = Optional.of(organisations.ownOrganisation(caller));
    queries.scoped(id, organisation);
    negotiation.propose(id, proposal, caller.userId());
    return queries.mouView(id, organisation).orElseThrow();
  }

  /** The NGO countersigns the MoU. */
  @Operation(summary = "Countersign the MoU")
  @PostMapping("/{id}/countersignature")
  AccreditationView countersign(
      @PathVariable @CaseKey(Accreditation.class) UUID id,
      @RequestBody Countersignature countersignature,
      Authentication authentication) {
    return actOnOwn(
        id,
        authentication,
        caller -> lifecycle.countersign(id, countersignature.signatory(), caller.userId()));
  }

  /** The director revokes, with reasons. */
  @Operation(summary = "Revoke an accreditation, cancelling the organisation's pending visits")
  @PostMapping("/{id}/revocation")
  AccreditationView revoke(
      @PathVariable @CaseKey(Accreditation.class) UUID id,
      @RequestBody Revocation revocation,
      Authentication authentication) {
    lifecycle.revoke(id, revocation.reasons(), authentication.getName());
    return queries.view(id, Optional.empty());
  }

  /** An NGO user acts on one of its own organisation's accreditations (others are not found). */
  private AccreditationView actOnOwn(
      UUID id, Authentication authentication, Consumer<Caller> action) {
    Caller caller = Caller.of(authentication);
    UUID organisation = organisations.ownOrganisation(caller);
    queries.scoped(id, Optional.of(organisation));
    action.accept(caller);
    return queries.view(id, Optional.of(organisation));
  }

  record InformationAnswer(String information) {}

  record Countersignature(String signatory) {}

  record Revocation(String reasons) {}
}
