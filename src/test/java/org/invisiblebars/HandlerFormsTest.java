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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.invisiblebars.platform.task.Prefilled;
import org.invisiblebars.platform.task.UserTaskHandler;
import org.invisiblebars.platform.task.UserTaskHandlerFor;
import org.invisiblebars.platform.validation.RequiredWhen;
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
  /** Tasks that still name a listener in the model (before their handler existed). */
  private final Map<String, java.util.Set<String>> legacy = new HashMap<>();

  @BeforeAll
  void read() throws Exception {
    var factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    for (File model : Path.of("processes").toFile().listFiles((dir, name) -> name.endsWith(".bpmn"))) {
      var document = factory.newDocumentBuilder().parse(model);
      NodeList processes = document.getElementsByTagNameNS(BPMN_NS, "process");
      for (int p = 0; p < processes.getLength(); p++) {
        Element process = (Element) processes.item(p);
        NodeList tasks = process.getElementsByTagNameNS(BPMN_NS, "userTask");
        for (int i = 0; i < tasks.getLength(); i++) {
          Element task = (Element) tasks.item(i);
          userTasks.computeIfAbsent(process.getAttribute("id"), k -> new TreeMap<>())
              .put(task.getAttribute("id"), task.getAttributeNS(CAMUNDA_NS, "formRef"));
          if (task.getElementsByTagNameNS(CAMUNDA_NS, "taskListener").getLength() > 0) {
            legacy.computeIfAbsent(process.getAttribute("id"), k -> new java.util.HashSet<>()).add(task.getAttribute("id"));
          }
        }
      }
    }
    var scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(UserTaskHandlerFor.class));
    for (var candidate : scanner.findCandidateComponents("org.invisiblebars")) {
      Class<?> type = Class.forName(candidate.getBeanClassName());
      UserTaskHandlerFor target = type.getAnnotation(UserTaskHandlerFor.class);
      Class<?> previous = handlers.computeIfAbsent(target.process(), k -> new TreeMap<>()).put(target.task(), type);
      assertThat(previous).as("one handler for %s of %s", target.task(), target.process()).isNull();
    }
  }

  @Test
  void everyUserTaskOfOurProcessesHasOneHandlerAndEveryHandlerATask() {
    assertThat(handlers).isNotEmpty();
    handlers.forEach((process, byTask) -> {
      assertThat(userTasks).as("the process of handlers %s", byTask.values()).containsKey(process);
      assertThat(userTasks.get(process).keySet()).as("user tasks of %s", process).containsAll(byTask.keySet());
      for (String task : userTasks.get(process).keySet()) {
        if (!legacy.getOrDefault(process, java.util.Set.of()).contains(task)) {
          assertThat(byTask).as("handler of %s in %s", task, process).containsKey(task);
        }
      }
    });
  }

  @Test
  void formRecordsReadWhatTheFormsSubmitWithTheSameRules() throws Exception {
    for (var process : handlers.entrySet()) {
      for (var handled : process.getValue().entrySet()) {
        String ref = userTasks.get(process.getKey()).get(handled.getKey());
        Map<String, JsonNode> fields = fields(ref);
        Class<?> form = generic(handled.getValue(), 0);
        Map<String, RecordComponent> read = new LinkedHashMap<>();
        for (RecordComponent component : form.getRecordComponents()) {
          read.put(component.getName(), component);
          JsonNode field = fields.get(component.getName());
          String where = component.getName() + " of " + form.getName() + " in " + ref + ".form";
          assertThat(field).as(where).isNotNull();
          assertThat(editable(field)).as("%s is editable", where).isTrue();
          JsonNode validate = field.path("validate");
          boolean required = component.getAccessor().isAnnotationPresent(NotNull.class) || component.getAccessor().isAnnotationPresent(NotBlank.class)
              || component.getAccessor().isAnnotationPresent(NotEmpty.class);
          boolean requiredWhen = java.util.Arrays.stream(form.getAnnotationsByType(RequiredWhen.class))
              .anyMatch(rule -> rule.field().equals(component.getName()));
          if (requiredWhen) {
            // required where the form shows it: the form hides it otherwise, the record checks when it applies
            assertThat(validate.path("required").asBoolean(false) && field.path("conditional").has("hide"))
                .as("%s is required in the form and shown only when the record requires it", where).isTrue();
          } else {
            assertThat(validate.path("required").asBoolean(false)).as("%s required in the form as in the record", where).isEqualTo(required);
          }
          Size size = component.getAccessor().getAnnotation(Size.class);
          if (validate.has("maxLength") || size != null) {
            assertThat(size).as("%s has a maximum length", where).isNotNull();
            assertThat(validate.path("maxLength").asInt(-1)).as("maxLength of %s", where).isEqualTo(size.max());
          }
          Min min = component.getAccessor().getAnnotation(Min.class);
          Max max = component.getAccessor().getAnnotation(Max.class);
          if (validate.has("min") || min != null) {
            assertThat(min).as("%s has a minimum", where).isNotNull();
            assertThat(validate.path("min").asLong(-1)).as("min of %s", where).isEqualTo(min.value());
          }
          if (validate.has("max") || max != null) {
            assertThat(max).as("%s has a maximum", where).isNotNull();
            assertThat(validate.path("max").asLong(-1)).as("max of %s", where).isEqualTo(max.value());
          }
        }
        Class<?> display = generic(handled.getValue(), 1);
        Map<String, RecordComponent> shown = new HashMap<>();
        for (RecordComponent component : display.getRecordComponents()) {
          shown.put(component.getName(), component);
          JsonNode field = fields.get(component.getName());
          String where = component.getName() + " of " + display.getName() + " in " + ref + ".form";
          assertThat(field).as(where).isNotNull();
          if (component.isAnnotationPresent(Prefilled.class)) {
            assertThat(read).as("prefilled %s is read back", where).containsKey(component.getName());
          } else {
            assertThat(editable(field)).as("%s is shown read-only", where).isFalse();
          }
        }
        fields.forEach((key, field) -> {
          if (editable(field)) {
            assertThat(read).as("%s.form submits %s: the handler %s reads it", ref, key, handled.getValue().getSimpleName())
                .containsKey(key);
          }
        });
      }
    }
  }

  /** What the removed per-process form tests checked, for every form a handler serves. */
  @Test
  void everyFormIsTheTasklistsOfItsTaskWithReadableIdsAndTheRecordsChoices() throws Exception {
    for (var process : handlers.entrySet()) {
      for (var handled : process.getValue().entrySet()) {
        String ref = userTasks.get(process.getKey()).get(handled.getKey());
        JsonNode form = JSON.readTree(Path.of("forms", ref + ".form").toFile());
        assertThat(form.path("id").asText()).as("id of %s.form", ref).isEqualTo(ref);
        assertThat(form.path("executionPlatformVersion").asText()).as("platform of %s.form", ref).isEqualTo("7.24.0");
        // the form-js bundled in the Tasklist of Camunda 7.24 exports schemaVersion 16
        assertThat(form.path("schemaVersion").asInt()).as("schemaVersion of %s.form", ref).isEqualTo(16);
        assertReadableIds(form.path("components"), ref);
        Map<String, JsonNode> fields = fields(ref);
        for (RecordComponent component : generic(handled.getValue(), 0).getRecordComponents()) {
          JsonNode values = fields.get(component.getName()).path("values");
          if (component.getType().isEnum()) {
            java.util.List<String> offered = new java.util.ArrayList<>();
            values.forEach(v -> offered.add(v.path("value").asText()));
            assertThat(offered).as("choices of %s in %s.form", component.getName(), ref).containsExactlyInAnyOrderElementsOf(
                java.util.Arrays.stream(component.getType().getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList());
          }
        }
      }
    }
  }

  /** Readable ids as in Camunda's naming table; Modeler's generated ids look like Field_0abc123. */
  private static void assertReadableIds(JsonNode components, String ref) {
    for (JsonNode component : components) {
      assertThat(component.path("id").asText()).as("readable id in %s.form", ref).matches("(Field|Group|Text)_[A-Z][A-Za-z0-9]*");
      assertReadableIds(component.path("components"), ref);
    }
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
