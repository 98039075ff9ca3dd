package org.invisiblebars.portal.adapter.web;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.invisiblebars.entry.domain.IncidentStatus;
import org.invisiblebars.entry.usecase.VisitIncidents;
import org.invisiblebars.entry.usecase.VisitIncidents.IncidentView;
import org.invisiblebars.organisation.adapter.OrganisationScope;
import org.invisiblebars.organisation.usecase.ManageOrganisations;
import org.invisiblebars.platform.validation.ConflictException;
import org.invisiblebars.platform.validation.InvalidInputException;
import org.invisiblebars.platform.web.Caller;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Incidents recorded against the organisation's representatives at check-out, in the portal: what,
 * when, on which visit, against whom, their status and the director's decision; an open one is
 * contested with the organisation's account through the same use case as {@code POST
 * /api/v1/incidents/{visitId}/contest}: a refused account shows the form again with the error
 * summary, a taken one redirects to the list (POST, redirect, GET).
 */
@Controller
class IncidentPages {

  static final String LIST = "portal/incidents";
  static final String CONTEST = "portal/incident-contest";

  private final OrganisationScope scope;
  private final ManageOrganisations organisations;
  private final VisitIncidents incidents;

  IncidentPages(
      OrganisationScope scope, ManageOrganisations organisations, VisitIncidents incidents) {
    this.scope = scope;
    this.organisations = organisations;
    this.incidents = incidents;
  }

  @GetMapping(value = "/portal/incidents", produces = MediaType.TEXT_HTML_VALUE)
  String list(Authentication authentication, CsrfToken csrf, Model model) {
    UUID organisation = PortalPages.page(model, authentication, csrf, organisations, scope);
    model.addAttribute("incidents", incidents.list(Optional.of(organisation)));
    return LIST;
  }

  @GetMapping(value = "/portal/incidents/{visitId}/contest", produces = MediaType.TEXT_HTML_VALUE)
  String form(
      @PathVariable UUID visitId, Authentication authentication, CsrfToken csrf, Model model) {
    UUID organisation = PortalPages.page(model, authentication, csrf, organisations, scope);
    model
        .addAttribute("incident", open(visitId, organisation))
        .addAttribute("account", "")
        .addAttribute("errors", List.of());
    return CONTEST;
  }

  @PostMapping(value = "/portal/incidents/{visitId}/contest", produces = MediaType.TEXT_HTML_VALUE)
  String contest(
      @PathVariable UUID visitId,
      @RequestParam(required = false) String account,
      Authentication authentication,
      CsrfToken csrf,
      Model model,
      RedirectAttributes redirect) {
    UUID organisation = PortalPages.page(model, authentication, csrf, organisations, scope);
    IncidentView incident = open(visitId, organisation);
    try {
      incidents.contest(
          visitId,
          organisation,
          account == null ? "" : account,
          Caller.of(authentication).userId());
    } catch (InvalidInputException refused) {
      model
          .addAttribute("incident", incident)
          .addAttribute("account", account == null ? "" : account)
          .addAttribute("errors", refused.problems());
      return CONTEST;
    }
    redirect.addFlashAttribute("contested", incident.visitReference());
    return "redirect:/portal/incidents";
  }

  /** The organisation's incident, when it is open to contest (409 otherwise). */
  private IncidentView open(UUID visitId, UUID organisation) {
    IncidentView incident = incidents.view(visitId, Optional.of(organisation));
    if (incident.status() != IncidentStatus.OPEN) {
      throw new ConflictException(
          "the incident of visit " + incident.visitReference() + " can no longer be contested");
    }
    return incident;
  }
}
