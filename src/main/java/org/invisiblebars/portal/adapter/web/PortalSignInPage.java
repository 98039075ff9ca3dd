package org.invisiblebars.portal.adapter.web;

import org.invisiblebars.platform.web.Caller;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The portal's sign-in form and the page that tells someone signed in why they may not go on
 * ({@code templates/portal/sign-in.html}, {@code denied.html}); Spring Security handles the POSTs
 * of signing in and out.
 */
@Controller
class PortalSignInPage {

  @GetMapping(value = "/portal/sign-in", produces = MediaType.TEXT_HTML_VALUE)
  String signIn(
      CsrfToken csrf,
      @RequestParam(required = false) String error,
      @RequestParam(required = false) String throttled,
      @RequestParam(required = false) String signedOut,
      Model model) {
    model
        .addAttribute("csrfParameter", csrf.getParameterName())
        .addAttribute("csrfToken", csrf.getToken())
        .addAttribute("problem", error != null ? "WRONG" : throttled != null ? "THROTTLED" : null)
        .addAttribute("signedOut", signedOut != null);
    return "portal/sign-in";
  }

  /**
   * Shown with status 403 (set by Spring Security before it forwards here) to someone who may not
   * use the portal: staff, or an NGO user whose form was refused (its session ended, so its CSRF
   * token no longer holds).
   */
  @RequestMapping(value = "/portal/denied", produces = MediaType.TEXT_HTML_VALUE)
  String denied(CsrfToken csrf, Authentication authentication, Model model) {
    boolean signedIn =
        authentication != null && !(authentication instanceof AnonymousAuthenticationToken);
    model
        .addAttribute("signedInAs", signedIn ? authentication.getName() : null)
        .addAttribute("ngo", signedIn && Caller.of(authentication).isNgo())
        .addAttribute("csrfParameter", csrf.getParameterName())
        .addAttribute("csrfToken", csrf.getToken());
    return "portal/denied";
  }
}
