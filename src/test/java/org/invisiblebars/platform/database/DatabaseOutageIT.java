package org.invisiblebars.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.invisiblebars.support.ApplicationProcess;
import org.invisiblebars.support.WebappSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * PostgreSQL stops under a running application and starts again. Meanwhile our API, the engine REST
 * API, the web applications' API and the pages answer 503 with {@code Retry-After} within two
 * seconds (problem details on the APIs), health says the database is down, nothing is half-written;
 * afterwards the application (sessions, job executor) carries on by itself. The application runs in
 * a JVM of its own on a PostgreSQL of its own: the shared test context's database never goes away.
 */
class DatabaseOutageIT {

  private static final Duration AT_ONCE = Duration.ofSeconds(2);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path workingDirectory;

  @Test
  void anUnreachableDatabaseAnswers503AtOnceAndTheApplicationRecoversByItself() throws IOException {
    Path data = Files.createDirectories(workingDirectory.resolve("postgres"));
    int databasePort = ApplicationProcess.freePort();
    EmbeddedPostgres postgres = postgres(data, databasePort);
    String url = postgres.getJdbcUrl("postgres", "postgres");
    Map<String, String> environment =
        Map.of(
            "SPRING_PROFILES_ACTIVE",
            "postgres,demo",
            "DATABASE_URL",
            url,
            "DATABASE_USERNAME",
            "postgres",
            "DATABASE_PASSWORD",
            "");
    List<String> arguments =
        List.of(
            "--camunda.bpm.job-execution.wait-time-in-millis=1000",
            "--camunda.bpm.job-execution.max-wait=2000");
    try (ApplicationProcess app =
        ApplicationProcess.start(
            "outage", ApplicationProcess.freePort(), workingDirectory, environment, arguments)) {
      WebappSession tasklist = new WebappSession(app.baseUrl());
      assertThat(tasklist.login("lena", "demo", "tasklist")).isEqualTo(200);
      assertThat(tasklist.get("/camunda/api/engine/engine/default/task/count").statusCode())
          .isEqualTo(200);

      postgres.close();

      HttpResponse<String> write =
          timed(
              () ->
                  app.postJson(
                      "lena",
                      "/api/v1/organisations",
                      Map.of("name", "Registered during the outage", "mandateType", "NGO")));
      assertProblem(
          write, "POST /api/v1/organisations, the first request after the database stopped");
      assertProblem(timed(() -> app.get("lena", "/api/v1/organisations")), "our API");
      assertProblem(timed(() -> app.get(null, "/api/v1/public/reports")), "the public API");
      assertProblem(
          timed(() -> app.get("lena", "/engine-rest/task?candidateGroup=ngo-liaison")),
          "the engine REST API");
      assertProblem(
          timed(() -> tasklist.get("/camunda/api/engine/engine/default/task/count")),
          "the web applications' API");
      for (String page : List.of("/camunda/app/tasklist/default/", "/sla", "/sla/login")) {
        HttpResponse<String> answer =
            timed(
                () ->
                    ApplicationProcess.send(
                        null,
                        HttpRequest.newBuilder(URI.create(app.baseUrl() + page))
                            .header("Accept", "text/html")));
        assertThat(answer.statusCode()).as(page).isEqualTo(503);
        assertThat(answer.headers().firstValue("Retry-After"))
            .as("Retry-After of " + page)
            .isPresent();
        assertThat(answer.body()).as(page).contains("The database cannot be reached");
      }
      HttpResponse<String> health = timed(() -> app.get(null, "/actuator/health"));
      assertThat(health.statusCode()).isEqualTo(503);
      assertThat(json(health).path("status").asText()).isEqualTo("DOWN");
      HttpResponse<String> database = timed(() -> app.get(null, "/actuator/health/database"));
      assertThat(database.statusCode()).as("health of the database").isEqualTo(503);
      assertThat(json(database).path("status").asText())
          .as("health of the database")
          .isEqualTo("DOWN");
      assertProblem(
          timed(() -> app.get("maria", "/actuator/health")),
          "health asked with credentials, which cannot be checked");

      postgres = postgres(data, databasePort);

      awaitHealthy(app);
      assertThat(app.get("lena", "/api/v1/organisations").body())
          .as("nothing of the refused write")
          .doesNotContain("Registered during the outage");
      assertThat(tasklist.get("/camunda/api/engine/engine/default/task/count").statusCode())
          .as("lena's Tasklist session, kept in the database, after the outage")
          .isEqualTo(200);
      assertThat(
              app.postJson(
                      "lena",
                      "/api/v1/organisations",
                      Map.of("name", "Registered after the outage", "mandateType", "NGO"))
                  .statusCode())
          .isEqualTo(201);
      assertTheJobExecutorRunsAgain(app, url);
    } finally {
      postgres.close();
    }
  }

  /**
   * A job created after the outage (the demo's breach scan aside) is executed: the job executor
   * came back.
   */
  private static void assertTheJobExecutorRunsAgain(ApplicationProcess app, String url) {
    JsonNode visit = json(app.get("sam", "/api/v1/visits")).get(0);
    Instant after = Instant.now();
    // Moving a job's due date to now makes it due at once; the job executor must pick it up.
    JsonNode job =
        json(app.get(
                "admin",
                "/engine-rest/job?processInstanceId="
                    + instanceOf(app, visit.path("reference").asText())
                    + "&timers=true"))
            .get(0);
    assertThat(
            ApplicationProcess.send(
                    "admin",
                    HttpRequest.newBuilder(
                            URI.create(
                                app.baseUrl()
                                    + "/engine-rest/job/"
                                    + job.path("id").asText()
                                    + "/duedate"))
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"duedate\": null}")))
                .statusCode())
        .isEqualTo(204);
    try (var database = new SingleConnectionDataSource(url, "postgres", "", true)) {
      JdbcTemplate jdbc = new JdbcTemplate(database);
      Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
      while (jdbc.queryForObject(
              "select count(*) from act_hi_job_log where job_id_ = ? and job_state_ = 2",
              Integer.class,
              job.path("id").asText())
          == 0) {
        assertThat(Instant.now())
            .as("the job executor runs job %s after the outage (since %s)", job, after)
            .isBefore(deadline);
        ApplicationProcess.sleep(Duration.ofSeconds(1));
      }
    }
  }

  private static String instanceOf(ApplicationProcess app, String businessKey) {
    return json(app.get("admin", "/engine-rest/process-instance?businessKey=" + businessKey))
        .get(0)
        .path("id")
        .asText();
  }

  private static void awaitHealthy(ApplicationProcess app) {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
    while (app.get(null, "/actuator/health").statusCode() != 200) {
      assertThat(Instant.now()).as("the application is healthy again by itself").isBefore(deadline);
      ApplicationProcess.sleep(Duration.ofMillis(500));
    }
  }

  private static void assertProblem(HttpResponse<String> answer, String what) {
    assertThat(answer.statusCode()).as(what + ": " + answer.body()).isEqualTo(503);
    assertThat(answer.headers().firstValue("Retry-After")).as("Retry-After of " + what).isPresent();
    assertThat(answer.headers().firstValue("Content-Type"))
        .as(what)
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(json(answer).path("type").asText())
        .as(what)
        .isEqualTo("urn:invisible-bars:problem:database-unavailable");
  }

  private static HttpResponse<String> timed(Supplier<HttpResponse<String>> request) {
    Instant start = Instant.now();
    HttpResponse<String> answer = request.get();
    Duration took = Duration.between(start, Instant.now());
    assertThat(took)
        .as(
            answer.request().method()
                + " "
                + answer.uri()
                + " answered "
                + answer.statusCode()
                + " after")
        .isLessThan(AT_ONCE);
    return answer;
  }

  private static JsonNode json(HttpResponse<String> answer) {
    try {
      return JSON.readTree(answer.body());
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + answer.body(), e);
    }
  }

  private static EmbeddedPostgres postgres(Path data, int port) throws IOException {
    return EmbeddedPostgres.builder()
        .setDataDirectory(data)
        .setCleanDataDirectory(false)
        .setPort(port)
        .start();
  }
}
