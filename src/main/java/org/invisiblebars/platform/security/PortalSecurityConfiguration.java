package org.invisiblebars.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Set;
import org.invisiblebars.platform.identity.Groups;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The NGO portal ({@code /portal}): pages for the people of an organisation, signed in with the
 * portal's own form (CSRF on, a session), only for members of the {@code ngo} group. Staff who sign
 * in here are shown why they may not go on and can sign out; a person not signed in is sent to the
 * form. HTTP Basic is accepted as on the other pages, so scripts and the authorization matrix reach
 * it the same way; the records a page shows are scoped to the user's organisation by the use cases,
 * as in the API.
 */
@Configuration
class PortalSecurityConfiguration {

  static final String PORTAL = "/portal";
  static final String SIGN_IN = "/portal/sign-in";
  static final String SIGN_OUT = "/portal/sign-out";
  static final String DENIED = "/portal/denied";

  /**
   * The pages on which an organisation registers itself and its first user sets a password: open to
   * anyone, as the person has no account yet (the links they use are single-use tokens).
   */
  static final String REGISTER = "/portal/register";

  static final String ACCOUNT = "/portal/account/**";

  /** The portal's own styles and script; the design system comes from its WebJar. */
  static final String ASSETS = "/portal/assets/**";

  /** A browser's request: it names HTML in its {@code Accept} header. */
  private static final RequestMatcher PORTAL_HTML = browsers();

  /** Before the general API chain (order 2); the other order-1 chains match other paths. */
  @Bean
  @Order(1)
  SecurityFilterChain portalSecurity(HttpSecurity http, ObjectMapper json) throws Exception {
    var signIn = new LoginUrlAuthenticationEntryPoint(SIGN_IN);
    return http.securityMatcher(new OrRequestMatcher(path(PORTAL), path(PORTAL + "/**")))
        .authorizeHttpRequests(
            auth ->
                auth.requestMatchers(
                        path(SIGN_IN),
                        path(DENIED),
                        path(ASSETS),
                        path(REGISTER),
                        path(REGISTER + "/**"),
                        path(ACCOUNT))
                    .permitAll()
                    .anyRequest()
                    .hasAuthority(Groups.NGO))
        .formLogin(
            form ->
                form.loginPage(SIGN_IN)
                    .defaultSuccessUrl(PORTAL, false)
                    .permitAll()
                    .authenticationDetailsSource(SignInDetails.SOURCE)
                    .failureHandler(signInFailure()))
        .logout(
            logout ->
                logout
                    .logoutRequestMatcher(path(HttpMethod.POST, SIGN_OUT))
                    .logoutSuccessUrl(SIGN_IN + "?signedOut"))
        .httpBasic(basic -> SecurityConfiguration.throttled(basic, signIn))
        .headers(SecurityHeaders.own())
        .exceptionHandling(
            errors ->
                errors
                    .authenticationEntryPoint(signIn)
                    // A person is shown why and can sign out; a script (which names no HTML in
                    // Accept) gets the problem details of our API, as from the portal's pages.
                    .defaultAccessDeniedHandlerFor(deniedPage(), PORTAL_HTML)
                    .defaultAccessDeniedHandlerFor(
                        new ApiAccessDenied(json), new NegatedRequestMatcher(PORTAL_HTML)))
        .build();
  }

  /**
   * A wrong password goes back to the form saying so; a throttled attempt ({@link LoginThrottle})
   * says to wait.
   */
  private static AuthenticationFailureHandler signInFailure() {
    var wrongPassword = new SimpleUrlAuthenticationFailureHandler(SIGN_IN + "?error");
    var throttled = new SimpleUrlAuthenticationFailureHandler(SIGN_IN + "?throttled");
    return (request, response, failure) ->
        (failure instanceof SignInThrottledException ? throttled : wrongPassword)
            .onAuthenticationFailure(request, response, failure);
  }

  /** A request that names HTML in its {@code Accept} header (a browser's), for the form chains. */
  static RequestMatcher browsers() {
    var html = new MediaTypeRequestMatcher(MediaType.TEXT_HTML, MediaType.APPLICATION_XHTML_XML);
    html.setIgnoredMediaTypes(Set.of(MediaType.ALL));
    return html;
  }

  private static AccessDeniedHandlerImpl deniedPage() {
    var handler = new AccessDeniedHandlerImpl();
    handler.setErrorPage(DENIED);
    return handler;
  }

  private static RequestMatcher path(String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(pattern);
  }

  private static RequestMatcher path(HttpMethod method, String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
  }
}
