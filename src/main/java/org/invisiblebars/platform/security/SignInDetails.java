package org.invisiblebars.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationDetailsSource;

/**
 * Where a sign-in came from, kept with the credentials Spring Security checks, so that {@link
 * CamundaIdentityAuthenticationProvider} can throttle and log it: the client address (behind a
 * proxy, the one it forwards; see {@code server.forward-headers-strategy}) and the route.
 */
record SignInDetails(String source, String route) implements Serializable {

  static final String BASIC = "HTTP Basic ";
  static final String FORM = "form ";

  /**
   * For {@code httpBasic()} and {@code formLogin()}: the route is the kind of sign-in and the first
   * part of the path.
   */
  static final AuthenticationDetailsSource<HttpServletRequest, SignInDetails> SOURCE =
      SignInDetails::of;

  static SignInDetails of(HttpServletRequest request) {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    boolean basic = header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
    return new SignInDetails(
        request.getRemoteAddr(), (basic ? BASIC : FORM) + firstSegment(request));
  }

  /**
   * {@code /engine-rest}, {@code /api}, {@code /sla}: enough to tell the routes apart, nothing a
   * caller chose.
   */
  static String firstSegment(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    int end = path.indexOf('/', 1);
    String segment = end < 0 ? path : path.substring(0, end);
    return segment.length() > 32 || !segment.matches("/[A-Za-z0-9._-]*") ? "/?" : segment;
  }

  LoginThrottle.SignIn signIn(String account) {
    return new LoginThrottle.SignIn(account, source, route);
  }
}
