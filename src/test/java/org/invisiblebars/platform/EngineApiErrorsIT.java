package org.invisiblebars.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.invisiblebars.support.ApiTest;
import org.invisiblebars.support.CapturedLog;
import org.invisiblebars.support.Fixtures;
import org.invisiblebars.support.WebappSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The engine APIs answer a task form the same way whichever a person uses: invalid input is 400
 * naming the field on {@code /engine-rest} and on the engine API Tasklist calls (which answered 500
 * before: the engine wraps the form's refusal), and a task that is gone is told apart from one that
 * never existed.
 */
class EngineApiErrorsIT extends ApiTest {

  private static final String TASKLIST_ENGINE = "/camunda/api/engine/engine/default";

  @Autowired TaskService taskService;

  @Test
  void invalidInputOnATaskFormIs400OnBothEngineApis() {
    String task = completenessTask();
    WebappSession lena = new WebappSession(baseUrl());
    assertThat(lena.login("lena", "demo", "tasklist")).isEqualTo(200);

    ResponseEntity<String> rest =
        engine.completeTask("lena", task, Map.of("completeness", "MAYBE"));
    HttpResponse<String> tasklist =
        lena.postJson(
            TASKLIST_ENGINE + "/task/" + task + "/submit-form",
            "{\"variables\":{\"completeness\":{\"value\":\"MAYBE\"}}}");

    assertThat(rest.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(rest.getBody()).contains("completeness");
    assertThat(tasklist.statusCode()).as(tasklist.body()).isEqualTo(400);
    assertThat(tasklist.body()).contains("completeness");
  }

  /**
   * Six form mistakes as Tasklist sends them: each answers 400 with the labelled sentence alone as
   * {@code message} (never "Cannot submit task form …: ENGINE-03051 …"), and the log gets one line
   * for each, no stack trace.
   */
  @Test
  void sixFormMistakesOnTasklistsEngineApiAreSixSentencesAndSixLogLines() throws Exception {
    String completeness = completenessTask();
    Fixtures fixtures = new Fixtures(rest, this::as, taskService);
    String verify =
        fixtures.taskId(
            fixtures
                .appliedWithMandate("Mistaken Forms NPM", fixture.facility("Central Prison"))
                .accreditationId(),
            "Task_VerifyFormalMandate");
    WebappSession lena = new WebappSession(baseUrl());
    assertThat(lena.login("lena", "demo", "tasklist")).isEqualTo(200);
    Map<String, Map<String, Object>> mistakes = new LinkedHashMap<>();
    mistakes.put(
        "Is the application complete?: must be one of [COMPLETE, INCOMPLETE]",
        Map.of("task", completeness, "completeness", "MAYBE"));
    mistakes.put("Is the application complete?: is required", Map.of("task", completeness));
    mistakes.put(
        "Information requested from the organisation: is required when the application is incomplete",
        Map.of("task", completeness, "completeness", "INCOMPLETE", "informationRequested", "   "));
    mistakes.put(
        "Information requested from the organisation: must be at most 4000 characters",
        Map.of(
            "task",
            completeness,
            "completeness",
            "INCOMPLETE",
            "informationRequested",
            "x".repeat(4001)));
    mistakes.put(
        "Verification notes: is required",
        Map.of("task", verify, "mandateVerified", "VERIFIED", "verificationNotes", " "));
    mistakes.put(
        "Is the mandate verified?: is required",
        Map.of("task", verify, "verificationNotes", "Designation act checked"));

    try (CapturedLog log = CapturedLog.start()) {
      for (Map.Entry<String, Map<String, Object>> mistake : mistakes.entrySet()) {
        Map<String, Object> variables = new LinkedHashMap<>();
        mistake
            .getValue()
            .forEach(
                (name, value) -> {
                  if (!name.equals("task")) {
                    variables.put(name, Map.of("value", value));
                  }
                });
        HttpResponse<String> refused =
            lena.postJson(
                TASKLIST_ENGINE + "/task/" + mistake.getValue().get("task") + "/submit-form",
                new ObjectMapper().writeValueAsString(Map.of("variables", variables)));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(engine.read(refused.body()).path("message").asText())
            .as("the sentence alone")
            .isEqualTo(mistake.getKey());
        assertThat(log.mentioning(mistake.getKey()))
            .as("one log line for: " + mistake.getKey())
            .singleElement()
            .satisfies(line -> assertThat(line.getThrowableProxy()).as("no stack trace").isNull());
      }
      System.out.printf(
          "six form mistakes: the log got %d lines: %s%n",
          log.lines(),
          log.events().stream()
              .map(event -> event.getLoggerName() + ": " + event.getFormattedMessage())
              .toList());
      assertThat(log.events())
          .as("no stack trace")
          .noneMatch(event -> event.getThrowableProxy() != null);
    }
    assertThat(taskService.createTaskQuery().taskId(completeness).count())
        .as("nothing saved")
        .isOne();
    assertThat(taskService.createTaskQuery().taskId(verify).count()).as("nothing saved").isOne();
  }

  @Test
  void aCompletedTaskIsAConflictAndAnUnknownOneIsNot() {
    String task = completenessTask();
    assertThat(
            engine.completeTask("lena", task, Map.of("completeness", "COMPLETE")).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);

    ResponseEntity<String> again =
        engine.completeTask("lena", task, Map.of("completeness", "COMPLETE"));
    ResponseEntity<String> claimed =
        post("lena", "/engine-rest/task/" + task + "/claim", Map.of("userId", "lena"), null);
    ResponseEntity<String> unknown =
        engine.completeTask("lena", "no-such-task", Map.of("completeness", "COMPLETE"));

    assertThat(again.getStatusCode()).as(again.getBody()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(again.getBody()).contains("already completed");
    assertThat(claimed.getStatusCode()).as(claimed.getBody()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(unknown.getStatusCode())
        .as("nothing to conflict with")
        .isNotEqualTo(HttpStatus.CONFLICT);
  }

  private String completenessTask() {
    return engine
        .tasks("lena", applied(), "Task_CheckApplicationCompleteness")
        .get(0)
        .get("id")
        .asText();
  }
}
