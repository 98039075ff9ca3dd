package org.invisiblebars.platform.identity;

import java.util.List;
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
 * A staff member's settings at {@code /sla/settings}, behind the same sign-in form as the SLA
 * dashboard: the language of their e-mails and pages, and whether new tasks in their groups come
 * one e-mail each or in a daily digest. Escalations and approaching breaches are always sent at
 * once. A refused choice shows the form again with the error summary; a saved one redirects.
 */
@Controller
class StaffSettingsPage {

  static final String VIEW = "settings/staff";
  static final String PATH = "/sla/settings";

  private final UserPreferences preferences;

  StaffSettingsPage(UserPreferences preferences) {
    this.preferences = preferences;
  }

  @GetMapping(value = PATH, produces = MediaType.TEXT_HTML_VALUE)
  String form(Authentication authentication, CsrfToken csrf, Model model) {
    page(model, authentication, csrf)
        .addAttribute("choice", Choice.of(preferences.of(authentication.getName())))
        .addAttribute("errors", List.of());
    return VIEW;
  }

  @PostMapping(value = PATH, produces = MediaType.TEXT_HTML_VALUE)
  String save(
      @RequestParam(required = false) String language,
      @RequestParam(required = false) String digest,
      Authentication authentication,
      CsrfToken csrf,
      Model model,
      RedirectAttributes redirect) {
    Preference current = preferences.of(authentication.getName());
    Choice choice = new Choice(language, digest, current.optionalNotices() ? "on" : "off");
    try {
      preferences.choose(authentication.getName(), choice);
    } catch (InvalidInputException refused) {
      page(model, authentication, csrf)
          .addAttribute("choice", choice)
          .addAttribute("errors", refused.problems());
      return VIEW;
    }
    redirect.addFlashAttribute("saved", true);
    return "redirect:" + PATH;
  }

  private static Model page(Model model, Authentication authentication, CsrfToken csrf) {
    return model
        .addAttribute("user", authentication.getName())
        .addAttribute("csrfParameter", csrf.getParameterName())
        .addAttribute("csrfToken", csrf.getToken());
  }
}
