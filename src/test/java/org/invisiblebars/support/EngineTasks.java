package org.invisiblebars.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Staff work through the engine REST API as Tasklist does: find a process instance's task by its
 * business key and task key, and complete it with form fields.
 */
public final class EngineTasks {

  private final Function<String, TestRestTemplate> as;
  private final ObjectMapper json = new ObjectMapper();

  public EngineTasks(Function<String, TestRestTemplate> as) {
    this.as = as;
  }

  /**
   * The tasks of {@code taskKey} in the process instance of {@code businessKey} that {@code user}
   * may see.
   */
  public JsonNode tasks(String user, String businessKey, String taskKey) {
    return read(
        as.apply(user)
            .getForObject(
                "/engine-rest/task?processInstanceBusinessKey={id}&taskDefinitionKey={key}",
                String.class,
                BusinessKeys.of(businessKey),
                taskKey));
  }

  /**
   * The tasks of {@code taskKey} once there are any: for a task that the job executor creates
   * (after an asynchronous continuation), waiting up to 30 seconds.
   */
  public JsonNode awaitTasks(String user, String businessKey, String taskKey) {
    return Eventually.within(Duration.ofSeconds(30), taskKey + " of " + businessKey + " appeared")
        .until(() -> tasks(user, businessKey, taskKey), found -> !found.isEmpty());
  }

  /** The id of the one task of {@code taskKey} once there is one, as {@link #awaitTasks}. */
  public String awaitTaskId(String user, String businessKey, String taskKey) {
    JsonNode found = awaitTasks(user, businessKey, taskKey);
    assertThat(found).as(user + " sees one " + taskKey).hasSize(1);
    return found.get(0).get("id").asText();
  }

  /** Completes the one task, asserting that the engine accepted the fields. */
  public void complete(
      String user, String businessKey, String taskKey, Map<String, Object> fields) {
    ResponseEntity<String> response = tryComplete(user, businessKey, taskKey, fields);
    assertThat(response.getStatusCode())
        .as(taskKey + ": " + response.getBody())
        .isEqualTo(HttpStatus.NO_CONTENT);
  }

  public ResponseEntity<String> tryComplete(
      String user, String businessKey, String taskKey, Map<String, Object> fields) {
    JsonNode found = tasks(user, businessKey, taskKey);
    assertThat(found).as(user + " sees " + taskKey).hasSize(1);
    return completeTask(user, found.get(0).get("id").asText(), fields);
  }

  public ResponseEntity<String> completeTask(
      String user, String taskId, Map<String, Object> fields) {
    Map<String, Object> variables = new LinkedHashMap<>();
    fields.forEach((name, value) -> variables.put(name, Map.of("value", value)));
    return as.apply(user)
        .postForEntity(
            "/engine-rest/task/" + taskId + "/complete",
            jsonBody(Map.of("variables", variables)),
            String.class);
  }

  public JsonNode read(String body) {
    try {
      return json.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static HttpEntity<Object> jsonBody(Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }
}
