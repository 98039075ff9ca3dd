package org.invisiblebars.platform.security;

import static org.invisiblebars.platform.identity.Groups.CAMUNDA_ADMIN;
import static org.invisiblebars.platform.identity.Groups.DIRECTOR;
import static org.invisiblebars.platform.identity.Groups.MANAGER;
import static org.invisiblebars.platform.identity.Groups.NGO;
import static org.invisiblebars.platform.identity.Groups.NGO_LIAISON;
import static org.invisiblebars.platform.identity.Groups.PROCESS_OWNER;
import static org.invisiblebars.platform.identity.Groups.SECURITY;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import java.util.List;
import java.util.Optional;
import org.invisiblebars.platform.identity.Groups;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Who may call which route of our API ({@code /api/**}), in one table: the first rule whose method
 * and path match a request decides, before any controller runs. Both chains in front of the API
 * apply it ({@link SecurityConfiguration}'s, and {@link FormLoginSecurityConfiguration}'s for the
 * SLA API its page reads); {@code ApiAccessRulesIT} checks that every route of our controllers has
 * a rule and every rule a route, and the authorization matrix what each role gets.
 *
 * <p>Rules that depend on the record asked for are not here but in the use cases: an NGO user reads
 * and acts on its own organisation's accreditations, visits and reports only (others' are 404, so
 * that their existence does not leak), and only when bound to an organisation ({@code
 * OrganisationScope}); which fields of a facility, visit or accreditation a role sees is the
 * views'.
 */
final class ApiAccessRules {

  /** Who reads the SLA figures and opens the dashboard. */
  static final List<String> SLA_READERS = List.of(MANAGER, DIRECTOR, CAMUNDA_ADMIN);

  static final List<Rule> RULES =
      List.of(
          anyone(GET, "/api/v1/public/**"),

          // NGO users their own organisation's (in the use case); staff every one
          signedIn(GET, "/api/v1/accreditations/**"),
          groups(POST, "/api/v1/accreditations", NGO),
          groups(POST, "/api/v1/accreditations/*/information", NGO),
          groups(POST, "/api/v1/accreditations/*/countersignature", NGO),
          groups(POST, "/api/v1/accreditations/*/mou/agreement", NGO),
          groups(POST, "/api/v1/accreditations/*/renewal", NGO),
          groups(POST, "/api/v1/accreditations/*/mou/amendments", NGO),
          groups(POST, "/api/v1/accreditations/*/revocation", DIRECTOR),

          // NGO users without the security details (in the view)
          signedIn(GET, "/api/v1/facilities/**"),
          groups(POST, "/api/v1/facilities", CAMUNDA_ADMIN),
          groups(PUT, "/api/v1/facilities/*/alert-level", SECURITY, DIRECTOR),
          groups(PUT, "/api/v1/facilities/*/visiting", CAMUNDA_ADMIN),
          signedIn(GET, "/api/v1/organisations/**"),
          groups(POST, "/api/v1/organisations", NGO_LIAISON, CAMUNDA_ADMIN),
          groups(POST, "/api/v1/organisations/*/representatives", NGO),
          groups(PUT, "/api/v1/organisations/*/members/*", NGO_LIAISON, CAMUNDA_ADMIN),

          // confidential until published: no staff but directors and liaison officers
          groups(GET, "/api/v1/reports/**", DIRECTOR, NGO_LIAISON, NGO),
          groups(POST, "/api/v1/reports", NGO),
          groups(POST, "/api/v1/reports/*/extension-answer", NGO),
          groups(POST, "/api/v1/reports/*/referrals", NGO),
          groups(POST, "/api/v1/reports/*/extension-request", DIRECTOR),
          groups(POST, "/api/v1/reports/*/waiver", DIRECTOR),
          groups(POST, "/api/v1/reports/*/plan-of-action/recommendations/*/comments", NGO),

          // coordination meetings: like the reports they may discuss
          groups(GET, "/api/v1/meetings/**", DIRECTOR, NGO_LIAISON, NGO),
          groups(POST, "/api/v1/meetings", NGO_LIAISON, NGO),
          groups(POST, "/api/v1/meetings/*/actions/*/done", NGO_LIAISON, DIRECTOR, NGO),

          // only the organisation asks to publish its released report, consents or withdraws
          groups(POST, "/api/v1/reports/*/publication", NGO),
          groups(POST, "/api/v1/reports/*/publication/*", NGO),

          // the risk assessment only for security, directors and administrators (in the view)
          signedIn(GET, "/api/v1/visits/**"),
          groups(POST, "/api/v1/visits", NGO),
          groups(POST, "/api/v1/visits/unannounced", SECURITY),
          groups(POST, "/api/v1/visits/*/representatives/*/acknowledgement", NGO),
          groups(POST, "/api/v1/visits/*/cancellation", NGO, NGO_LIAISON, DIRECTOR),
          groups(POST, "/api/v1/visits/*/findings", NGO),

          // incidents at check-out: the organisation its own, to contest; staff who work on visits
          groups(GET, "/api/v1/incidents/**", NGO, SECURITY, DIRECTOR, NGO_LIAISON),
          groups(POST, "/api/v1/incidents/*/contest", NGO),

          // instance migration: process owners and administrators
          groups(GET, "/api/v1/migrations/**", PROCESS_OWNER, CAMUNDA_ADMIN),
          groups(POST, "/api/v1/migrations", PROCESS_OWNER, CAMUNDA_ADMIN),

          // which model version is live and where it came from: for those who change or approve
          // models
          groups(GET, "/api/v1/process-models", PROCESS_OWNER, CAMUNDA_ADMIN, DIRECTOR),
          // process owners' changes and their review: the same
          groups(GET, "/api/v1/model-changes/**", PROCESS_OWNER, CAMUNDA_ADMIN, DIRECTOR),

          // e-mail messages that failed for good (addresses and errors): administrators
          groups(GET, "/api/v1/mail/failures", CAMUNDA_ADMIN),

          // each group reads the breaches escalated to it; the figures stay with SLA readers
          groups(GET, "/api/v1/sla/escalations", Groups.TASKLIST_USERS.toArray(String[]::new)),
          groups(GET, "/api/v1/sla/**", SLA_READERS.toArray(String[]::new)));

  private ApiAccessRules() {}

  /**
   * Adds the rules to a chain. A request no rule matches (a path or method no controller serves)
   * needs only to be signed in, so that it is answered 404 or 405 as before, not 403.
   */
  static void apply(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry
          auth) {
    for (Rule rule : RULES) {
      var matched =
          auth.requestMatchers(
              PathPatternRequestMatcher.withDefaults().matcher(rule.method(), rule.pattern()));
      if (rule.groups() == null) {
        matched.permitAll();
      } else if (rule.groups().isEmpty()) {
        matched.authenticated();
      } else {
        matched.hasAnyAuthority(rule.groups().toArray(String[]::new));
      }
    }
  }

  /**
   * The rule that decides for a route as our controllers map it, e.g. {@code POST
   * /api/v1/reports/{id}/waiver}.
   */
  static Optional<Rule> ruleFor(HttpMethod method, String route) {
    return RULES.stream().filter(rule -> rule.matches(method, route)).findFirst();
  }

  /**
   * A method and path pattern, and who may call them: {@code null} groups for anyone, none for
   * anyone signed in.
   */
  record Rule(HttpMethod method, String pattern, List<String> groups) {

    boolean matches(HttpMethod method, String path) {
      PathPattern parsed = PathPatternParser.defaultInstance.parse(pattern);
      return this.method.equals(method) && parsed.matches(PathContainer.parsePath(path));
    }
  }

  private static Rule anyone(HttpMethod method, String pattern) {
    return new Rule(method, pattern, null);
  }

  private static Rule signedIn(HttpMethod method, String pattern) {
    return new Rule(method, pattern, List.of());
  }

  private static Rule groups(HttpMethod method, String pattern, String... groups) {
    return new Rule(method, pattern, List.of(groups));
  }
}
