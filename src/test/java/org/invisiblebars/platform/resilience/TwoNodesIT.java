package org.invisiblebars.platform.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.invisiblebars.platform.resilience.CrashRestartIT.awaitTrue;
import static org.invisiblebars.support.ApplicationProcess.json;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.invisiblebars.support.ApplicationProcess;
import org.invisiblebars.support.WebappSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two application nodes on one PostgreSQL, with Camunda's own clustering: both job executors run,
 * yet every timer, async continuation and SLA breach happens exactly once; a web session (Tasklist
 * with its CSRF token, the {@code /sla} dashboard) carries on when the next request reaches the
 * other node, as behind the load balancer of docker-compose.yml.
 */
class TwoNodesIT {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  private static final int ASYNC_INSTANCES = 30;

  @TempDir static Path workingDirectory;

  private static EmbeddedPostgres postgres;
  private static ApplicationProcess a;
  private static ApplicationProcess b;

  @BeforeAll
  static void twoNodesOnOneDatabase() throws IOException {
    postgres = EmbeddedPostgres.builder().start();
    Map<String, String> environment =
        Map.of(
            "SPRING_PROFILES_ACTIVE",
            "postgres,demo",
            "DATABASE_URL",
            postgres.getJdbcUrl("postgres", "postgres"),
            "DATABASE_USERNAME",
            "postgres",
            "DATABASE_PASSWORD",
            "");
    // One after the other, as docker-compose.yml starts them: the first creates the schemas.
    a =
        ApplicationProcess.start(
            "node-a", ApplicationProcess.freePort(), workingDirectory, environment, node("node-a"));
    b =
        ApplicationProcess.start(
            "node-b", ApplicationProcess.freePort(), workingDirectory, environment, node("node-b"));
  }

  @AfterAll
  static void stop() throws IOException {
    for (ApplicationProcess node : new ApplicationProcess[] {a, b}) {
      if (node != null) {
        node.close();
      }
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void timersAsyncJobsAndBreachesRunExactlyOnceAcrossTheNodes() {
    InFlightWork work = new InFlightWork(a);
    for (int i = 0; i < 8; i++) {
      work.shortNoticeVisit(i % 2 == 0 ? a : b);
    }
    startAsyncInstances();

    awaitTrue(
        "every escalation timer of the visits has fired",
        Duration.ofMinutes(2),
        () ->
            work.visits().stream()
                .allMatch(visit -> jobLogSuccesses(visit, "Timer_DecisionOverdue") >= 1));
    awaitTrue(
        "every overdue risk assessment is recorded as a breach",
        Duration.ofMinutes(1),
        () ->
            json(b.get("maria", "/api/v1/sla/breaches?process=entry-authorisation&size=500"))
                    .path("total")
                    .asInt()
                >= work.visits().size());
    awaitTrue(
        "every async continuation has run",
        Duration.ofMinutes(1),
        () ->
            json(a.get("admin", "/engine-rest/job/count?processDefinitionKey=two-nodes-async"))
                    .path("count")
                    .asInt()
                == 0);

    try (DatabaseInvariants database = database()) {
      database.assertEscalatedOnce(work.visits());
      database.assertBreachedOnce(work.visits());
      database.assertNothingIsHalfDone();
      List<Map<String, Object>> runs =
          database
              .jdbc()
              .queryForList(
                  "select l.job_id_, l.hostname_ from act_hi_job_log l"
                      + " join act_hi_procinst p on l.process_instance_id_ = p.id_ where p.proc_def_key_ = 'two-nodes-async'"
                      + " and l.job_state_ = 2");
      assertThat(runs).as("successful async continuations").hasSize(ASYNC_INSTANCES);
      assertThat(runs.stream().map(run -> run.get("job_id_")).distinct())
          .as("each continuation ran once")
          .hasSize(ASYNC_INSTANCES);
      assertThat(
              database
                  .jdbc()
                  .queryForObject(
                      "select count(*) from act_ru_task t join act_hi_procinst p"
                          + " on t.proc_inst_id_ = p.id_ where p.proc_def_key_ = 'two-nodes-async'",
                      Integer.class))
          .as("one task after each continuation")
          .isEqualTo(ASYNC_INSTANCES);
      List<String> visitJobs = new ArrayList<>();
      database.timerRunsPerNode(work.visits()).forEach((host, count) -> visitJobs.add(host));
      assertThat(
              Stream.concat(
                      runs.stream().map(run -> (String) run.get("hostname_")), visitJobs.stream())
                  .distinct())
          .as("nodes whose job executor ran jobs")
          .containsExactlyInAnyOrder("node-a", "node-b");
      assertThat(breachesCounted(a) + breachesCounted(b))
          .as("breaches counted by node a and node b together")
          .isEqualTo(
              database
                  .jdbc()
                  .queryForObject(
                      "select count(*) from sla_breach where task_key = 'Task_AssessVisitRisk'",
                      Integer.class));
    }
  }

  @Test
  void aTasklistSessionWithItsCsrfTokenCarriesOnOnTheOtherNode() {
    WebappSession onA = new WebappSession(a.baseUrl());
    assertThat(onA.login("lena", "demo", "tasklist")).isEqualTo(200);
    WebappSession onB = onA.on(b.baseUrl());
    assertThat(json(onB.get("/camunda/api/admin/auth/user/default")).path("userId").asText())
        .as("who node b says is signed in")
        .isEqualTo("lena");

    String task =
        json(onB.get(
                "/camunda/api/engine/engine/default/task?candidateGroup=ngo-liaison&maxResults=1"))
            .get(0)
            .path("id")
            .asText();
    assertThat(
            onB.postJson(
                    "/camunda/api/engine/engine/default/task/" + task + "/claim",
                    "{\"userId\":\"lena\"}")
                .statusCode())
        .as("a write on node b with the CSRF token that node a issued")
        .isEqualTo(204);
    assertThat(
            onA.postJson("/camunda/api/engine/engine/default/task/" + task + "/unclaim", "{}")
                .statusCode())
        .as("and back on node a")
        .isEqualTo(204);

    assertThat(onB.postJson("/camunda/api/admin/auth/user/default/logout", "{}").statusCode())
        .isEqualTo(200);
    assertThat(onA.get("/camunda/api/engine/engine/default/task/count").statusCode())
        .as("signed out on node b is signed out on node a")
        .isEqualTo(401);
  }

  @Test
  void anSlaDashboardSessionCarriesOnOnTheOtherNode() {
    WebappSession onA = new WebappSession(a.baseUrl());
    Matcher token = CSRF.matcher(onA.get("/sla/login").body());
    assertThat(token.find()).isTrue();
    HttpResponse<String> login =
        onA.postForm(
            "/sla/login", Map.of("username", "maria", "password", "demo", "_csrf", token.group(1)));
    assertThat(login.statusCode()).isEqualTo(302);

    WebappSession onB = onA.on(b.baseUrl());
    HttpResponse<String> page = onB.get("/sla");
    assertThat(page.statusCode()).as("the dashboard on node b").isEqualTo(200);
    assertThat(page.body()).contains("Signed in as <strong>maria</strong>");
    assertThat(onB.get("/api/v1/sla/summary").statusCode())
        .as("its figures on node b, with the session")
        .isEqualTo(200);

    Matcher logoutToken = CSRF.matcher(page.body());
    assertThat(logoutToken.find()).isTrue();
    assertThat(onB.postForm("/sla/logout", Map.of("_csrf", logoutToken.group(1))).statusCode())
        .as("the CSRF token of the session, accepted by node b")
        .isEqualTo(302);
    assertThat(onA.get("/sla").statusCode()).as("signed out everywhere").isEqualTo(302);
  }

  private static List<String> node(String name) {
    List<String> arguments = new ArrayList<>(InFlightWork.fastTimers());
    // Which node ran a job: the host name in the engine's job log.
    arguments.add("--camunda.bpm.generic-properties.properties.hostname=" + name);
    return arguments;
  }

  /**
   * A model with an async continuation before a user task, deployed by the administrator and
   * started 30 times, on both nodes.
   */
  private static void startAsyncInstances() {
    String model =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_TwoNodes" targetNamespace="http://invisiblebars.org/test">
          <bpmn:process id="two-nodes-async" isExecutable="true" camunda:historyTimeToLive="1">
            <bpmn:startEvent id="StartEvent_Started" />
            <bpmn:sequenceFlow id="SequenceFlow_1" sourceRef="StartEvent_Started" targetRef="Task_Continue" />
            <bpmn:task id="Task_Continue" camunda:asyncBefore="true" />
            <bpmn:sequenceFlow id="SequenceFlow_2" sourceRef="Task_Continue" targetRef="Task_Review" />
            <bpmn:userTask id="Task_Review" camunda:candidateGroups="ngo-liaison" />
            <bpmn:sequenceFlow id="SequenceFlow_3" sourceRef="Task_Review" targetRef="EndEvent_Done" />
            <bpmn:endEvent id="EndEvent_Done" />
          </bpmn:process>
        </bpmn:definitions>
        """;
    String boundary = "----two-nodes-" + UUID.randomUUID();
    String body =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\ntwo-nodes\r\n"
            + "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"two-nodes-async.bpmn\"; filename=\"two-nodes-async.bpmn\"\r\n"
            + "Content-Type: application/xml\r\n\r\n"
            + model
            + "\r\n--"
            + boundary
            + "--\r\n";
    HttpResponse<String> deployed =
        ApplicationProcess.send(
            "admin",
            HttpRequest.newBuilder(URI.create(a.baseUrl() + "/engine-rest/deployment/create"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
    for (int i = 0; i < ASYNC_INSTANCES; i++) {
      ApplicationProcess node = i % 2 == 0 ? a : b;
      json(
          node.postJson(
              "admin", "/engine-rest/process-definition/key/two-nodes-async/start", Map.of()));
    }
  }

  private static int jobLogSuccesses(String visit, String activity) {
    try (DatabaseInvariants database = database()) {
      return database
          .jdbc()
          .queryForObject(
              "select count(*) from act_hi_job_log l join act_hi_procinst p"
                  + " on l.process_instance_id_ = p.id_ where p.business_key_ = "
                  + DatabaseInvariants.VISIT_KEY
                  + " and l.act_id_ = ? and l.job_state_ = 2",
              Integer.class,
              visit,
              activity);
    }
  }

  /**
   * The node's own count of breaches it recorded ({@code sla_breaches_total} of the risk
   * assessment).
   */
  private static int breachesCounted(ApplicationProcess node) {
    return (int)
        node.get("maria", "/actuator/prometheus")
            .body()
            .lines()
            .filter(
                line ->
                    line.startsWith("sla_breaches_total{")
                        && line.contains("task=\"Task_AssessVisitRisk\""))
            .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
            .sum();
  }

  private static DatabaseInvariants database() {
    return new DatabaseInvariants(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
  }
}
