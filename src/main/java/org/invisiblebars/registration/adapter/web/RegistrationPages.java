package org.invisiblebars.registration.adapter.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.invisiblebars.platform.persistence.UniqueKey;
import org.invisiblebars.platform.validation.InvalidInputException;
import org.invisiblebars.platform.validation.InvalidInputException.FieldProblem;
import org.invisiblebars.registration.usecase.OrganisationRegistrations;
import org.invisiblebars.registration.usecase.OrganisationRegistrations.Link;
import org.invisiblebars.registration.usecase.OrganisationRegistrations.LinkState;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The public pages on which an organisation registers itself: the form (GOV.UK error summary,
 * POST-redirect-GET, CSRF), the "check your e-mail" page every accepted form leads to whatever the
 * address (so nobody learns whether an address is known), and the page of the verification link,
 * which proves the address with a button (a POST: a mail scanner that opens links does not use it
 * up).
 */
@Controller
class RegistrationPages {

  static final String FORM = "portal/register";

  private final OrganisationRegistrations registrations;

  RegistrationPages(OrganisationRegistrations registrations) {
    this.registrations = registrations;
  }

  @GetMapping(value = "/portal/register", produces = MediaType.TEXT_HTML_VALUE)
  String form(CsrfToken csrf, Model model) {
    csrf(model, csrf)
        .addAttribute(
            "request",
            new OrganisationRegistrations.Request(
                null, null, null, null, false, null, null, null, null))
        .addAttribute("errors", List.of())
        .addAttribute("fieldErrors", Map.of());
    return FORM;
  }

  @PostMapping(value = "/portal/register", produces = MediaType.TEXT_HTML_VALUE)
  ModelAndView register(
      @ModelAttribute OrganisationRegistrations.Request request,
      CsrfToken csrf,
      Model model,
      Locale language) {
    try {
      registrations.request(request, language);
    } catch (DataIntegrityViolationException sameMoment) {
      if (!UniqueKey.taken(sameMoment)) {
        throw sameMoment;
      }
      // a request for the same address stored at the same moment: answered like any other, its
      // link is on its way
      return new ModelAndView("redirect:/portal/register/sent");
    } catch (InvalidInputException refused) {
      csrf(model, csrf)
          .addAttribute("request", request)
          .addAttribute("errors", refused.problems())
          .addAttribute("fieldErrors", byField(refused.problems()));
      return new ModelAndView(FORM, model.asMap());
    }
    return new ModelAndView("redirect:/portal/register/sent");
  }

  @GetMapping(value = "/portal/register/sent", produces = MediaType.TEXT_HTML_VALUE)
  String sent() {
    return "portal/register-sent";
  }

  @GetMapping(value = "/portal/register/verify", produces = MediaType.TEXT_HTML_VALUE)
  Object verifyPage(
      @RequestParam(required = false) String token,
      CsrfToken csrf,
      Model model,
      HttpServletRequest http) {
    Link link = registrations.verificationLink(token);
    if (link.state() != LinkState.VALID) {
      return LinkRefused.answer(link, http);
    }
    csrf(model, csrf).addAttribute("link", link).addAttribute("token", token);
    return new ModelAndView("portal/register-verify", model.asMap());
  }

  @PostMapping(value = "/portal/register/verify", produces = MediaType.TEXT_HTML_VALUE)
  Object verify(@RequestParam(required = false) String token, HttpServletRequest http) {
    Link link = registrations.verify(token);
    if (link.state() != LinkState.VALID) {
      return LinkRefused.answer(link, http);
    }
    return new ModelAndView("redirect:/portal/register/verified");
  }

  @GetMapping(value = "/portal/register/verified", produces = MediaType.TEXT_HTML_VALUE)
  String verified() {
    return "portal/register-verified";
  }

  static Model csrf(Model model, CsrfToken csrf) {
    return model
        .addAttribute("csrfParameter", csrf.getParameterName())
        .addAttribute("csrfToken", csrf.getToken());
  }

  /** The first problem of each field, for the message beside it. */
  static Map<String, String> byField(List<FieldProblem> problems) {
    Map<String, String> byField = new LinkedHashMap<>();
    for (FieldProblem problem : problems) {
      byField.putIfAbsent(problem.field(), problem.problem());
    }
    return byField;
  }
}
