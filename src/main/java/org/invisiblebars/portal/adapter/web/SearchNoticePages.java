package org.invisiblebars.portal.adapter.web;

import java.util.Optional;
import java.util.UUID;
import org.invisiblebars.entry.usecase.VisitLifecycle;
import org.invisiblebars.entry.usecase.VisitQueries;
import org.invisiblebars.organisation.adapter.OrganisationScope;
import org.invisiblebars.platform.web.Caller;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The search notice of a scheduled visit in the portal: each representative's acknowledgement (the
 * PDF the organisation hands to its visitors is served by {@link DownloadPages}), recorded by the
 * organisation's user with the same use case as {@code POST
 * /api/v1/visits/{id}/representatives/{representativeId}/ acknowledgement}; then back to the
 * visit's page (POST, redirect, GET). Another organisation's visit is not found, as in the API.
 */
@Controller
class SearchNoticePages {

  private final OrganisationScope scope;
  private final VisitQueries queries;
  private final VisitLifecycle lifecycle;

  SearchNoticePages(OrganisationScope scope, VisitQueries queries, VisitLifecycle lifecycle) {
    this.scope = scope;
    this.queries = queries;
    this.lifecycle = lifecycle;
  }

  @PostMapping(
      value = "/portal/visits/{id}/representatives/{representativeId}/acknowledgement",
      produces = MediaType.TEXT_HTML_VALUE)
  String acknowledge(
      @PathVariable UUID id,
      @PathVariable UUID representativeId,
      Authentication authentication,
      RedirectAttributes redirect) {
    Caller caller = Caller.of(authentication);
    UUID organisation = scope.ownOrganisation(caller);
    queries.scoped(id, Optional.of(organisation));
    lifecycle.acknowledge(id, representativeId, caller.userId());
    redirect.addFlashAttribute("acknowledged", queries.representativeName(representativeId));
    return "redirect:/portal/visits/" + id;
  }
}
