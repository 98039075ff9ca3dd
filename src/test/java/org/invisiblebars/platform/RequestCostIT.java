package org.invisiblebars.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.invisiblebars.organisation.domain.MandateType;
import org.invisiblebars.support.AccreditedOrganisations.Accredited;
import org.invisiblebars.support.ApiTest;
import org.invisiblebars.support.SqlPerRequest;
import org.invisiblebars.support.SqlPerRequest.Cost;
import org.invisiblebars.support.WebappSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * What one request costs the database, counted (never timed): the SQL statements and transactions
 * each kind of request runs on its own thread, from the first filter to the last. A human step in
 * Tasklist is a task query, a claim and a completion; the figures per kind are in
 * docs/performance.md. A change that adds a transaction to every request (a second sign-in query, a
 * session row for HTTP Basic) or a statement per row to a list fails here.
 */
class RequestCostIT extends ApiTest {

  /** Three user tasks for the director, as the benchmark drives them. */
  static final String PROCESS = "request-cost-check";

  /** The statements of each kind of request on this process, at most; see docs/performance.md. */
  static final int TASK_QUERY = 3;

  static final int CLAIM = 15;

  /**
   * 27, then the notice of the next task to its group (one insert into mail_outbox). The SLA due
   * date's lookup of the live policy skips versions awaiting review in the same statement.
   */
  static final int COMPLETE = 28;

  private static final Logger LOG = LoggerFactory.getLogger(RequestCostIT.class);

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;

  @BeforeEach
  void threeTaskProcess() {
    if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROCESS).count()
        == 0) {
      repositoryService
          .createDeployment()
          .addModelInstance(
              PROCESS + ".bpmn",
              Bpmn.createExecutableProcess(PROCESS)
                  .camundaHistoryTimeToLive(1)
                  .startEvent()
                  .userTask("Task_One")
                  .camundaCandidateGroups("director")
                  .userTask("Task_Two")
                  .camundaCandidateGroups("director")
                  .userTask("Task_Three")
                  .camundaCandidateGroups("director")
                  .endEvent()
                  .done())
          .deploy();
    }
  }

  @Test
  void aHumanStepIsOneTransactionPerRequestAsADirectorAndAsAnAdministrator() {
    for (String user : List.of("martha", "admin")) {
      counted(user, HttpMethod.GET, "/engine-rest/task?maxResults=1", null); // signs in
      String instance = runtimeService.startProcessInstanceByKey(PROCESS).getId();
      for (String step : List.of("Task_One", "Task_Two", "Task_Three")) {
        Counted query =
            counted(user, HttpMethod.GET, "/engine-rest/task?processInstanceId=" + instance, null);
        JsonNode tasks = engine.read(query.response().getBody());
        assertThat(tasks).hasSize(1);
        assertThat(tasks.get(0).get("taskDefinitionKey").asText()).isEqualTo(step);
        String task = tasks.get(0).get("id").asText();
        Counted claim =
            counted(
                user,
                HttpMethod.POST,
                "/engine-rest/task/" + task + "/claim",
                Map.of("userId", user));
        Counted complete =
            counted(user, HttpMethod.POST, "/engine-rest/task/" + task + "/complete", Map.of());

        assertOneTransaction(user + " queries " + step, query, TASK_QUERY);
        assertOneTransaction(user + " claims " + step, claim, CLAIM);
        if (!step.equals("Task_Three")) {
          // the last completion ends the instance and stamps its history's removal time (retention
          // policy)
          assertOneTransaction(user + " completes " + step, complete, COMPLETE);
        } else {
          assertThat(complete.cost().transactions()).as(complete.cost().toString()).isEqualTo(1);
        }
      }
    }
  }

  @Test
  void ourApiAnswersAGetInOneTransactionWithoutAskingTheIdentityStore() {
    counted("lena", HttpMethod.GET, "/api/v1/facilities", null);

    Counted facilities = counted("lena", HttpMethod.GET, "/api/v1/facilities", null);

    assertThat(facilities.response().getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(facilities.cost().transactions()).as(facilities.cost().toString()).isEqualTo(1);
    assertThat(facilities.cost().ofTheIdentityStore()).as(facilities.cost().toString()).isEmpty();
    assertThat(facilities.cost().matching("spring_session"))
        .as(facilities.cost().toString())
        .isEmpty();
  }

  /**
   * Tasklist works through the web applications' engine API with a session (Spring Session JDBC):
   * it signs in at the login only (Camunda's own authentication cache), never per request, and an
   * unchanged sign-in is not written back to the session (UnchangedWebappSignIns): the session is
   * read, and saved once with the time it was last used.
   */
  @Test
  void aTasklistRequestReadsItsSessionAndWritesNoUnchangedSignIn() {
    WebappSession tasklist = new WebappSession(baseUrl());
    assertThat(tasklist.login("martha", "demo", "tasklist")).isEqualTo(200);
    tasklist.get("/camunda/api/engine/engine/default/task/count");

    String id = SqlPerRequest.newId();
    assertThat(
            tasklist
                .get(
                    "/camunda/api/engine/engine/default/task/count",
                    Map.of(SqlPerRequest.header(), id))
                .statusCode())
        .isEqualTo(200);

    Cost cost = SqlPerRequest.of(id);
    LOG.info("Request cost: Tasklist's GET task/count as martha: {}", cost);
    assertThat(cost.ofTheIdentityStore()).as(cost.toString()).isEmpty();
    assertThat(cost.statements())
        .as("no session attribute written: " + cost)
        .noneMatch(
            statement ->
                statement.matches("(?i)(update|insert into) spring_session_attributes\\b.*"));
    assertThat(cost.matching("update spring_session set"))
        .as("the time it was last used: " + cost)
        .hasSize(1);
  }

  /** What does change is still written: signing out of Tasklist ends the session's sign-in. */
  @Test
  void aTasklistSignOutIsStillWritten() {
    WebappSession tasklist = new WebappSession(baseUrl());
    assertThat(tasklist.login("martha", "demo", "tasklist")).isEqualTo(200);
    assertThat(tasklist.get("/camunda/api/engine/engine/default/task/count").statusCode())
        .isEqualTo(200);

    assertThat(tasklist.postJson("/camunda/api/admin/auth/user/default/logout", "{}").statusCode())
        .isEqualTo(200);

    assertThat(tasklist.get("/camunda/api/engine/engine/default/task/count").statusCode())
        .as("signed out")
        .isEqualTo(401);
    assertThat(tasklist.login("martha", "demo", "tasklist")).as("and in again").isEqualTo(200);
    assertThat(tasklist.get("/camunda/api/engine/engine/default/task/count").statusCode())
        .isEqualTo(200);
  }

  /** Each list's statements do not grow with its rows: no query per row (an N+1). */
  @Test
  void ourApiListsCostTheSameWithMoreRows() {
    moreRows();
    Map<String, String> lists =
        Map.of(
            "/api/v1/visits",
            "sam",
            "/api/v1/accreditations",
            "martha",
            "/api/v1/reports",
            "martha",
            "/api/v1/organisations",
            "lena",
            "/api/v1/facilities",
            "lena");
    Map<String, Cost> before = new HashMap<>();
    lists.forEach(
        (path, user) -> before.put(path, counted(user, HttpMethod.GET, path, null).cost()));

    moreRows();
    fixture.accredited(MandateType.NGO);
    post(
        "admin",
        "/api/v1/facilities",
        Map.of(
            "name",
            "Request cost prison " + System.nanoTime(),
            "liaisonCapacity",
            2,
            "securityLevel",
            "HIGH",
            "highSecurityAreas",
            List.of("Segregation unit"),
            "visitingDays",
            List.of("MONDAY"),
            "visitingFrom",
            "09:00",
            "visitingUntil",
            "17:00"),
        null);

    SoftAssertions.assertSoftly(
        softly ->
            lists.forEach(
                (path, user) -> {
                  Counted after = counted(user, HttpMethod.GET, path, null);
                  softly
                      .assertThat(after.response().getStatusCode())
                      .as(path)
                      .isEqualTo(HttpStatus.OK);
                  softly
                      .assertThat(after.cost().count())
                      .as(
                          path
                              + " with more rows: "
                              + after.cost()
                              + "\nbefore: "
                              + before.get(path))
                      .isEqualTo(before.get(path).count());
                }));
  }

  /** An organisation with a visit (assessed), a report and a recommendation. */
  private void moreRows() {
    Accredited ngo = fixture.accredited(MandateType.NGO);
    ResponseEntity<String> visit =
        post(
            ngo.user(),
            "/api/v1/visits",
            fixture.visitRequest("Central Prison", ngo.people(), List.of(), List.of("LAPTOP")),
            null);
    assertThat(visit.getStatusCode()).as(visit.getBody()).isEqualTo(HttpStatus.CREATED);
    ResponseEntity<String> report =
        post(
            ngo.user(),
            "/api/v1/reports",
            Map.of(
                "title",
                "Kitchen",
                "facilityId",
                fixture.facility("Central Prison"),
                "visitsCovered",
                "One visit",
                "goodPractices",
                "Clean",
                "findings",
                "Cold food",
                "allegation",
                false,
                "recommendations",
                List.of(
                    Map.of(
                        "text",
                        "Warm the food",
                        "area",
                        "Food",
                        "priority",
                        "URGENT",
                        "resourceEstimate",
                        "LOW"))),
            null);
    assertThat(report.getStatusCode()).as(report.getBody()).isEqualTo(HttpStatus.CREATED);
  }

  private static void assertOneTransaction(String what, Counted request, int statements) {
    Cost cost = request.cost();
    assertThat(request.response().getStatusCode().is2xxSuccessful())
        .as(what + ": " + request.response().getBody())
        .isTrue();
    assertThat(cost.transactions()).as(what + ": " + cost).isEqualTo(1);
    assertThat(cost.connections()).as(what + ": " + cost).isEqualTo(1);
    assertThat(cost.ofTheIdentityStore()).as(what + ", signed in a moment ago: " + cost).isEmpty();
    assertThat(cost.matching("spring_session")).as(what + " over HTTP Basic: " + cost).isEmpty();
    assertThat(cost.matching("distinct(A.GROUP_ID_)"))
        .as(
            what
                + ", the groups holding authorizations not looked up (AuthorizationGroups): "
                + cost)
        .isEmpty();
    assertThat(cost.count()).as(what + ": " + cost).isLessThanOrEqualTo(statements);
  }

  private record Counted(ResponseEntity<String> response, Cost cost) {}

  private Counted counted(String user, HttpMethod method, String path, Object body) {
    String id = SqlPerRequest.newId();
    HttpHeaders headers = new HttpHeaders();
    headers.set(SqlPerRequest.header(), id);
    if (body != null) {
      headers.setContentType(MediaType.APPLICATION_JSON);
    }
    ResponseEntity<String> response =
        user(user).exchange(path, method, new HttpEntity<>(body, headers), String.class);
    Cost cost = SqlPerRequest.of(id);
    LOG.info("Request cost: {} {} as {}: {}", method, path, user, cost);
    return new Counted(response, cost);
  }
}
