package org.invisiblebars.platform.security;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * The response headers of every security chain: HSTS and one Content-Security-Policy per response.
 * Our own pages ({@code /sla}) load scripts, styles and the chart only from the application itself
 * and post forms only to it, so the policy allows nothing else, not even inline code. The Camunda
 * web applications ({@code /camunda/app/**}, {@code /camunda/api/**}) send their own policy, made
 * for them (nonces for their scripts; {@code camunda.bpm.webapp.header-security}): there this
 * application adds none, so a response never carries two.
 *
 * <p>Swagger UI ({@code /swagger-ui/**}, the description of our API) gets our policy with one
 * exception: its script sets inline styles as it renders (Chromium reports the refusal, {@code
 * SwaggerUiBrowserIT}), so there styles may be inline ({@code style-src 'self' 'unsafe-inline'}).
 * Scripts stay {@code 'self'} only: its page loads every script as a file, none inline. A style
 * runs no code, and the page shows only the description, which holds no data; a hash of the one
 * style would break silently with each Swagger UI release.
 */
final class SecurityHeaders {

  static final String POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
          + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  /** Our policy but for inline styles, which Swagger UI's script sets (see above). */
  static final String SWAGGER_UI_POLICY =
      POLICY.replace("style-src 'self';", "style-src 'self' 'unsafe-inline';");

  /** One year; browsers ignore the header on plain HTTP, so it is sent on every response. */
  static final long HSTS_MAX_AGE_SECONDS = 365L * 24 * 60 * 60;

  private SecurityHeaders() {}

  /** For the chains of our own routes: our policy on every response. */
  static Customizer<HeadersConfigurer<HttpSecurity>> own() {
    return headers -> common(headers).contentSecurityPolicy(csp -> csp.policyDirectives(POLICY));
  }

  /**
   * For the chain that also passes the Camunda web applications: our policy everywhere but on
   * theirs, and on Swagger UI's with inline styles.
   */
  static Customizer<HeadersConfigurer<HttpSecurity>> besideCamundaWebapps() {
    var camunda =
        new OrRequestMatcher(
            PathPatternRequestMatcher.withDefaults().matcher("/camunda/app/**"),
            PathPatternRequestMatcher.withDefaults().matcher("/camunda/api/**"));
    var swaggerUi = PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**");
    return headers ->
        common(headers)
            .addHeaderWriter(
                new DelegatingRequestMatcherHeaderWriter(
                    new NegatedRequestMatcher(new OrRequestMatcher(camunda, swaggerUi)),
                    new ContentSecurityPolicyHeaderWriter(POLICY)))
            .addHeaderWriter(
                new DelegatingRequestMatcherHeaderWriter(
                    swaggerUi, new ContentSecurityPolicyHeaderWriter(SWAGGER_UI_POLICY)));
  }

  private static HeadersConfigurer<HttpSecurity> common(HeadersConfigurer<HttpSecurity> headers) {
    return headers
        .httpStrictTransportSecurity(
            hsts ->
                hsts.requestMatcher(AnyRequestMatcher.INSTANCE)
                    .maxAgeInSeconds(HSTS_MAX_AGE_SECONDS)
                    .includeSubDomains(false))
        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN));
  }
}
