package org.invisiblebars.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Locale;
import org.invisiblebars.platform.identity.Groups;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The managers' SLA dashboard and the process owners' migration page ({@code /models}): pages for
 * people in a browser, so they sign in with a form (our own login page, CSRF on, a session) rather
 * than an HTTP Basic prompt. The credentials are checked by {@link
 * CamundaIdentityAuthenticationProvider}, the only authentication provider. The SLA API the page
 * reads accepts that session and, as before, HTTP Basic; the rest of {@code /api/**}, the engine
 * REST API and the Camunda web applications are not affected.
 */
@Configuration
class FormLoginSecurityConfiguration {

  static final String DASHBOARD = "/sla";
  static final String LOGIN = "/sla/login";
  static final String LOGOUT = "/sla/logout";
  static final String DENIED = "/sla/denied";
  static final String SLA_API = "/api/v1/sla/**";

  /**
   * Every staff member's settings (language, digest of new tasks), signed in with the same form.
   */
  static final String SETTINGS = "/sla/settings";

  /** The process owners' migration page (platform/migration), signed in with the same form. */
  static final String MODELS = "/models";

  /**
   * An application's supporting documents, opened by the staff who review it from the links in
   * their Tasklist forms (accreditation/adapter/web): a page of this sign-in, so that a link opened
   * in a new tab asks for the staff's password once and then shows the document.
   */
  static final String DOCUMENTS = "/documents/**";

  /** The groups of the staff who review an application and may open its documents. */
  static final String[] DOCUMENT_READERS = {
    Groups.NGO_LIAISON, Groups.DIRECTOR, Groups.SECURITY, Groups.CAMUNDA_ADMIN
  };

  /**
   * Before the general API chain (order 2); the engine REST chain (order 1) matches other paths.
   */
  @Bean
  @Order(1)
  SecurityFilterChain dashboardSecurity(
      HttpSecurity http, ITemplateEngine templates, ObjectMapper json) throws Exception {
    RequestMatcher api = path(SLA_API);
    // A script posting to the settings form without its token is answered as on the portal, with
    // problem details; a person gets the page.
    RequestMatcher scripts =
        new AndRequestMatcher(
            path(SETTINGS), new NegatedRequestMatcher(PortalSecurityConfiguration.browsers()));
    return http.securityMatcher(
            new OrRequestMatcher(
                path(DASHBOARD),
                path(DASHBOARD + "/**"),
                path(MODELS),
                path(MODELS + "/**"),
                path(DOCUMENTS),
                api))
        .authorizeHttpRequests(
            auth -> {
              auth.requestMatchers(path(LOGIN), path(DENIED), path("/sla/sla.css")).permitAll();
              ApiAccessRules.apply(auth);
              auth.requestMatchers(path(SETTINGS))
                  .hasAnyAuthority(Groups.TASKLIST_USERS.toArray(String[]::new));
              auth.requestMatchers(path(MODELS), path(MODELS + "/**"))
                  .hasAnyAuthority(Groups.PROCESS_OWNER, Groups.CAMUNDA_ADMIN);
              auth.requestMatchers(path(DOCUMENTS)).hasAnyAuthority(DOCUMENT_READERS);
              auth.requestMatchers(api)
                  .authenticated()
                  .anyRequest()
                  .hasAnyAuthority(ApiAccessRules.SLA_READERS.toArray(String[]::new));
            })
        .formLogin(
            form ->
                form.loginPage(LOGIN)
                    .defaultSuccessUrl(DASHBOARD, false)
                    .permitAll()
                    .authenticationDetailsSource(SignInDetails.SOURCE)
                    .failureHandler(loginFailure(templates)))
        .logout(
            logout ->
                logout
                    .logoutRequestMatcher(path(HttpMethod.POST, LOGOUT))
                    .logoutSuccessUrl(LOGIN + "?signedOut"))
        .httpBasic(basic -> SecurityConfiguration.throttled(basic, entryPoint(api)))
        .headers(SecurityHeaders.own())
        .requestCache(cache -> cache.requestCache(pagesOnly(api)))
        .exceptionHandling(
            errors ->
                errors
                    .authenticationEntryPoint(entryPoint(api))
                    // A person signed in without the right group sees why and can sign out; the API
                    // answers problem details.
                    .defaultAccessDeniedHandlerFor(
                        deniedPage(), new NegatedRequestMatcher(new OrRequestMatcher(api, scripts)))
                    .defaultAccessDeniedHandlerFor(
                        new ApiAccessDenied(json), new OrRequestMatcher(api, scripts)))
        .build();
  }

  /**
   * Who is not signed in: the page's own requests (marked {@code X-Requested-With}) get a bare 401
   * so the page can send the person to the login form, without the browser's Basic prompt; other
   * API clients get the Basic challenge as on the rest of the API; a person opening the page gets
   * the form.
   */
  private static DelegatingAuthenticationEntryPoint entryPoint(RequestMatcher api) {
    var basic = SecurityConfiguration.basicChallenge();
    var byRequest = new LinkedHashMap<RequestMatcher, AuthenticationEntryPoint>();
    byRequest.put(
        new AndRequestMatcher(
            api, new RequestHeaderRequestMatcher("X-Requested-With", "XMLHttpRequest")),
        new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED));
    byRequest.put(api, basic);
    var delegating = new DelegatingAuthenticationEntryPoint(byRequest);
    delegating.setDefaultEntryPoint(new LoginUrlAuthenticationEntryPoint(LOGIN));
    return delegating;
  }

  /**
   * A wrong password goes back to the form with a message; a throttled attempt ({@link
   * LoginThrottle}) gets the form with 429, {@code Retry-After} and how long to wait.
   */
  private static AuthenticationFailureHandler loginFailure(ITemplateEngine templates) {
    var wrongPassword = new SimpleUrlAuthenticationFailureHandler(LOGIN + "?error");
    return (request, response, failure) -> {
      if (failure instanceof SignInThrottledException throttled) {
        response.setStatus(429);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
        response.setContentType(MediaType.TEXT_HTML_VALUE + ";charset=UTF-8");
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        templates.process(
            LoginPage.VIEW,
            new Context(
                Locale.ENGLISH,
                LoginPage.form(
                    csrf,
                    "Too many failed sign-ins. Try again in "
                        + throttled.retryAfterSeconds()
                        + " seconds.")),
            response.getWriter());
      } else {
        wrongPassword.onAuthenticationFailure(request, response, failure);
      }
    };
  }

  /** Remembers a page asked for before signing in; an API call must not start a session. */
  private static HttpSessionRequestCache pagesOnly(RequestMatcher api) {
    var cache = new HttpSessionRequestCache();
    cache.setRequestMatcher(new NegatedRequestMatcher(api));
    return cache;
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
