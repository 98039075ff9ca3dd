package org.invisiblebars.sla.adapter;

import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The managers' dashboard at {@code /sla} ({@code templates/sla/dashboard.html}): the page itself
 * only names the user and carries the token of its sign-out form; {@code static/sla/dashboard.js}
 * fills it from the SLA API. Who may open it is decided by the security configuration (managers,
 * directors, administrators).
 */
@Controller
class SlaDashboardPage {

  @GetMapping(value = "/sla", produces = MediaType.TEXT_HTML_VALUE)
  String dashboard(Authentication authentication, CsrfToken csrf, Model model) {
    model
        .addAttribute("user", authentication.getName())
        .addAttribute("csrfParameter", csrf.getParameterName())
        .addAttribute("csrfToken", csrf.getToken());
    return "sla/dashboard";
  }
}
