package org.invisiblebars.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.invisiblebars.platform.identity.Groups;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards the Camunda web applications:
 *
 * <ul>
 *   <li>CVE-2026-77226: the Admin first-run setup endpoint is never available (403), whatever the
 *       state of the user store; the administrator is created by the identity bootstrap instead.
 *   <li>NGO representatives act only through the NGO API: their login to Tasklist, Cockpit or
 *       Admin is refused (403) before the web application creates a session.
 * </ul>
 */
class WebappAccessGuardFilter extends OncePerRequestFilter {

  static final String SETUP_PATH = "/camunda/api/admin/setup/";
  private static final String LOGIN_PATH = "/camunda/api/admin/auth/user/";

  private final IdentityService identityService;

  WebappAccessGuardFilter(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    // The path as Tomcat routed it, not as written: /camunda/api//admin/setup reaches the setup too.
    String path = request.getServletPath() + Objects.toString(request.getPathInfo(), "");
    if (path.startsWith(SETUP_PATH) || path.equals(SETUP_PATH.substring(0, SETUP_PATH.length() - 1))) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN, "The setup of the first user is disabled.");
      return;
    }
    if (path.startsWith(LOGIN_PATH) && path.contains("/login/") && "POST".equals(request.getMethod())) {
      CachedBodyRequest cached = CachedBodyRequest.of(request);
      if (cached == null) {
        response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        return;
      }
      Optional<String> username = formParameter(cached.bodyAsString(), "username");
      if (username.filter(CamundaIdentityAuthenticationProvider::cannotBeAUserId).isPresent()) {
        response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
        return;
      }
      if (username.filter(this::isNgoOnly).isPresent()) {
        response.sendError(
            HttpServletResponse.SC_FORBIDDEN,
            "NGO representatives use the NGO API, not the Camunda web applications.");
        return;
      }
      chain.doFilter(cached, response);
      return;
    }
    chain.doFilter(request, response);
  }

  private boolean isNgoOnly(String userId) {
    var groups = identityService.createGroupQuery().groupMember(userId).list();
    return groups.stream().anyMatch(g -> Groups.NGO.equals(g.getId()))
        && groups.stream().noneMatch(g -> Groups.STAFF.contains(g.getId()));
  }

  private static Optional<String> formParameter(String body, String name) {
    return UrlEncoded.pairs(body).filter(p -> name.equals(p.getKey())).map(Map.Entry::getValue).findFirst();
  }
}
