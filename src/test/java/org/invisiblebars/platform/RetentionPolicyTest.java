package org.invisiblebars.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.api.Test;

/**
 * The written retention policy (docs/security.md, "Retention policy") and what the application does
 * agree: each model's historyTimeToLive is the one the policy's table gives it, every model is in
 * the table, and the nightly cleanup window is the one the policy states.
 */
class RetentionPolicyTest {

  private static final Path POLICY = Path.of("docs", "security.md");
  private static final Pattern ROW =
      Pattern.compile("^\\|([^|]*)\\|\\s*`(P[0-9A-Z]+)`\\s*\\|", Pattern.MULTILINE);
  private static final Pattern KEY = Pattern.compile("`([a-z][a-z0-9-]*)`");

  @Test
  void everyModelKeepsItsHistoryAsLongAsThePolicySays() throws IOException {
    Map<String, String> policy = policyTable();
    Map<String, String> models = modelTimesToLive();

    assertThat(models).as("models in processes/").isNotEmpty();
    assertThat(policy)
        .as("the policy's table names each model with its time to live")
        .containsAllEntriesOf(models);
    assertThat(policy.keySet())
        .as("the table names no model that does not exist")
        .allMatch(key -> models.containsKey(key) || key.contains("batch"));
  }

  @Test
  void theCleanupRunsEveryNightInThePolicysWindow() throws IOException {
    JsonNode properties =
        new ObjectMapper(new YAMLFactory())
            .readTree(Path.of("src", "main", "resources", "application.yaml").toFile())
            .at("/camunda/bpm/generic-properties/properties");
    String start = properties.get("history-cleanup-batch-window-start-time").asText();
    String end = properties.get("history-cleanup-batch-window-end-time").asText();

    assertThat(retentionSection()).contains("between **" + start + " and " + end + "**");
    assertThat(properties.get("history-cleanup-strategy").asText()).isEqualTo("removalTimeBased");
    assertThat(properties.get("history-removal-time-strategy").asText()).isEqualTo("end");
    assertThat(policyTable())
        .containsEntry("batches", properties.get("batch-operation-history-time-to-live").asText());
  }

  /** Each row's model keys (or "batches") with the row's time to live. */
  private static Map<String, String> policyTable() throws IOException {
    Map<String, String> table = new HashMap<>();
    Matcher row = ROW.matcher(retentionSection());
    while (row.find()) {
      Matcher key = KEY.matcher(row.group(1));
      boolean any = false;
      while (key.find()) {
        table.put(key.group(1), row.group(2));
        any = true;
      }
      if (!any && row.group(1).contains("batches")) {
        table.put("batches", row.group(2));
      }
    }
    return table;
  }

  private static String retentionSection() throws IOException {
    String document = Files.readString(POLICY);
    int start = document.indexOf("## Retention policy");
    assertThat(start).as("docs/security.md has a retention policy").isNotNegative();
    int end = document.indexOf("\n## ", start + 1);
    return document.substring(start, end < 0 ? document.length() : end);
  }

  private static Map<String, String> modelTimesToLive() throws IOException {
    Map<String, String> models = new HashMap<>();
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      for (Path file : files.sorted().toList()) {
        if (file.toString().endsWith(".bpmn")) {
          Bpmn.readModelFromFile(file.toFile())
              .getModelElementsByType(Process.class)
              .forEach(
                  process ->
                      models.put(process.getId(), process.getCamundaHistoryTimeToLiveString()));
        } else if (file.toString().endsWith(".dmn")) {
          Dmn.readModelFromFile(file.toFile())
              .getModelElementsByType(Decision.class)
              .forEach(
                  decision ->
                      models.put(decision.getId(), decision.getCamundaHistoryTimeToLiveString()));
        }
      }
    }
    return models;
  }
}
