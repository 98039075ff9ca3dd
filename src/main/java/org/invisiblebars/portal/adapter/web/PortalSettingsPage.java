package org.invisiblebars.portal.adapter.web;

import java.util.List;
import org.invisiblebars.organisation.adapter.OrganisationScope;
import org.invisiblebars.organisation.usecase.ManageOrganisations;
import org.invisiblebars.platform.identity.UserPreferences;
import org.invisiblebars.platform.identity.UserPreferences.Choice;
import org.invisiblebars.platform.identity.UserPreferences.Preference;
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
 * An NGO user's settings: the language of the portal and of their e-mails, and whether they receive
 * the notices that may be switched off (the week-ahead reminders); a required notice (a decision, a
 * search notice, the last day before a deadline) is always sent, and the page says so. A refused
 * choice shows the form again with the GOV.UK error summary; a saved one redirects (POST, redirect,
 * GET) and the page is then in the chosen language.
 */
@Controller
class PortalSettingsPage {

  static final String VIEW = "portal/settings";
  static final String PATH = "/portal/settings";

  private final OrganisationScope scope;
  private final ManageOrganisations organisations;
  private final UserPreferences preferences;

  PortalSettingsPage(
      OrganisationScope scope, ManageOrganisations organisations, UserPreferences preferences) {
    this.scope = scope;
    this.organisations = organisations;
    this.preferences = preferences;
  }

  @GetMapping(value = PATH, produces = MediaType.TEXT_HTML_VALUE)
  String form(Authentication authentication, CsrfToken csrf, Model model) {
    PortalPages.page(model, authentication, csrf, organisations, scope);
    model
        .addAttribute("choice", Choice.of(preferences.of(authentication.getName())))
        .addAttribute("errors", List.of());
    return VIEW;
  }

  @PostMapping(value = PATH, produces = MediaType.TEXT_HTML_VALUE)
  String save(
      @RequestParam(required = false) String language,
      @RequestParam(required = false) String notices,
      Authentication authentication,
      CsrfToken csrf,
      Model model,
      RedirectAttributes redirect) {
    PortalPages.page(model, authentication, csrf, organisations, scope);
    Preference current = preferences.of(authentication.getName());
    Choice choice = new Choice(language, current.digest().name(), notices);
    try {
      preferences.choose(authentication.getName(), choice);
    } catch (InvalidInputException refused) {
      model.addAttribute("choice", choice).addAttribute("errors", refused.problems());
      return VIEW;
    }
    redirect.addFlashAttribute("saved", true);
    return "redirect:" + PATH;
  }
}
