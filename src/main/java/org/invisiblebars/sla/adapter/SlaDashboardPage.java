package org.invisiblebars.sla.adapter;

import java.util.Map;
import org.invisiblebars.platform.web.HtmlPage;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The managers' dashboard at {@code /sla}: the page itself only names the user and carries the token
 * of its sign-out form; {@code static/sla/dashboard.js} fills it from the SLA API. Who may open it is
 * decided by the security configuration (managers, directors, administrators).
 */
@Controller
class SlaDashboardPage {

  private static final HtmlPage PAGE = HtmlPage.of("sla/dashboard.html");

  @GetMapping(value = "/sla", produces = MediaType.TEXT_HTML_VALUE)
  @ResponseBody
  String dashboard(Authentication authentication, CsrfToken csrf) {
    return PAGE.render(Map.of("user", authentication.getName(), "csrfParameter", csrf.getParameterName(),
        "csrfToken", csrf.getToken()));
  }
}
