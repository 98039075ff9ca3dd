package org.invisiblebars.platform.security;

import java.util.Map;
import org.invisiblebars.platform.web.HtmlPage;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** The sign-in form of the application's own pages (the SLA dashboard); Spring Security handles the POST. */
@Controller
class LoginPage {

  private static final HtmlPage PAGE = HtmlPage.of("login.html");

  @GetMapping(value = FormLoginSecurityConfiguration.LOGIN, produces = MediaType.TEXT_HTML_VALUE)
  @ResponseBody
  String login(CsrfToken csrf, @RequestParam(required = false) String error,
      @RequestParam(required = false) String signedOut) {
    String message = error != null ? "Wrong user name or password, or you may not sign in."
        : signedOut != null ? "You have signed out." : "";
    return PAGE.render(Map.of("csrfParameter", csrf.getParameterName(), "csrfToken", csrf.getToken(),
        "action", FormLoginSecurityConfiguration.LOGIN, "message", message));
  }
}
