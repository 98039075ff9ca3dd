package org.invisiblebars.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.invisiblebars.support.AccreditedOrganisations;
import org.invisiblebars.support.ApiTest;
import org.invisiblebars.support.BusinessKeys;
import org.invisiblebars.support.Race;
import org.invisiblebars.support.StaffUsers;
import org.invisiblebars.support.WebappSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Two liaison officers take or complete the same task at the same instant, through the engine REST
 * API (HTTP Basic, each with a client of their own) and through the engine API that Tasklist uses
 * (each in their own signed-in session): exactly one wins, the other is told with 409 and a
 * message, and the task's effect (decision log, next task) happens once. Each race runs several
 * times.
 */
class TaskRaceIT extends ApiTest {

  private static final int ROUNDS = 3;
  private static final String SECOND_OFFICER = "leo";
  private static final List<String> OFFICERS = List.of("lena", SECOND_OFFICER);
  private static final String TASKLIST_ENGINE = "/camunda/api/engine/engine/default";
  private static final Map<String, Object> COMPLETE =
      Map.of("variables", Map.of("completeness", Map.of("value", "COMPLETE")));

  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired ObjectMapper json;

  @BeforeEach
  void secondOfficer() {
    StaffUsers.ensure(identityService, SECOND_OFFICER, "ngo-liaison");
  }

  @Test
  void twoOfficersClaimingOneTaskThroughTheEngineApiOneGetsIt() {
    for (int round = 0; round < ROUNDS; round++) {
      String task = completenessTask(applied());

      String winner =
          oneWinsTheOtherIsTold(
              (officer, i) -> engineRest(officer, task, "claim", Map.of("userId", officer)));

      assertThat(taskService.createTaskQuery().taskId(task).singleResult().getAssignee())
          .isEqualTo(winner);
    }
  }

  @Test
  void twoOfficersCompletingOneTaskThroughTheEngineApiCompleteItOnce() {
    for (int round = 0; round < ROUNDS; round++) {
      String id = applied();
      String task = completenessTask(id);

      oneWinsTheOtherIsTold((officer, i) -> engineRest(officer, task, "complete", COMPLETE));

      completedOnce(id);
    }
  }

  @Test
  void twoOfficersClaimingOneTaskInTasklistOneGetsIt() {
    List<WebappSession> sessions =
        List.of(
            signedIn("lena", "demo"), signedIn(SECOND_OFFICER, AccreditedOrganisations.PASSWORD));
    for (int round = 0; round < ROUNDS; round++) {
      String task = completenessTask(applied());

      String winner =
          oneWinsTheOtherIsTold(
              (officer, i) -> tasklist(sessions.get(i), task, "claim", Map.of("userId", officer)));

      assertThat(taskService.createTaskQuery().taskId(task).singleResult().getAssignee())
          .isEqualTo(winner);
    }
  }

  @Test
  void twoOfficersSubmittingOneTaskFormInTasklistCompleteItOnce() {
    List<WebappSession> sessions =
        List.of(
            signedIn("lena", "demo"), signedIn(SECOND_OFFICER, AccreditedOrganisations.PASSWORD));
    for (int round = 0; round < ROUNDS; round++) {
      String id = applied();
      String task = completenessTask(id);

      oneWinsTheOtherIsTold(
          (officer, i) -> tasklist(sessions.get(i), task, "submit-form", COMPLETE));

      completedOnce(id);
    }
  }

  /**
   * Both officers act at once; exactly one succeeds (204), the other gets a 409 whose message says
   * what happened. Returns who won.
   */
  private String oneWinsTheOtherIsTold(BiFunction<String, Integer, Answer> act) {
    List<Answer> answers = Race.times(OFFICERS.size(), i -> act.apply(OFFICERS.get(i), i));

    assertThat(answers)
        .extracting(Answer::status)
        .as(answers.toString())
        .containsExactlyInAnyOrder(HttpStatus.NO_CONTENT.value(), HttpStatus.CONFLICT.value());
    Answer lost =
        answers.stream()
            .filter(a -> a.status() == HttpStatus.CONFLICT.value())
            .findFirst()
            .orElseThrow();
    assertThat(engine.read(lost.body()).get("message").asText())
        .as(lost.body())
        .containsIgnoringCase("task")
        .containsAnyOf("already", "same moment");
    return OFFICERS.get(
        answers.stream().map(Answer::status).toList().indexOf(HttpStatus.NO_CONTENT.value()));
  }

  private void completedOnce(String id) {
    assertThat(
            jdbc.queryForObject(
                "select count(*) from decision_log where subject_id = ?::uuid and task = ?",
                Long.class,
                id,
                "Task_CheckApplicationCompleteness"))
        .as("decided once")
        .isOne();
    assertThat(
            taskService
                .createTaskQuery()
                .processInstanceBusinessKey(BusinessKeys.of(id))
                .taskDefinitionKey("Task_RateAccreditationCriteria")
                .count())
        .as("the next task once")
        .isOne();
  }

  private String completenessTask(String id) {
    return engine.tasks("lena", id, "Task_CheckApplicationCompleteness").get(0).get("id").asText();
  }

  private Answer engineRest(String officer, String task, String action, Map<String, Object> body) {
    ResponseEntity<String> response =
        post(officer, "/engine-rest/task/" + task + "/" + action, body, null);
    return new Answer(response.getStatusCode().value(), response.getBody());
  }

  private Answer tasklist(
      WebappSession session, String task, String action, Map<String, Object> body) {
    try {
      var response =
          session.postJson(
              TASKLIST_ENGINE + "/task/" + task + "/" + action, json.writeValueAsString(body));
      return new Answer(response.statusCode(), response.body());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private WebappSession signedIn(String user, String password) {
    WebappSession session = new WebappSession(baseUrl());
    assertThat(session.login(user, password, "tasklist")).isEqualTo(200);
    return session;
  }

  /** The status and body of one officer's answer, from either kind of client. */
  record Answer(int status, String body) {}
}
