package org.invisiblebars.portal.adapter.web;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.invisiblebars.accreditation.domain.AccreditationStatus;
import org.invisiblebars.accreditation.usecase.AccreditationLifecycle;
import org.invisiblebars.accreditation.usecase.AccreditationQueries;
import org.invisiblebars.accreditation.usecase.AccreditationQueries.AccreditationView;
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
 * The organisation answers a request for information on its application: a form, checked by the
 * same use case as {@code POST /api/v1/accreditations/{id}/information}; a refused answer shows the
 * form again with the GOV.UK error summary naming the field, an accepted one redirects to the
 * accreditation's page (POST, redirect, GET).
 */
@Controller
class InformationAnswerPage {

  static final String VIEW = "portal/information";

  private final OrganisationScope scope;
  private final ManageOrganisations organisations;
  private final AccreditationQueries queries;
  private final AccreditationLifecycle lifecycle;

  InformationAnswerPage(
      OrganisationScope scope,
      ManageOrganisations organisations,
      AccreditationQueries queries,
      AccreditationLifecycle lifecycle) {
    this.scope = scope;
    this.organisations = organisations;
    this.queries = queries;
    this.lifecycle = lifecycle;
  }

  @GetMapping(
      value = "/portal/accreditations/{id}/information",
      produces = MediaType.TEXT_HTML_VALUE)
  String form(@PathVariable UUID id, Authentication authentication, CsrfToken csrf, Model model) {
    UUID organisation = PortalPages.page(model, authentication, csrf, organisations, scope);
    model
        .addAttribute("accreditation", awaitingInformation(id, organisation))
        .addAttribute("information", "")
        .addAttribute("errors", List.of());
    return VIEW;
  }

  @PostMapping(
      value = "/portal/accreditations/{id}/information",
      produces = MediaType.TEXT_HTML_VALUE)
  String answer(
      @PathVariable UUID id,
      @RequestParam(required = false) String information,
      Authentication authentication,
      CsrfToken csrf,
      Model model,
      RedirectAttributes redirect) {
    UUID organisation = PortalPages.page(model, authentication, csrf, organisations, scope);
    AccreditationView accreditation = awaitingInformation(id, organisation);
    try {
      lifecycle.supplyInformation(
          id, information == null ? "" : information, Caller.of(authentication).userId());
    } catch (InvalidInputException refused) {
      model
          .addAttribute("accreditation", accreditation)
          .addAttribute("information", information == null ? "" : information)
          .addAttribute("errors", refused.problems());
      return VIEW;
    }
    redirect.addFlashAttribute("answered", true);
    return "redirect:/portal/accreditations/" + id;
  }

  /**
   * The organisation's accreditation, when it awaits information (409 otherwise: there is nothing
   * to answer).
   */
  private AccreditationView awaitingInformation(UUID id, UUID organisation) {
    AccreditationView accreditation = queries.view(id, Optional.of(organisation));
    if (accreditation.status() != AccreditationStatus.AWAITING_INFORMATION) {
      throw new ConflictException(
          "accreditation " + accreditation.reference() + " awaits no information");
    }
    return accreditation;
  }
}
