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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
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
  /** The form-js bundled in the Camunda 7.24 Tasklist webjar exports schemaVersion 16. */
  private static final int TASKLIST_SCHEMA_VERSION = 16;
  /** Readable ids as in Camunda's naming table; Modeler's generated ids look like Field_0abc123. */
  private static final Pattern READABLE_ID = Pattern.compile("(Field|Group|Text)_[A-Z][A-Za-z0-9]*");

  /** Process key, then task id, then the task's formRef. */
  private final Map<String, Map<String, String>> userTasks = new TreeMap<>();
  /** Process key, then task id, then the handler's class. */
  private final Map<String, Map<String, Class<?>>> handlers = new TreeMap<>();
  /** Process key and task id, then the task's formRefBinding. */
  private final Map<String, String> bindings = new HashMap<>();
  /** Tasks that still name a listener in the model (before their handler existed). */
  private final Map<String, Set<String>> legacy = new HashMap<>();

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
          bindings.put(process.getAttribute("id") + "/" + task.getAttribute("id"), task.getAttributeNS(CAMUNDA_NS, "formRefBinding"));
          if (task.getElementsByTagNameNS(CAMUNDA_NS, "taskListener").getLength() > 0) {
            legacy.computeIfAbsent(process.getAttribute("id"), k -> new HashSet<>()).add(task.getAttribute("id"));
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
        if (!legacy.getOrDefault(process, Set.of()).contains(task)) {
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
        Class<?> display = generic(handled.getValue(), 1);
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
          boolean requiredWhen = Arrays.stream(form.getAnnotationsByType(RequiredWhen.class))
              .anyMatch(rule -> rule.field().equals(component.getName()));
          if (requiredWhen) {
            // required where the form shows it: the form hides it otherwise, the record checks when it applies
            assertThat(validate.path("required").asBoolean(false) && field.path("conditional").has("hide"))
                .as("%s is required in the form and shown only when the record requires it", where).isTrue();
          } else if (!required && validate.path("required").asBoolean(false) && shownBy(field, display) != null) {
            // required where a flag the handler shows from the records (continuityPlanRequired) reveals it: the use case checks it
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
        Map<String, RecordComponent> shown = new HashMap<>();
        for (RecordComponent component : display.getRecordComponents()) {
          shown.put(component.getName(), component);
          JsonNode field = fields.get(component.getName());
          String where = component.getName() + " of " + display.getName() + " in " + ref + ".form";
          if (field == null) {
            // not a field: a flag the form's conditions read to show or hide fields
            assertThat(conditions(ref)).as("%s is a field or a flag the form's conditions read", where)
                .anyMatch(condition -> condition.matches("(?s).*\\b" + component.getName() + "\\b.*"));
            continue;
          }
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

  /**
   * What {@code FormsContract} checked of each process's forms, for every form a handler serves:
   * bound to the deployment, made for the Tasklist of Camunda 7.24, readable unique ids, unique
   * labelled keys, the input each component's type needs, and displayed values read-only but not
   * disabled (form-js leaves disabled fields out and they look unavailable rather than informative).
   */
  @Test
  void handledFormsAreFormsOfTheTasklistOfCamunda724WithTheInputsTheRecordsRead() throws Exception {
    for (var process : handlers.entrySet()) {
      for (var handled : process.getValue().entrySet()) {
        String ref = userTasks.get(process.getKey()).get(handled.getKey());
        assertThat(bindings.get(process.getKey() + "/" + handled.getKey())).as("formRefBinding of %s", handled.getKey())
            .isEqualTo("deployment");
        JsonNode document = JSON.readTree(Path.of("forms", ref + ".form").toFile());
        assertThat(document.path("id").asText()).as("id of %s.form", ref).isEqualTo(ref);
        assertThat(document.path("executionPlatform").asText()).as("executionPlatform of %s.form", ref).isEqualTo("Camunda Platform");
        assertThat(document.path("executionPlatformVersion").asText()).as("executionPlatformVersion of %s.form", ref).isEqualTo("7.24.0");
        assertThat(document.path("schemaVersion").asInt(Integer.MAX_VALUE)).as("schemaVersion of %s.form", ref)
            .isBetween(1, TASKLIST_SCHEMA_VERSION);
        Set<String> ids = new HashSet<>();
        Set<String> keys = new HashSet<>();
        for (JsonNode component : components(ref)) {
          assertThat(component.path("id").asText()).as("component id in %s", ref).matches(READABLE_ID);
          assertThat(ids.add(component.path("id").asText())).as("id %s is unique in %s", component.path("id"), ref).isTrue();
          if (component.hasNonNull("key")) {
            assertThat(keys.add(component.get("key").asText())).as("key %s is unique in %s", component.get("key"), ref).isTrue();
            assertThat(component.path("label").asText()).as("label of %s in %s", component.get("key"), ref).isNotBlank();
          }
        }
        Map<String, JsonNode> fields = fields(ref);
        for (RecordComponent component : generic(handled.getValue(), 0).getRecordComponents()) {
          JsonNode field = fields.get(component.getName());
          assertThat(field.path("type").asText()).as("type of %s in %s", component.getName(), ref).isIn(inputsFor(component.getType()));
          if (field.path("type").asText().equals("number")) {
            assertThat(field.path("decimalDigits").asInt(-1)).as("%s takes whole numbers in %s", component.getName(), ref).isZero();
          }
        }
        for (RecordComponent component : generic(handled.getValue(), 1).getRecordComponents()) {
          JsonNode field = fields.get(component.getName());
          if (field != null && !component.isAnnotationPresent(Prefilled.class)) {
            assertThat(field.path("readonly").asBoolean(false)).as("%s readonly in %s", component.getName(), ref).isTrue();
            assertThat(field.path("disabled").asBoolean(false)).as("%s not disabled in %s", component.getName(), ref).isFalse();
          }
        }
      }
    }
  }

  /** The form-js components that submit a value of {@code type}. */
  private static List<String> inputsFor(Class<?> type) {
    if (type.isEnum()) {
      return List.of("radio", "select");
    }
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return List.of("number");
    }
    if (type == Boolean.class || type == boolean.class) {
      return List.of("checkbox");
    }
    if (type == LocalDate.class) {
      return List.of("datetime");
    }
    return List.of("textfield", "textarea");
  }

  /** Every component of a form, those inside groups included. */
  private static List<JsonNode> components(String ref) throws Exception {
    List<JsonNode> all = new ArrayList<>();
    Deque<JsonNode> open = new ArrayDeque<>();
    open.push(JSON.readTree(Path.of("forms", ref + ".form").toFile()));
    while (!open.isEmpty()) {
      JsonNode node = open.pop();
      for (JsonNode child : node.path("components")) {
        all.add(child);
        open.push(child);
      }
    }
    return all;
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

  /** The conditions of a form's components (what hides them). */
  private static List<String> conditions(String ref) throws Exception {
    List<String> conditions = new ArrayList<>();
    for (JsonNode component : components(ref)) {
      if (component.path("conditional").has("hide")) {
        conditions.add(component.path("conditional").path("hide").asText());
      }
    }
    return conditions;
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
