package org.invisiblebars.portal.adapter.web;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.invisiblebars.accreditation.usecase.AddRepresentative;
import org.invisiblebars.accreditation.usecase.RepresentativeQueries;
import org.invisiblebars.organisation.adapter.OrganisationScope;
import org.invisiblebars.organisation.usecase.ManageOrganisations;
import org.invisiblebars.platform.validation.InvalidInputException;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The organisation's representatives with where their vetting stands (in words, never security's
 * reasons), and the form to add one: the same use case as {@code POST
 * /api/v1/organisations/{id}/representatives}, which starts security's vetting of the person.
 */
@Controller
class RepresentativePages {

  static final String LIST = "portal/representatives";
  static final String FORM = "portal/representative-new";

  private final OrganisationScope scope;
  private final ManageOrganisations organisations;
  private final RepresentativeQueries representatives;
  private final AddRepresentative addRepresentative;

  RepresentativePages(
      OrganisationScope scope,
      ManageOrganisations organisations,
      RepresentativeQueries representatives,
      AddRepresentative addRepresentative) {
    this.scope = scope;
    this.organisations = organisations;
    this.representatives = representatives;
    this.addRepresentative = addRepresentative;
  }

  @GetMapping(value = "/portal/representatives", produces = MediaType.TEXT_HTML_VALUE)
  String list(Authentication authentication, CsrfToken csrf, Model model) {
    UUID organisation = PortalPages.page(model, authentication, csrf, organisations, scope);
    model.addAttribute(
        "representatives", representatives.of(organisation, Optional.of(organisation)));
    return LIST;
  }

  @GetMapping(value = "/portal/representatives/new", produces = MediaType.TEXT_HTML_VALUE)
  String form(Authentication authentication, CsrfToken csrf, Model model) {
    PortalPages.page(model, authentication, csrf, organisations, scope);
    model.addAttribute("fullName", "").addAttribute("role", "").addAttribute("errors", List.of());
    return FORM;
  }

  @PostMapping(value = "/portal/representatives", produces = MediaType.TEXT_HTML_VALUE)
  String add(
      @RequestParam(required = false) String fullName,
      @RequestParam(required = false) String role,
      Authentication authentication,
      CsrfToken csrf,
      Model model,
      RedirectAttributes redirect) {
    UUID organisation = PortalPages.page(model, authentication, csrf, organisations, scope);
    String name = fullName == null ? "" : fullName;
    try {
      addRepresentative.add(organisation, new AddRepresentative.Request(name, role));
    } catch (InvalidInputException refused) {
      model
          .addAttribute("fullName", name)
          .addAttribute("role", role == null ? "" : role)
          .addAttribute("errors", refused.problems());
      return FORM;
    }
    redirect.addFlashAttribute("added", name.strip());
    return "redirect:/portal/representatives";
  }
}
