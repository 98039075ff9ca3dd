package org.invisiblebars.platform.security;

import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in form of the application's own pages (the SLA dashboard), and the page that tells a
 * signed-in person they may not open one ({@code templates/login.html}, {@code
 * templates/denied.html}); Spring Security handles the POSTs.
 */
@Controller
class LoginPage {

  static final String VIEW = "login";

  @GetMapping(value = FormLoginSecurityConfiguration.LOGIN, produces = MediaType.TEXT_HTML_VALUE)
  String login(
      CsrfToken csrf,
      @RequestParam(required = false) String error,
      @RequestParam(required = false) String signedOut,
      Model model) {
    String message =
        error != null
            ? "Wrong user name or password, or you may not sign in."
            : signedOut != null ? "You have signed out." : "";
    model.addAllAttributes(form(csrf, message));
    return VIEW;
  }

  /**
   * What the sign-in form shows: a message (also the answer to a throttled attempt, which Spring
   * Security writes itself) and the CSRF token, read here so the session holding it exists before
   * the page is written.
   */
  static Map<String, Object> form(CsrfToken csrf, String message) {
    return Map.of(
        "csrfParameter",
        csrf.getParameterName(),
        "csrfToken",
        csrf.getToken(),
        "action",
        FormLoginSecurityConfiguration.LOGIN,
        "message",
        message);
  }

  /**
   * Shown with status 403 to someone signed in whose groups may not open the page they asked for.
   */
  @RequestMapping(
      value = FormLoginSecurityConfiguration.DENIED,
      produces = MediaType.TEXT_HTML_VALUE)
  String denied(CsrfToken csrf, Authentication authentication, Model model) {
    model
        .addAttribute("user", authentication == null ? "nobody" : authentication.getName())
        .addAttribute("csrfParameter", csrf.getParameterName())
        .addAttribute("csrfToken", csrf.getToken())
        .addAttribute("logout", FormLoginSecurityConfiguration.LOGOUT);
    return "denied";
  }
}
