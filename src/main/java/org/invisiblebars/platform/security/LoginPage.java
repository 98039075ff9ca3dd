package org.invisiblebars.platform.security;

import java.util.Map;
import org.invisiblebars.platform.web.HtmlPage;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The sign-in form of the application's own pages (the SLA dashboard), and the page that tells a
 * signed-in person they may not open one; Spring Security handles the POSTs.
 */
@Controller
class LoginPage {

  private static final HtmlPage PAGE = HtmlPage.of("login.html");
  private static final HtmlPage DENIED = HtmlPage.of("denied.html");

  @GetMapping(value = FormLoginSecurityConfiguration.LOGIN, produces = MediaType.TEXT_HTML_VALUE)
  @ResponseBody
  String login(CsrfToken csrf, @RequestParam(required = false) String error,
      @RequestParam(required = false) String signedOut) {
    String message = error != null ? "Wrong user name or password, or you may not sign in."
        : signedOut != null ? "You have signed out." : "";
    return form(csrf, message);
  }

  /** The sign-in form with a message (also the answer to a throttled attempt). */
  static String form(CsrfToken csrf, String message) {
    return PAGE.render(Map.of("csrfParameter", csrf.getParameterName(), "csrfToken", csrf.getToken(),
        "action", FormLoginSecurityConfiguration.LOGIN, "message", message));
  }

  /** Shown with status 403 to someone signed in whose groups may not open the page they asked for. */
  @RequestMapping(value = FormLoginSecurityConfiguration.DENIED, produces = MediaType.TEXT_HTML_VALUE)
  @ResponseBody
  String denied(CsrfToken csrf, Authentication authentication) {
    return DENIED.render(Map.of("user", authentication == null ? "nobody" : authentication.getName(),
        "csrfParameter", csrf.getParameterName(), "csrfToken", csrf.getToken(), "logout", FormLoginSecurityConfiguration.LOGOUT));
  }
}
