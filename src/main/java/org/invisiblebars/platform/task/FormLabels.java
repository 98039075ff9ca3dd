package org.invisiblebars.platform.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The labels a task's deployed Camunda Form gives its fields, by key, so a refusal names the field
 * as the person reads it ("Reasons for the override", not {@code overrideReasons}). Read from the
 * form deployed with the task's process version, which a process owner may have relabelled, and
 * kept per process version and task.
 */
final class FormLabels {

  private static final Logger LOG = LoggerFactory.getLogger(FormLabels.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** How our forms name a group of fields (HandlerFormsTest holds them to it). */
  private static final String GROUP = "Group_";

  private final Map<String, Map<String, String>> byTask = new ConcurrentHashMap<>();

  /**
   * The label of {@code field} in the form of {@code task}, or the field's key when the form has
   * none.
   */
  String of(DelegateTask task, String field) {
    String key = task.getProcessDefinitionId() + "/" + task.getTaskDefinitionKey();
    Map<String, String> labels = byTask.get(key);
    if (labels == null) {
      labels = read(task);
      if (!labels.isEmpty()) {
        byTask.put(key, labels);
      }
    }
    String label = labels.get(field);
    if (label == null && !field.isEmpty()) {
      // a rule about several fields (the failed criteria) names the group that holds them:
      // Group_FailedCriteria
      label = labels.get(GROUP + Character.toUpperCase(field.charAt(0)) + field.substring(1));
    }
    return label == null || label.isBlank() ? field : label;
  }

  private static Map<String, String> read(DelegateTask task) {
    try (InputStream form =
        task.getProcessEngineServices().getFormService().getDeployedTaskForm(task.getId())) {
      Map<String, String> labels = new HashMap<>();
      collect(JSON.readTree(form), labels);
      return labels;
    } catch (IOException | ProcessEngineException noForm) {
      LOG.warn(
          "The form of task {} could not be read for its labels: {}",
          task.getTaskDefinitionKey(),
          noForm.getMessage());
      return Map.of();
    }
  }

  private static void collect(JsonNode node, Map<String, String> labels) {
    if (node.path("id").asText().startsWith(GROUP) && node.hasNonNull("label")) {
      labels.putIfAbsent(node.get("id").asText(), node.get("label").asText());
    }
    // a date field names itself by its dateLabel, a time field by its timeLabel
    for (String label : List.of("label", "dateLabel", "timeLabel")) {
      if (node.hasNonNull("key") && node.hasNonNull(label) && !node.get(label).asText().isBlank()) {
        labels.putIfAbsent(node.get("key").asText(), node.get(label).asText());
      }
    }
    for (JsonNode child : node.path("components")) {
      collect(child, labels);
    }
  }
}
