package org.invisiblebars.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.invisiblebars.report.usecase.ReportReviewProcess;
import org.invisiblebars.support.BusinessKeys;
import org.invisiblebars.support.CapturedLog;
import org.invisiblebars.support.Fixtures;
import org.invisiblebars.support.IntegrationTest;
import org.invisiblebars.support.WebappSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engine REST API and the web applications' engine API answer the caller's own mistakes with
 * 4xx, where Camunda 7.24's REST layer answered 500 (found by the authorization matrix): an unknown
 * case execution's variables, a decision a role may not read, a condition no model declares, an
 * unknown external task, a message no execution waits for, our use cases' refusals thrown through a
 * message correlation, the metrics since the query limit, and the external-task long poll through
 * the web applications. Each is asked through both APIs; the answer is never 5xx.
 */
class EngineApiFailuresIT extends IntegrationTest {

  private static final String WEBAPP_ENGINE = "/camunda/api/engine/engine/default";
  private static final String JSON = "application/json";

  /** As a browser or script asks: some resources answer text ({@code errorDetails}), most JSON. */
  private static final String ANY = "*/*";

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;

  private final HttpClient http = HttpClient.newHttpClient();
  private final Map<String, WebappSession> sessions = new ConcurrentHashMap<>();

  @Test
  void anUnknownCaseExecutionOrCaseInstanceIsNotFound() throws Exception {
    String missing = UUID.randomUUID().toString();
    for (String path :
        List.of(
            "/case-execution/" + missing + "/variables/none",
            "/case-execution/" + missing + "/localVariables/none",
            "/case-instance/" + missing + "/variables/none")) {
      assertBoth("admin", "GET", path, null, 404);
      assertBoth("admin", "DELETE", path, null, 404);
    }
    assertBoth("admin", "GET", "/case-execution/" + missing + "/variables/none/data", null, 404);
    assertBoth("martha", "POST", "/case-execution/" + missing + "/variables", "{}", 404);
    assertBoth("martha", "POST", "/case-instance/" + missing + "/variables", "{}", 404);
  }

  @Test
  void aDecisionARoleMayNotReadIsForbiddenNotAServerError() throws Exception {
    String decision =
        repositoryService
            .createDecisionDefinitionQuery()
            .decisionDefinitionKey("sla-policy")
            .latestVersion()
            .singleResult()
            .getId();
    String requirements =
        repositoryService
            .createDecisionRequirementsDefinitionQuery()
            .latestVersion()
            .list()
            .get(0)
            .getId();
    for (String path :
        List.of(
            "/decision-definition/" + decision,
            "/decision-definition/" + decision + "/xml",
            "/decision-requirements-definition/" + requirements,
            "/decision-requirements-definition/" + requirements + "/xml")) {
      HttpResponse<String> refused = assertBoth("martha", "GET", path, null, 403);
      assertThat(refused.body()).contains("AuthorizationException").contains("READ");
      assertBoth("maria", "GET", path, null, 200);
    }
  }

  @Test
  void aConditionNoModelDeclaresIsABadRequest() throws Exception {
    HttpResponse<String> refused =
        assertBoth(
            "admin", "POST", "/condition", "{\"variables\": {\"matrix\": {\"value\": 1}}}", 400);
    assertThat(refused.body()).contains("conditional start");
  }

  @Test
  void anUnknownExternalTaskIsNotFound() throws Exception {
    assertBoth("admin", "GET", "/external-task/" + UUID.randomUUID() + "/errorDetails", null, 404);
  }

  @Test
  void aMessageNoExecutionWaitsForIsNotFound() throws Exception {
    String execution = runtimeService.createExecutionQuery().active().listPage(0, 1).get(0).getId();
    HttpResponse<String> refused =
        assertBoth(
            "admin",
            "POST",
            "/execution/" + execution + "/messageSubscriptions/none/trigger",
            "{}",
            404);
    assertThat(refused.body()).contains("subscription");
  }

  @Test
  void theExternalTaskLongPollAnswersThroughTheWebApplicationsToo() throws Exception {
    String fetch =
        "{\"workerId\": \"probe\", \"maxTasks\": 1, \"topics\": [{\"topicName\": \"none\", \"lockDuration\": 1000}]}";
    assertThat(assertBoth("martha", "POST", "/external-task/fetchAndLock", fetch, 200).body())
        .isEqualTo("[]");
  }

  @Test
  void aUseCaseRefusalThrownThroughAMessageCorrelationIsAConflictWithItsSentenceAndOneLogLine()
      throws Exception {
    Fixtures fixtures = new Fixtures(rest, this::as, taskService);
    String facility = fixtures.facility("Central Prison");
    String report =
        fixtures.report(fixtures.registeredMandate("Waiver Watch", facility), facility, "Findings");
    String waiver =
        "{\"messageName\": \""
            + ReportReviewProcess.Message.CONFIDENTIALITY_WAIVED
            + "\", \"businessKey\": \""
            + BusinessKeys.of(report)
            + "\"}";
    for (String path : List.of("/engine-rest/message", WEBAPP_ENGINE + "/message")) {
      try (CapturedLog log = CapturedLog.start()) {
        HttpResponse<String> refused =
            path.startsWith("/engine-rest")
                ? basic("admin", "POST", path, waiver)
                : webapp("admin", "POST", path, waiver);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        assertThat(log.mentioning(report))
            .as(path + ": one log line for the refusal, no stack trace")
            .singleElement()
            .satisfies(line -> assertThat(line.getThrowableProxy()).isNull());
        JsonNode problem = new ObjectMapper().readTree(refused.body());
        assertThat(problem.path("message").asText())
            .as("the rule's sentence alone, where Tasklist reads it")
            .contains(report)
            .doesNotContain("ENGINE-", "Cannot");
        assertThat(refused.headers().firstValue("Content-Type"))
            .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(problem.path("detail").asText()).isEqualTo(problem.path("message").asText());
        assertThat(refused.body()).doesNotContain("Exception").doesNotContain("org.");
      }
    }
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(BusinessKeys.of(report))
                .count())
        .as("the review goes on")
        .isEqualTo(1);
  }

  @Test
  void theMetricsAnswerAsBeforeTheQueryLimitAndAPageAboveTheirOwnLimitIsABadRequest()
      throws Exception {
    assertBoth("maria", "GET", "/metrics", null, 200);
    assertBoth("maria", "GET", "/metrics?maxResults=200", null, 200);
    HttpResponse<String> refused = assertBoth("maria", "GET", "/metrics?maxResults=201", null, 400);
    assertThat(refused.body()).contains("200");
  }

  /**
   * The same request through {@code /engine-rest} with HTTP Basic and through a web application
   * session.
   */
  private HttpResponse<String> assertBoth(
      String user, String method, String path, String body, int status) throws Exception {
    HttpResponse<String> basic = basic(user, method, "/engine-rest" + path, body);
    assertThat(basic.statusCode())
        .as(method + " /engine-rest" + path + ": " + basic.body())
        .isEqualTo(status);
    HttpResponse<String> webapp = webapp(user, method, WEBAPP_ENGINE + path, body);
    assertThat(webapp.statusCode())
        .as(method + " " + WEBAPP_ENGINE + path + ": " + webapp.body())
        .isEqualTo(status);
    return webapp;
  }

  private HttpResponse<String> basic(String user, String method, String path, String body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl() + path))
            .header("Accept", ANY)
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", JSON);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> webapp(String user, String method, String path, String body) {
    WebappSession session =
        sessions.computeIfAbsent(
            user,
            signIn -> {
              WebappSession signedIn = new WebappSession(baseUrl());
              assertThat(signedIn.login(signIn, "demo", "welcome")).isEqualTo(200);
              return signedIn;
            });
    return session.send(
        method,
        path,
        body == null ? null : JSON,
        ANY,
        body == null ? null : body.getBytes(StandardCharsets.UTF_8));
  }
}
