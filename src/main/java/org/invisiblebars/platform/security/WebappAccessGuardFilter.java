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
 *   <li>Their login (which calls the identity service itself, outside Spring Security) passes the
 *       {@link LoginThrottle}: a throttled attempt gets 429 with {@code Retry-After}, and every
 *       success and failure is logged with the user, the address and the application.
 *   <li>NGO representatives act only through the NGO API: their login to Tasklist, Cockpit or Admin
 *       is refused. Without the right password they get what anybody gets, the web application's
 *       own 401, so the login does not tell an NGO user from an unknown one; with it, 403, as
 *       Camunda answers a user who may not open that application.
 * </ul>
 */
class WebappAccessGuardFilter extends OncePerRequestFilter {

  static final String SETUP_PATH = "/camunda/api/admin/setup/";
  private static final String LOGIN_PATH = "/camunda/api/admin/auth/user/";

  private final IdentityService identityService;
  private final LoginThrottle throttle;

  WebappAccessGuardFilter(IdentityService identityService, LoginThrottle throttle) {
    this.identityService = identityService;
    this.throttle = throttle;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    // The path as Tomcat routed it, not as written: /camunda/api//admin/setup reaches the setup
    // too.
    String path = request.getServletPath() + Objects.toString(request.getPathInfo(), "");
    if (path.startsWith(SETUP_PATH)
        || path.equals(SETUP_PATH.substring(0, SETUP_PATH.length() - 1))) {
      response.sendError(
          HttpServletResponse.SC_FORBIDDEN, "The setup of the first user is disabled.");
      return;
    }
    if (path.startsWith(LOGIN_PATH)
        && path.contains("/login/")
        && "POST".equals(request.getMethod())) {
      CachedBodyRequest cached = CachedBodyRequest.of(request);
      if (cached == null) {
        response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        return;
      }
      logIn(cached, response, chain, "web app " + path.substring(path.lastIndexOf('/') + 1));
      return;
    }
    chain.doFilter(request, response);
  }

  private void logIn(
      CachedBodyRequest request, HttpServletResponse response, FilterChain chain, String route)
      throws IOException, ServletException {
    String body = request.bodyAsString();
    String userId = formParameter(body, "username").orElse("");
    if (CamundaIdentityAuthenticationProvider.cannotBeAUserId(userId)) {
      response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
      return;
    }
    LoginThrottle.SignIn attempt = new LoginThrottle.SignIn(userId, request.getRemoteAddr(), route);
    var wait = throttle.refusal(attempt);
    if (wait.isPresent()) {
      new SignInThrottledException(wait.get()).answer(response);
      return;
    }
    if (isNgoOnly(userId)
        && identityService.checkPassword(userId, formParameter(body, "password").orElse(null))) {
      throttle.refused(attempt, "NGO representatives use the NGO API");
      response.sendError(
          HttpServletResponse.SC_FORBIDDEN,
          "NGO representatives use the NGO API, not the Camunda web applications.");
      return;
    }
    chain.doFilter(request, response);
    // The web application's answer: 200 signed in, 401 wrong user or password, 403 right password
    // for an application the user may not open.
    switch (response.getStatus()) {
      case HttpServletResponse.SC_OK -> throttle.succeeded(attempt);
      case HttpServletResponse.SC_UNAUTHORIZED -> throttle.failed(attempt);
      case HttpServletResponse.SC_FORBIDDEN ->
          throttle.refused(attempt, "may not open this application");
      default -> {}
    }
  }

  private boolean isNgoOnly(String userId) {
    var groups = identityService.createGroupQuery().groupMember(userId).list();
    return groups.stream().anyMatch(g -> Groups.NGO.equals(g.getId()))
        && groups.stream().noneMatch(g -> Groups.STAFF.contains(g.getId()));
  }

  private static Optional<String> formParameter(String body, String name) {
    return UrlEncoded.pairs(body)
        .filter(p -> name.equals(p.getKey()))
        .map(Map.Entry::getValue)
        .findFirst();
  }
}
