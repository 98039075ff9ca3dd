package org.invisiblebars.registration.adapter.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.invisiblebars.platform.validation.InvalidInputException;
import org.invisiblebars.registration.usecase.OrganisationRegistrations;
import org.invisiblebars.registration.usecase.OrganisationRegistrations.Link;
import org.invisiblebars.registration.usecase.OrganisationRegistrations.LinkState;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The page of the single-use link an approved organisation's first user receives: it names the user
 * name and sets a password under the engine's password policy (the rules a password breaks are
 * named beside the field), then points to the sign-in form (POST, redirect, GET).
 */
@Controller
class AccountActivationPage {

  static final String FORM = "portal/account-activate";

  private final OrganisationRegistrations registrations;

  AccountActivationPage(OrganisationRegistrations registrations) {
    this.registrations = registrations;
  }

  @GetMapping(value = "/portal/account/activate", produces = MediaType.TEXT_HTML_VALUE)
  Object form(
      @RequestParam(required = false) String token,
      CsrfToken csrf,
      Model model,
      HttpServletRequest http) {
    Link link = registrations.activationLink(token);
    if (link.state() != LinkState.VALID) {
      return LinkRefused.answer(link, http);
    }
    RegistrationPages.csrf(model, csrf)
        .addAttribute("link", link)
        .addAttribute("token", token)
        .addAttribute("errors", List.of())
        .addAttribute("fieldErrors", Map.of());
    return new ModelAndView(FORM, model.asMap());
  }

  @PostMapping(value = "/portal/account/activate", produces = MediaType.TEXT_HTML_VALUE)
  Object activate(
      @RequestParam(required = false) String token,
      @RequestParam(required = false) String password,
      @RequestParam(required = false) String confirmPassword,
      CsrfToken csrf,
      Model model,
      HttpServletRequest http) {
    Link link;
    try {
      link =
          registrations.activate(
              token, new OrganisationRegistrations.NewPassword(password, confirmPassword));
    } catch (InvalidInputException refused) {
      RegistrationPages.csrf(model, csrf)
          .addAttribute("link", registrations.activationLink(token))
          .addAttribute("token", token)
          .addAttribute("errors", refused.problems())
          .addAttribute("fieldErrors", RegistrationPages.byField(refused.problems()));
      return new ModelAndView(FORM, model.asMap());
    }
    if (link.state() != LinkState.VALID) {
      return LinkRefused.answer(link, http);
    }
    return new ModelAndView("redirect:/portal/account/activated");
  }

  @GetMapping(value = "/portal/account/activated", produces = MediaType.TEXT_HTML_VALUE)
  String activated() {
    return "portal/account-activated";
  }
}
