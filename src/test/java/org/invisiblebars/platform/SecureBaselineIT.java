package org.invisiblebars.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.filter.Filter;
import org.invisiblebars.support.IntegrationTest;
import org.invisiblebars.support.WebappSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The engine REST API, our API and the web applications only answer to whom they should. */
class SecureBaselineIT extends IntegrationTest {

  private static final String OR_QUERY_WITH_EXPRESSION =
      "{\"orQueries\":[{\"assignee\":\"martha\"},{\"dueAfterExpression\":\"${now()}\"}]}";

  @Autowired FilterService filterService;

  @Test
  void engineRestRequiresAuthentication() {
    assertThat(rest.getForEntity("/engine-rest/task", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(as("martha").getForEntity("/engine-rest/task", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  @Test
  void ngoRepresentativesHaveNoEngineAccess() {
    assertThat(as("john").getForEntity("/engine-rest/task", String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(
            as("john")
                .getForEntity("/engine-rest/process-definition", String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void ngoRepresentativesCannotLogInToTheWebApplications() {
    WebappSession session = new WebappSession(baseUrl());
    assertThat(session.login("john", "demo", "tasklist")).isEqualTo(403);
    assertThat(session.get("/camunda/api/engine/engine/default/task").statusCode()).isEqualTo(401);
    assertThat(new WebappSession(baseUrl()).login("lena", "demo", "tasklist")).isEqualTo(200);
  }

  @Test
  void ownApiRequiresAuthentication() {
    assertThat(rest.getForEntity("/api/v1/anything", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void expressionInTaskQueryParametersIsRefused() {
    ResponseEntity<String> top =
        as("martha")
            .getForEntity("/engine-rest/task?dueAfterExpression={e}", String.class, "${now()}");
    assertThat(top.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(top.getBody()).contains("dueAfterExpression");

    ResponseEntity<String> count =
        as("martha")
            .getForEntity(
                "/engine-rest/task/count?assigneeExpression={e}", String.class, "${currentUser()}");
    assertThat(count.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
  }

  @Test
  void expressionInsideOrQueriesOfATaskQueryBodyIsRefused() {
    for (String endpoint : new String[] {"/engine-rest/task", "/engine-rest/task/count"}) {
      ResponseEntity<String> response =
          as("martha").postForEntity(endpoint, json(OR_QUERY_WITH_EXPRESSION), String.class);
      assertThat(response.getStatusCode()).as(endpoint).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(response.getBody()).contains("orQueries[1].dueAfterExpression");
    }
  }

  @Test
  void taskQueriesWithoutExpressionsStillWork() {
    String plain = "{\"orQueries\":[{\"assignee\":\"martha\"},{\"candidateGroup\":\"director\"}]}";
    ResponseEntity<String> response =
        as("martha").postForEntity("/engine-rest/task", json(plain), String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getBody()).startsWith("[");
  }

  @Test
  void expressionInTheExtendingQueryOfAFilterIsRefused() {
    String filterId = filterId("Directors queue");
    for (String operation : new String[] {"list", "count"}) {
      ResponseEntity<String> response =
          as("martha")
              .postForEntity(
                  "/engine-rest/filter/" + filterId + "/" + operation,
                  json(OR_QUERY_WITH_EXPRESSION),
                  String.class);
      assertThat(response.getStatusCode()).as(operation).isEqualTo(HttpStatus.BAD_REQUEST);
    }
    assertThat(
            as("martha")
                .postForEntity(
                    "/engine-rest/filter/" + filterId + "/list", json("{}"), String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  @Test
  void tasklistsOwnEngineApiRefusesExpressionsToo() {
    WebappSession tasklist = new WebappSession(baseUrl());
    assertThat(tasklist.login("martha", "demo", "tasklist")).isEqualTo(200);
    String filterId = filterId("Directors queue");
    String list =
        "/camunda/api/engine/engine/default/filter/"
            + filterId
            + "/list?firstResult=0&maxResults=15";

    assertThat(tasklist.postJson(list, "{}").statusCode()).isEqualTo(200);
    assertThat(tasklist.postJson(list, OR_QUERY_WITH_EXPRESSION).statusCode()).isEqualTo(400);
    assertThat(
            tasklist
                .postJson(
                    "/camunda/api/engine/engine/default/filter/" + filterId + "/count",
                    OR_QUERY_WITH_EXPRESSION)
                .statusCode())
        .isEqualTo(400);
    assertThat(
            tasklist
                .get(
                    "/camunda/api/engine/engine/default/task?candidateGroupsExpression=%24%7BcurrentUserGroups()%7D")
                .statusCode())
        .isEqualTo(400);
  }

  @Test
  void storedFiltersKeepTheirExpressionsAndOnlyAdministratorsMayWriteThem() {
    String myTasks = filterId("My tasks");
    ResponseEntity<String> list =
        as("lena").getForEntity("/engine-rest/filter/" + myTasks + "/list", String.class);
    assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);

    String newFilter =
        "{\"resourceType\":\"Task\",\"name\":\"Sneaky\",\"query\":{\"assigneeExpression\":\"${now()}\"}}";
    assertThat(
            as("lena")
                .postForEntity("/engine-rest/filter/create", json(newFilter), String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    var update =
        new HttpEntity<>(
            "{\"resourceType\":\"Task\",\"name\":\"Renamed\",\"query\":{}}", jsonHeaders());
    assertThat(
            as("martha")
                .exchange("/engine-rest/filter/" + myTasks, HttpMethod.PUT, update, String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);

    ResponseEntity<String> created =
        as("admin")
            .postForEntity(
                "/engine-rest/filter/create",
                json(newFilter.replace("Sneaky", "Admin filter")),
                String.class);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.OK);
    filterService.deleteFilter(filterId("Admin filter"));
  }

  @Test
  void adminSetupEndpointIsAlwaysForbidden() {
    String user =
        "{\"profile\":{\"id\":\"intruder\"},\"credentials\":{\"password\":\"Intruder-Pass-2026!\"}}";
    assertThat(
            rest.postForEntity(
                    "/camunda/api/admin/setup/default/user/create", json(user), String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    WebappSession admin = new WebappSession(baseUrl());
    assertThat(admin.login("admin", "demo", "admin")).isEqualTo(200);
    assertThat(admin.postJson("/camunda/api/admin/setup/default/user/create", user).statusCode())
        .isEqualTo(403);
    assertThat(as("admin").getForEntity("/engine-rest/user?id=intruder", String.class).getBody())
        .isEqualTo("[]");
  }

  private String filterId(String name) {
    Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
    assertThat(filter).as("filter " + name).isNotNull();
    return filter.getId();
  }

  private static HttpEntity<String> json(String body) {
    return new HttpEntity<>(body, jsonHeaders());
  }

  private static HttpHeaders jsonHeaders() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return headers;
  }
}
