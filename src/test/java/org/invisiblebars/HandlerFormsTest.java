package org.invisiblebars;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.File;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.invisiblebars.accreditation.usecase.AccreditationProcess;
import org.invisiblebars.accreditation.usecase.RepresentativeVettingProcess;
import org.invisiblebars.entry.usecase.EntryProcess;
import org.invisiblebars.entry.usecase.IncidentReviewProcess;
import org.invisiblebars.meeting.usecase.AgreedActionProcess;
import org.invisiblebars.meeting.usecase.CoordinationMeetingProcess;
import org.invisiblebars.modelchange.usecase.ModelChangeProcess;
import org.invisiblebars.platform.task.Prefilled;
import org.invisiblebars.platform.task.UserTaskHandler;
import org.invisiblebars.platform.task.UserTaskHandlerFor;
import org.invisiblebars.platform.validation.RequiredWhen;
import org.invisiblebars.registration.usecase.RegistrationProcess;
import org.invisiblebars.report.usecase.ReportPublicationProcess;
import org.invisiblebars.report.usecase.ReportReviewProcess;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.ResolvableType;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The contract between each user task's handler and its Camunda Form, read from the models and the
 * forms as they are in the repository: every user task of our processes has one handler; what the
 * handler's form record reads is what the form submits, with the same required fields and limits
 * (Tasklist checks the form, the handler checks again: both must agree); and what the display
 * record sets is what the form shows. Tasklist would only tell on a person's screen.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HandlerFormsTest {

  private static final String BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Process key, then task id, then the task's formRef. */
  private final Map<String, Map<String, String>> userTasks = new TreeMap<>();

  /** Process key, then task id, then the handler's class. */
  private final Map<String, Map<String, Class<?>>> handlers = new TreeMap<>();

  /** Process key and task id to the task's formRefBinding. */
  private final Map<String, String> formRefBindings = new HashMap<>();

  @BeforeAll
  void read() throws Exception {
    var factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    for (File model :
        Path.of("processes").toFile().listFiles((dir, name) -> name.endsWith(".bpmn"))) {
      var document = factory.newDocumentBuilder().parse(model);
      NodeList processes = document.getElementsByTagNameNS(BPMN_NS, "process");
      for (int p = 0; p < processes.getLength(); p++) {
        Element process = (Element) processes.item(p);
        NodeList tasks = process.getElementsByTagNameNS(BPMN_NS, "userTask");
        for (int i = 0; i < tasks.getLength(); i++) {
          Element task = (Element) tasks.item(i);
          userTasks
              .computeIfAbsent(process.getAttribute("id"), k -> new TreeMap<>())
              .put(task.getAttribute("id"), task.getAttributeNS(CAMUNDA_NS, "formRef"));
          formRefBindings.put(
              process.getAttribute("id") + "/" + task.getAttribute("id"),
              task.getAttributeNS(CAMUNDA_NS, "formRefBinding"));
        }
      }
    }
    var scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(UserTaskHandlerFor.class));
    for (var candidate : scanner.findCandidateComponents("org.invisiblebars")) {
      Class<?> type = Class.forName(candidate.getBeanClassName());
      UserTaskHandlerFor target = type.getAnnotation(UserTaskHandlerFor.class);
      Class<?> previous =
          handlers.computeIfAbsent(target.process(), k -> new TreeMap<>()).put(target.task(), type);
      assertThat(previous).as("one handler for %s of %s", target.task(), target.process()).isNull();
    }
  }

  @Test
  void everyUserTaskOfOurProcessesHasOneHandlerAndEveryHandlerATask() {
    assertThat(handlers.keySet())
        .as("processes with handlers")
        .containsExactlyInAnyOrder(
            AccreditationProcess.KEY,
            EntryProcess.KEY,
            ReportReviewProcess.KEY,
            CoordinationMeetingProcess.KEY,
            AgreedActionProcess.KEY,
            IncidentReviewProcess.KEY,
            ReportPublicationProcess.KEY,
            ModelChangeProcess.KEY,
            RepresentativeVettingProcess.KEY,
            RegistrationProcess.KEY);
    handlers.forEach(
        (process, byTask) -> {
          assertThat(userTasks)
              .as("the process of handlers %s", byTask.values())
              .containsKey(process);
          assertThat(userTasks.get(process).keySet())
              .as("user tasks of %s", process)
              .containsAll(byTask.keySet());
          assertThat(byTask.keySet())
              .as("the user tasks of %s that have handlers", process)
              .isEqualTo(userTasks.get(process).keySet());
        });
  }

  @Test
  void formRecordsReadWhatTheFormsSubmitWithTheSameRules() throws Exception {
    for (var process : handlers.entrySet()) {
      for (var handled : process.getValue().entrySet()) {
        String ref = userTasks.get(process.getKey()).get(handled.getKey());
        Map<String, JsonNode> fields = fields(ref);
        Class<?> form = generic(handled.getValue(), 0);
        Class<?> display = generic(handled.getValue(), 1);
        Map<String, RecordComponent> read = new LinkedHashMap<>();
        for (RecordComponent component : form.getRecordComponents()) {
          read.put(component.getName(), component);
          JsonNode field = fields.get(component.getName());
          String where = component.getName() + " of " + form.getName() + " in " + ref + ".form";
          assertThat(field).as(where).isNotNull();
          assertThat(editable(field)).as("%s is editable", where).isTrue();
          JsonNode validate = field.path("validate");
          boolean required =
              component.getAccessor().isAnnotationPresent(NotNull.class)
                  || component.getAccessor().isAnnotationPresent(NotBlank.class)
                  || component.getAccessor().isAnnotationPresent(NotEmpty.class);
          boolean requiredWhen =
              Arrays.stream(form.getAnnotationsByType(RequiredWhen.class))
                  .anyMatch(rule -> rule.field().equals(component.getName()));
          if (requiredWhen) {
            // required where the form shows it: the form hides it otherwise, the record checks when
            // it applies
            assertThat(
                    validate.path("required").asBoolean(false)
                        && field.path("conditional").has("hide"))
                .as("%s is required in the form and shown only when the record requires it", where)
                .isTrue();
          } else if (!required
              && validate.path("required").asBoolean(false)
              && shownBy(field, display) != null) {
            // required where a flag the handler shows from the records (continuityPlanRequired)
            // reveals it: the use case checks it
          } else {
            assertThat(validate.path("required").asBoolean(false))
                .as("%s required in the form as in the record", where)
                .isEqualTo(required);
          }
          Size size = component.getAccessor().getAnnotation(Size.class);
          if (validate.has("maxLength") || size != null) {
            assertThat(size).as("%s has a maximum length", where).isNotNull();
            assertThat(validate.path("maxLength").asInt(-1))
                .as("maxLength of %s", where)
                .isEqualTo(size.max());
          }
          Min min = component.getAccessor().getAnnotation(Min.class);
          Max max = component.getAccessor().getAnnotation(Max.class);
          if (validate.has("min") || min != null) {
            assertThat(min).as("%s has a minimum", where).isNotNull();
            assertThat(validate.path("min").asLong(-1))
                .as("min of %s", where)
                .isEqualTo(min.value());
          }
          if (validate.has("max") || max != null) {
            assertThat(max).as("%s has a maximum", where).isNotNull();
            assertThat(validate.path("max").asLong(-1))
                .as("max of %s", where)
                .isEqualTo(max.value());
          }
        }
        Map<String, RecordComponent> shown = new HashMap<>();
        for (RecordComponent component : display.getRecordComponents()) {
          shown.put(component.getName(), component);
          JsonNode field = fields.get(component.getName());
          String where = component.getName() + " of " + display.getName() + " in " + ref + ".form";
          if (field == null) {
            // a value no field shows, which a field's condition reads (a formal monitor's gate
            // acknowledgement)
            assertThat(conditions(ref))
                .as("%s is a field or read by a field's condition", where)
                .anyMatch(
                    condition -> condition.matches("(?s).*\\b" + component.getName() + "\\b.*"));
            continue;
          }
          assertThat(field.path("disabled").asBoolean(false))
              .as("%s is not disabled: form-js would not show it as text", where)
              .isFalse();
          if (component.isAnnotationPresent(Prefilled.class)) {
            assertThat(read)
                .as("prefilled %s is read back", where)
                .containsKey(component.getName());
          } else {
            assertThat(editable(field)).as("%s is shown read-only", where).isFalse();
          }
        }
        fields.forEach(
            (key, field) -> {
              if (editable(field)) {
                assertThat(read)
                    .as(
                        "%s.form submits %s: the handler %s reads it",
                        ref, key, handled.getValue().getSimpleName())
                    .containsKey(key);
              }
            });
      }
    }
  }

  @Test
  void formsAreTasklistFormsWithReadableIdsAndFieldsOfTheRecordsKinds() throws Exception {
    userTasks.forEach(
        (process, tasks) ->
            tasks.forEach(
                (task, ref) -> {
                  assertThat(ref).as("formRef of %s in %s", task, process).isNotBlank();
                  assertThat(formRefBindings.get(process + "/" + task))
                      .as("formRefBinding of %s", task)
                      .isEqualTo("deployment");
                }));
    for (var process : userTasks.entrySet()) {
      for (String ref : new TreeSet<>(process.getValue().values())) {
        JsonNode form = JSON.readTree(Path.of("forms", ref + ".form").toFile());
        assertThat(form.path("id").asText()).as("id of %s.form", ref).isEqualTo(ref);
        assertThat(form.path("executionPlatform").asText())
            .as("executionPlatform of %s", ref)
            .isEqualTo("Camunda Platform");
        assertThat(form.path("executionPlatformVersion").asText())
            .as("executionPlatformVersion of %s", ref)
            .isEqualTo("7.24.0");
        // the form-js bundled in the Tasklist of 7.24 reads schema versions up to 16
        assertThat(form.path("schemaVersion").asInt(Integer.MAX_VALUE))
            .as("schemaVersion of %s", ref)
            .isBetween(1, 16);
        Set<String> ids = new HashSet<>();
        Set<String> keys = new HashSet<>();
        for (JsonNode component : all(form)) {
          // readable ids as in Camunda's naming table, not Modeler's Field_0abc123
          assertThat(component.path("id").asText())
              .as("component id in %s", ref)
              .matches("(Field|Group|Text)_[A-Z][A-Za-z0-9]*");
          assertThat(ids.add(component.path("id").asText()))
              .as("id %s unique in %s", component.path("id"), ref)
              .isTrue();
          if (component.hasNonNull("key")) {
            assertThat(keys.add(component.get("key").asText()))
                .as("key %s unique in %s", component.get("key"), ref)
                .isTrue();
            // a date field labels its date input
            assertThat(component.path("label").asText(component.path("dateLabel").asText()))
                .as("label of %s in %s", component.get("key"), ref)
                .isNotBlank();
          }
        }
      }
    }
    for (var process : handlers.entrySet()) {
      for (var handled : process.getValue().entrySet()) {
        String ref = userTasks.get(process.getKey()).get(handled.getKey());
        Map<String, JsonNode> fields = fields(ref);
        for (RecordComponent component : generic(handled.getValue(), 0).getRecordComponents()) {
          String type = fields.get(component.getName()).path("type").asText();
          Class<?> kind = component.getType();
          String where = component.getName() + " in " + ref + ".form";
          if (kind.isEnum()) {
            assertThat(type).as("%s is a choice", where).isIn("radio", "select");
            List<String> offered = new ArrayList<>();
            fields
                .get(component.getName())
                .path("values")
                .forEach(v -> offered.add(v.path("value").asText()));
            assertThat(offered)
                .as("choices of %s", where)
                .containsExactlyInAnyOrderElementsOf(
                    Arrays.stream(kind.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList());
          } else if (kind == boolean.class || kind == Boolean.class) {
            assertThat(type).as("%s is a checkbox", where).isEqualTo("checkbox");
          } else if (kind == String.class) {
            assertThat(type).as("%s is a text", where).isIn("textfield", "textarea");
          } else if (kind == LocalDate.class) {
            assertThat(type).as("%s is a date", where).isEqualTo("datetime");
          } else if (kind == Integer.class || kind == int.class) {
            assertThat(type).as("%s is a number", where).isEqualTo("number");
            assertThat(fields.get(component.getName()).path("decimalDigits").asInt(-1))
                .as("%s takes whole numbers", where)
                .isZero();
          }
        }
      }
    }
  }

  /** The display component whose flag the field's condition reads, or null. */
  private static String shownBy(JsonNode field, Class<?> display) {
    String hide = field.path("conditional").path("hide").asText("");
    for (RecordComponent component : display.getRecordComponents()) {
      if (hide.matches("(?s).*\\b" + component.getName() + "\\b.*")) {
        return component.getName();
      }
    }
    return null;
  }

  /** The conditions of a form's fields (what decides whether each is shown). */
  private static List<String> conditions(String ref) throws Exception {
    return all(JSON.readTree(Path.of("forms", ref + ".form").toFile())).stream()
        .filter(c -> c.path("conditional").has("hide"))
        .map(c -> c.path("conditional").path("hide").asText())
        .toList();
  }

  /** All components of a form, those inside groups included. */
  private static List<JsonNode> all(JsonNode node) {
    List<JsonNode> found = new ArrayList<>();
    for (JsonNode child : node.path("components")) {
      found.add(child);
      found.addAll(all(child));
    }
    return found;
  }

  private static boolean editable(JsonNode field) {
    return !field.path("readonly").asBoolean(false) && !field.path("disabled").asBoolean(false);
  }

  private static Class<?> generic(Class<?> handler, int index) {
    return ResolvableType.forClass(handler).as(UserTaskHandler.class).getGeneric(index).resolve();
  }

  /** The form's fields that have a key (inputs and read-only texts), by key. */
  private static Map<String, JsonNode> fields(String ref) throws Exception {
    Map<String, JsonNode> byKey = new HashMap<>();
    collect(JSON.readTree(Path.of("forms", ref + ".form").toFile()), byKey);
    return byKey;
  }

  private static void collect(JsonNode node, Map<String, JsonNode> byKey) {
    if (node.hasNonNull("key") && !"text".equals(node.path("type").asText())) {
      byKey.put(node.get("key").asText(), node);
    }
    for (JsonNode child : node.path("components")) {
      collect(child, byKey);
    }
  }
}
