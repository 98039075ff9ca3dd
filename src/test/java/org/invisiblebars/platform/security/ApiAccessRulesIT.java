package org.invisiblebars.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.invisiblebars.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The role rules of our API are declared in one table, {@link ApiAccessRules}: every route our
 * controllers serve has a rule (a new endpoint without one fails here, not in production), every
 * rule serves a route, and a refusal by a rule reads as a refusal by a use case always did.
 */
class ApiAccessRulesIT extends IntegrationTest {

  @Autowired ApplicationContext context;
  @Autowired ObjectMapper json;

  @Test
  void everyRouteOfOurApiHasARuleAndEveryRuleARoute() {
    List<String> api =
        RouteInventory.of(context).stream().filter(route -> route.contains(" /api/")).toList();
    assertThat(api).as("routes of our API").hasSizeGreaterThan(30);

    assertThat(api)
        .as("routes without a rule in ApiAccessRules")
        .filteredOn(route -> ApiAccessRules.ruleFor(method(route), path(route)).isEmpty())
        .isEmpty();
    assertThat(ApiAccessRules.RULES)
        .as("rules no route of our API matches")
        .filteredOn(
            rule -> api.stream().noneMatch(route -> rule.matches(method(route), path(route))))
        .isEmpty();
  }

  @Test
  void aRoleRuleRefusesWithTheProblemDetailsOfAUseCase() throws Exception {
    for (var refused :
        List.of(
            as("lena").getForEntity("/api/v1/sla/summary", String.class),
            as("sam")
                .postForEntity(
                    "/api/v1/organisations",
                    jsonBody("{\"name\":\"Refused\",\"mandateType\":\"NGO\"}"),
                    String.class),
            as("maria").getForEntity("/api/v1/reports", String.class))) {
      assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(403);
      assertThat(refused.getHeaders().getContentType())
          .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
      JsonNode problem = json.readTree(refused.getBody());
      assertThat(problem.path("detail").asText()).isEqualTo("Your role may not do this.");
      assertThat(problem.path("instance").asText()).startsWith("/api/v1/");
      assertThat(problem.path("title").asText()).isEqualTo("Forbidden");
    }
  }

  /**
   * A role that may not call a route learns nothing about what the route would accept: the rule
   * refuses before the body is read (a use case's own check came after it, so a wrong field was
   * named to anyone).
   */
  @Test
  void aRoleThatMayNotCallARouteIsRefusedBeforeItsBodyIsRead() {
    String unknownField = "{\"sneaky\":true}";
    assertThat(
            as("lena")
                .postForEntity("/api/v1/facilities", jsonBody(unknownField), String.class)
                .getStatusCode()
                .value())
        .isEqualTo(403);
    assertThat(
            as("lena")
                .postForEntity("/api/v1/visits/unannounced", jsonBody(unknownField), String.class)
                .getStatusCode()
                .value())
        .isEqualTo(403);
    ResponseEntity<String> admin =
        as("admin").postForEntity("/api/v1/facilities", jsonBody(unknownField), String.class);
    assertThat(admin.getStatusCode().value())
        .as("who may call it still learns what is wrong")
        .isEqualTo(400);
    assertThat(admin.getBody()).contains("sneaky");
  }

  @Test
  void pathsAndMethodsNoRouteServesAreAnsweredAsBefore() {
    assertThat(
            as("lena").getForEntity("/api/v1/no-such-thing", String.class).getStatusCode().value())
        .isEqualTo(404);
    assertThat(
            as("lena")
                .exchange("/api/v1/facilities", HttpMethod.DELETE, null, String.class)
                .getStatusCode()
                .value())
        .isEqualTo(405);
  }

  private static HttpEntity<String> jsonBody(String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }

  private static HttpMethod method(String route) {
    return HttpMethod.valueOf(route.substring(0, route.indexOf(' ')));
  }

  private static String path(String route) {
    return route.substring(route.indexOf(' ') + 1);
  }
}
