package org.invisiblebars.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.invisiblebars.support.IntegrationTest;
import org.invisiblebars.support.WebappSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.ResponseEntity;

/**
 * "What to build" 7 of issue 10, in the production profile the integration tests run: HSTS, one
 * Content-Security-Policy per response, Secure SameSite session cookies, errors without versions or
 * stack traces, the query limit, and the nightly history cleanup of the retention policy.
 */
@ExtendWith(OutputCaptureExtension.class)
class ProductionSettingsIT extends IntegrationTest {

  private static final String TASKLIST = "/camunda/app/tasklist/default/";

  @Autowired ProcessEngineConfiguration engineConfiguration;
  @Autowired HistoryService historyService;
  @Autowired IdentityService identityService;
  @Autowired TaskService taskService;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void everyResponseCarriesHstsAndExactlyOneContentSecurityPolicy() {
    for (String path :
        List.of(
            "/sla/login",
            "/sla/sla.css",
            "/api/v1/public/reports",
            "/engine-rest/version",
            "/actuator/health",
            "/camunda/api/admin/auth/user/default",
            TASKLIST,
            "/camunda/app/cockpit/default/",
            "/camunda/app/admin/default/",
            "/no-such-page")) {
      HttpResponse<String> response = get(path, "martha");
      assertThat(response.headers().allValues("Content-Security-Policy")).as(path).hasSize(1);
      assertThat(response.headers().firstValue("Strict-Transport-Security"))
          .as(path)
          .hasValueSatisfying(hsts -> assertThat(hsts).startsWith("max-age=31536000"));
    }
    assertThat(get("/sla/login", null).headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(
            csp ->
                assertThat(csp)
                    .contains(
                        "script-src 'self'",
                        "style-src 'self'",
                        "frame-ancestors 'none'",
                        "form-action 'self'")
                    .doesNotContain("unsafe-inline", "unsafe-eval"));
    assertThat(get(TASKLIST, null).headers().firstValue("Content-Security-Policy"))
        .as("Camunda's own, with a nonce")
        .hasValueSatisfying(csp -> assertThat(csp).contains("'nonce-", "frame-ancestors 'none'"));
  }

  /**
   * Spring Session's cookie: sessions live in the database, so that they survive a switch of node.
   */
  private static final String SESSION_COOKIE = "SESSION";

  @Test
  void sessionCookiesAreSecureHttpOnlyAndSameSite() {
    String sla = sessionCookie(get("/sla/login", null));
    String tasklist = sessionCookie(get(TASKLIST, null));
    for (String cookie : List.of(sla, tasklist)) {
      assertThat(cookie).contains("Secure", "HttpOnly", "SameSite=Lax");
      assertThat(cookie.split("SameSite", -1)).as("one SameSite attribute: " + cookie).hasSize(2);
    }
    assertThat(get(TASKLIST, null).headers().allValues("Set-Cookie"))
        .filteredOn(c -> c.startsWith("XSRF-TOKEN="))
        .allSatisfy(cookie -> assertThat(cookie).contains("Secure", "SameSite=Lax"));
  }

  @Test
  void errorsNameNoVersionExceptionOrStackTrace() {
    for (HttpResponse<String> error :
        List.of(
            get("/no-such-page", null),
            get("/api/v1/no-such-thing", "martha"),
            get("/engine-rest/no-such-resource", "martha"),
            get("/engine-rest/task/no-such-task", "martha"),
            get("/camunda/api/cockpit/plugin/no-such-plugin/default/x", null))) {
      assertThat(error.statusCode()).as(error.uri().toString()).isBetween(400, 499);
      assertThat(error.body())
          .as(error.uri().toString())
          .doesNotContain("Tomcat", "7.24", "\tat ", "at org.", "Exception:", "trace");
      assertThat(error.headers().firstValue("Server")).as("no Server header").isEmpty();
      assertThat(error.headers().firstValue("X-Powered-By")).isEmpty();
    }
  }

  /**
   * Tasklist submits its forms on the web applications' engine API; a refusal there is the person's
   * mistake.
   */
  @Test
  void aRefusedFormOnTheWebApplicationsApiIsA400WithoutStackTrace(CapturedOutput log) {
    String taskId =
        taskService
            .createTaskQuery()
            .taskDefinitionKey("Task_CheckApplicationCompleteness")
            .list()
            .get(0)
            .getId();
    WebappSession lena = new WebappSession(baseUrl());
    assertThat(lena.login("lena", "demo", "tasklist")).isEqualTo(200);
    int before = log.getAll().length();

    HttpResponse<String> refused =
        lena.postJson(
            "/camunda/api/engine/engine/default/task/" + taskId + "/submit-form",
            "{\"variables\":{\"completeness\":{\"value\":\"MAYBE\"}}}");

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body())
        .contains("completeness")
        .doesNotContain("\tat ", "at org.", "Exception:");
    assertThat(log.getAll().substring(before))
        .as("no stack trace logged")
        .doesNotContain("\tat org.");
    assertThat(taskService.createTaskQuery().taskId(taskId).singleResult())
        .as("nothing completed")
        .isNotNull();
  }

  @Test
  void anUnpagedQueryWithMoreResultsThanTheLimitIsRefusedAndPagesStillWork() {
    int limit = ((ProcessEngineConfigurationImpl) engineConfiguration).getQueryMaxResultsLimit();
    assertThat(limit).as("Tasklist reads its filters 2000 at a time").isEqualTo(2000);
    assertThat(as("martha").getForEntity("/engine-rest/task", String.class).getStatusCode().value())
        .as("an unpaged list with fewer results")
        .isEqualTo(200);
    assertThat(
            as("martha")
                .getForEntity("/engine-rest/task?maxResults=" + (limit + 1), String.class)
                .getStatusCode()
                .value())
        .as("a page above the limit")
        .isEqualTo(400);

    List<String> users = new ArrayList<>();
    try {
      long missing = limit - identityService.createUserQuery().count();
      for (int i = 0; i < missing; i++) {
        var user = identityService.newUser("limitprobe" + i);
        identityService.saveUser(user);
        users.add(user.getId());
      }
      ResponseEntity<String> unpaged = as("admin").getForEntity("/engine-rest/user", String.class);
      assertThat(unpaged.getStatusCode().value())
          .as("an unpaged list of %d users", limit)
          .isEqualTo(400);
      assertThat(unpaged.getBody()).contains("firstResult", "maxResults");
      assertThat(
              as("admin")
                  .getForEntity("/engine-rest/user?firstResult=0&maxResults=50", String.class)
                  .getStatusCode()
                  .value())
          .isEqualTo(200);
      WebappSession admin = new WebappSession(baseUrl());
      assertThat(admin.login("admin", "demo", "admin")).isEqualTo(200);
      assertThat(
              admin
                  .get("/camunda/api/engine/engine/default/user?firstResult=0&maxResults=50")
                  .statusCode())
          .as("the Admin app's page of users")
          .isEqualTo(200);
      assertThat(admin.get("/camunda/api/engine/engine/default/user").statusCode()).isEqualTo(400);
    } finally {
      users.forEach(identityService::deleteUser);
    }
  }

  @Test
  void historyIsCleanedUpEveryNightInTheWindowOfTheRetentionPolicy() {
    var configuration = (ProcessEngineConfigurationImpl) engineConfiguration;
    assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
    assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
    assertThat(configuration.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");
    assertThat(configuration.getHistoryRemovalTimeStrategy()).isEqualTo("end");
    List<Job> cleanup = historyService.findHistoryCleanupJobs();
    assertThat(cleanup).as("the cleanup job is scheduled").isNotEmpty();
    assertThat(cleanup).allSatisfy(job -> assertThat(job.getDuedate()).isNotNull());
  }

  private HttpResponse<String> get(String path, String user) {
    var request =
        HttpRequest.newBuilder(URI.create(baseUrl() + path))
            .header("Accept", "application/json, text/html");
    if (user != null) {
      request.header(
          "Authorization",
          "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes()));
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String sessionCookie(HttpResponse<String> response) {
    return response.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith(SESSION_COOKIE + "="))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no session cookie in " + response.headers().map()));
  }
}
