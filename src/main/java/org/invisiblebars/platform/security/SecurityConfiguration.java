package org.invisiblebars.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.invisiblebars.platform.identity.Groups;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HttpBasicConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Web security. The engine REST API and our own API answer only to HTTP Basic credentials checked
 * against the Camunda identity service; the Camunda web applications keep their own session login
 * and CSRF protection, guarded in front by {@link WebappAccessGuardFilter}.
 */
@Configuration
class SecurityConfiguration {

  static final String ENGINE_REST = "/engine-rest/**";
  static final String API = "/api/**";
  static final String ACTUATOR = "/actuator/**";
  static final String REALM = "Invisible Bars";

  /** Engine REST: staff and the oversight body only. NGO representatives have no engine access. */
  @Bean
  @Order(1)
  SecurityFilterChain engineRestSecurity(HttpSecurity http, IdentityService identityService)
      throws Exception {
    return statelessBasic(http.securityMatcher(path(ENGINE_REST)))
        .authorizeHttpRequests(
            auth -> auth.anyRequest().hasAnyAuthority(Groups.TASKLIST_USERS.toArray(String[]::new)))
        .addFilterAfter(new EngineAuthenticationFilter(identityService), AuthorizationFilter.class)
        .build();
  }

  /** Health is public (status only); metrics are for managers and administrators. */
  @Bean
  @Order(0)
  SecurityFilterChain actuatorSecurity(HttpSecurity http) throws Exception {
    return statelessBasic(http.securityMatcher(path(ACTUATOR)))
        .authorizeHttpRequests(
            auth ->
                auth.requestMatchers(path("/actuator/health"), path("/actuator/health/**"))
                    .permitAll()
                    .anyRequest()
                    .hasAnyAuthority(Groups.MANAGER, Groups.CAMUNDA_ADMIN))
        .build();
  }

  /**
   * Our own API: who may call which route is {@link ApiAccessRules}; only the public API (published
   * reports) answers without login. A refusal is answered with problem details ({@link
   * ApiAccessDenied}).
   */
  @Bean
  @Order(2)
  SecurityFilterChain apiSecurity(HttpSecurity http, ObjectMapper json) throws Exception {
    return statelessBasic(http.securityMatcher(path(API)))
        .authorizeHttpRequests(
            auth -> {
              ApiAccessRules.apply(auth);
              auth.anyRequest().authenticated();
            })
        .exceptionHandling(errors -> errors.accessDeniedHandler(new ApiAccessDenied(json)))
        .build();
  }

  /**
   * Everything else: the Camunda web applications (which authenticate and protect against CSRF
   * themselves) and static resources.
   */
  @Bean
  @Order(3)
  SecurityFilterChain webappSecurity(HttpSecurity http) throws Exception {
    return http.csrf(csrf -> csrf.disable())
        .headers(SecurityHeaders.besideCamundaWebapps())
        .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
        .build();
  }

  /**
   * Matches the path below the context path. The engine REST API is a Jersey servlet beside Spring
   * MVC's, so patterns must not be resolved against the dispatcher servlet.
   */
  private static RequestMatcher path(String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(pattern);
  }

  private static HttpSecurity statelessBasic(HttpSecurity http) throws Exception {
    return http.csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .headers(SecurityHeaders.own())
        .httpBasic(basic -> throttled(basic, basicChallenge()));
  }

  /**
   * HTTP Basic whose attempts carry their address and route ({@link LoginThrottle}); a throttled
   * attempt is answered 429 with {@code Retry-After}, any other failure by {@code otherwise}.
   */
  static HttpBasicConfigurer<HttpSecurity> throttled(
      HttpBasicConfigurer<HttpSecurity> basic, AuthenticationEntryPoint otherwise) {
    return basic
        .authenticationDetailsSource(SignInDetails.SOURCE)
        .authenticationEntryPoint(
            (request, response, failure) -> {
              if (failure instanceof SignInThrottledException throttled) {
                throttled.answer(response);
              } else {
                otherwise.commence(request, response, failure);
              }
            });
  }

  static BasicAuthenticationEntryPoint basicChallenge() {
    var challenge = new BasicAuthenticationEntryPoint();
    challenge.setRealmName(REALM);
    return challenge;
  }

  /**
   * Runs before Spring Security and the web applications' own filters; second only to the database
   * outage filter, which must see the identity service fail when the database is gone.
   */
  @Bean
  FilterRegistrationBean<WebappAccessGuardFilter> webappAccessGuard(
      IdentityService identityService, LoginThrottle throttle) {
    var registration =
        new FilterRegistrationBean<>(new WebappAccessGuardFilter(identityService, throttle));
    registration.addUrlPatterns("/camunda/api/admin/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
    return registration;
  }

  /** Runs after authentication, so anonymous callers get 401 rather than a hint about the query. */
  @Bean
  FilterRegistrationBean<ExpressionQueryGuardFilter> expressionQueryGuard(
      ObjectMapper objectMapper) {
    var registration = new FilterRegistrationBean<>(new ExpressionQueryGuardFilter(objectMapper));
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
    return registration;
  }
}
