package org.invisiblebars.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.invisiblebars.organisation.domain.MandateType;
import org.invisiblebars.support.AccreditationForms;
import org.invisiblebars.support.ApiTest;
import org.invisiblebars.support.WebappSession;
import org.junit.jupiter.api.Test;
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

  @Test
  void invalidInputOnATaskFormIs400OnBothEngineApis() {
    String task = completenessTask();
    WebappSession lena = new WebappSession(baseUrl());
    assertThat(lena.login("lena", "demo", "tasklist")).isEqualTo(200);

    ResponseEntity<String> rest = engine.completeTask("lena", task, Map.of("completeness", "MAYBE"));
    HttpResponse<String> tasklist = lena.postJson(TASKLIST_ENGINE + "/task/" + task + "/submit-form",
        "{\"variables\":{\"completeness\":{\"value\":\"MAYBE\"}}}");

    assertThat(rest.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(rest.getBody()).contains("completeness");
    assertThat(tasklist.statusCode()).as(tasklist.body()).isEqualTo(400);
    assertThat(tasklist.body()).contains("completeness");
  }

  @Test
  void aCompletedTaskIsAConflictAndAnUnknownOneIsNot() {
    String task = completenessTask();
    assertThat(engine.completeTask("lena", task, Map.of("completeness", "COMPLETE")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

    ResponseEntity<String> again = engine.completeTask("lena", task, Map.of("completeness", "COMPLETE"));
    ResponseEntity<String> claimed = post("lena", "/engine-rest/task/" + task + "/claim", Map.of("userId", "lena"), null);
    ResponseEntity<String> unknown = engine.completeTask("lena", "no-such-task", Map.of("completeness", "COMPLETE"));

    assertThat(again.getStatusCode()).as(again.getBody()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(again.getBody()).contains("already completed");
    assertThat(claimed.getStatusCode()).as(claimed.getBody()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(unknown.getStatusCode()).as("nothing to conflict with").isNotEqualTo(HttpStatus.CONFLICT);
  }

  private String completenessTask() {
    ResponseEntity<String> created = post(fixture.accredited(MandateType.NGO, 1).user(), "/api/v1/accreditations",
        AccreditationForms.application("Monitoring", fixture.facility("Central Prison"), List.of("Ana Reyes")), null);
    String id = engine.read(created.getBody()).get("id").asText();
    return engine.tasks("lena", id, "Task_CheckApplicationCompleteness").get(0).get("id").asText();
  }
}
