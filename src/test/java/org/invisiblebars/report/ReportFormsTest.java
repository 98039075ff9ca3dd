package org.invisiblebars.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Camunda Forms of processes/report-review.bpmn against what ReportTaskListener shows and reads:
 * every formRef has its form for the Tasklist of 7.24, the fields the listener reads are there, and
 * the report and its recommendations are shown read-only (the table through templating).
 */
class ReportFormsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Per form: the keys the listener reads on completion. */
  private static final Map<String, List<String>> SUBMITTED = Map.of(
      "refer-allegation", List.of("competentBody", "referralReference"),
      "acknowledge-report", List.of("responsibleUnits"),
      "hold-coordination-meeting", List.of("meetingDate", "authorityParticipants", "ngoParticipants", "meetingMinutes"),
      "prepare-plan-of-action", List.of("planOfAction", "waiveConfidentiality", "waiverReasons", "askForMoreTime", "extensionDays",
          "extensionReasons"),
      "record-follow-up", List.of("followUpOutcome", "newDeadline", "followUpNotes"));

  @Test
  void everyUserTaskHasItsFormShowingTheReportAndReadingTheFieldsTheListenerExpects() throws Exception {
    String model = Files.readString(Path.of("processes/report-review.bpmn"));
    Matcher refs = Pattern.compile("camunda:formRef=\"([^\"]+)\" camunda:formRefBinding=\"deployment\"").matcher(model);
    List<String> formRefs = new ArrayList<>();
    while (refs.find()) {
      formRefs.add(refs.group(1));
    }
    assertThat(formRefs).containsExactlyInAnyOrderElementsOf(SUBMITTED.keySet());

    for (String ref : formRefs) {
      JsonNode form = JSON.readTree(Path.of("forms", ref + ".form").toFile());
      assertThat(form.path("id").asText()).isEqualTo(ref);
      assertThat(form.path("executionPlatformVersion").asText()).isEqualTo("7.24.0");
      assertThat(form.path("schemaVersion").asInt()).isEqualTo(16);
      Map<String, JsonNode> byKey = new HashMap<>();
      List<String> texts = new ArrayList<>();
      collect(form.path("components"), byKey, texts, ref);
      assertThat(byKey.keySet()).as(ref).containsAll(SUBMITTED.get(ref));
      if (ref.equals("record-follow-up")) {
        assertThat(byKey.get("followUpSummary").path("readonly").asBoolean()).isTrue();
      } else {
        assertThat(byKey.get("reportSummary").path("readonly").asBoolean()).as(ref).isTrue();
      }
      if (!ref.equals("refer-allegation") && !ref.equals("record-follow-up")) {
        assertThat(texts).as(ref + " shows the recommendations table").contains("{{recommendationsTable}}");
      }
    }
  }

  private static void collect(JsonNode components, Map<String, JsonNode> byKey, List<String> texts, String ref) {
    for (JsonNode component : components) {
      assertThat(component.path("id").asText()).as("readable id in " + ref).matches("(Field|Group|Text)_[A-Z][A-Za-z0-9]*");
      if (component.has("key")) {
        byKey.put(component.get("key").asText(), component);
      }
      if (component.has("text")) {
        texts.add(component.get("text").asText());
      }
      collect(component.path("components"), byKey, texts, ref);
    }
  }
}
