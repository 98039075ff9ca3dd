package org.invisiblebars.modelchange.usecase;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CatchEvent;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.EventDefinition;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.DmnElement;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.LiteralExpression;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.model.dmn.instance.Text;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * What a process owner's changed model changes against the live version, in lines a director can
 * read before approving it: tasks and who works on them, timers and conditions of a BPMN file, the
 * rules of a DMN file's decision tables, the fields of a Camunda Form. Lines come in the order of
 * the changed file, then what it no longer has. Pure: nothing is deployed or stored.
 */
public final class ModelDiff {

  static final String UNCHANGED = "Unchanged";
  static final String NO_PROCESS_CHANGE =
      "No change to tasks, timers or conditions; the diagram or other attributes changed";
  static final String NO_DECISION_CHANGE = "No change to rules; other attributes changed";
  static final String NO_FORM_CHANGE = "No change to fields; layout or other attributes changed";

  private static final ObjectMapper JSON = new ObjectMapper();

  private ModelDiff() {}

  /**
   * What changed in the processes of a BPMN file: `live` is null when no version is deployed yet.
   */
  public static List<String> bpmn(byte[] live, byte[] changed) {
    Map<String, Process> after = processes(readBpmn(changed, "changed"));
    Map<String, Process> before = live == null ? Map.of() : processes(readBpmn(live, "live"));
    if (live != null && sameText(live, changed)) {
      return List.of(UNCHANGED);
    }
    List<String> lines = new ArrayList<>();
    for (Process process : after.values()) {
      Process old = before.get(process.getId());
      if (old == null) {
        long tasks =
            flowElements(process).values().stream().filter(UserTask.class::isInstance).count();
        lines.add(
            "New process " + named(process.getName(), process.getId()) + " with " + count(tasks));
      } else {
        lines.addAll(processChanges(old, process));
      }
    }
    for (Process old : before.values()) {
      if (!after.containsKey(old.getId())) {
        lines.add("Process removed: " + named(old.getName(), old.getId()));
      }
    }
    if (lines.isEmpty() && live != null) {
      lines.add(NO_PROCESS_CHANGE);
    }
    return List.copyOf(lines);
  }

  /** What changed in the decisions of a DMN file; `live` may be null. */
  public static List<String> dmn(byte[] live, byte[] changed) {
    Map<String, Decision> after = decisions(readDmn(changed, "changed"));
    Map<String, Decision> before = live == null ? Map.of() : decisions(readDmn(live, "live"));
    if (live != null && sameText(live, changed)) {
      return List.of(UNCHANGED);
    }
    List<String> lines = new ArrayList<>();
    for (Decision decision : after.values()) {
      Decision old = before.get(decision.getId());
      if (old == null) {
        String rules =
            decision.getExpression() instanceof DecisionTable table
                ? " with " + table.getRules().size() + " rules"
                : "";
        lines.add("New decision " + named(decision.getName(), decision.getId()) + rules);
      } else {
        lines.addAll(decisionChanges(old, decision));
      }
    }
    for (Decision old : before.values()) {
      if (!after.containsKey(old.getId())) {
        lines.add("Decision removed: " + named(old.getName(), old.getId()));
      }
    }
    if (lines.isEmpty() && live != null) {
      lines.add(NO_DECISION_CHANGE);
    }
    return List.copyOf(lines);
  }

  /** What changed in a Camunda Form; `live` may be null. */
  public static List<String> form(byte[] live, byte[] changed) {
    JsonNode after = readForm(changed, "changed");
    JsonNode before = live == null ? null : readForm(live, "live");
    String form = "'" + after.path("id").asText("") + "'";
    if (before == null) {
      return List.of("New form " + form);
    }
    if (sameText(live, changed)) {
      return List.of(UNCHANGED);
    }
    Map<String, JsonNode> fields = components(after);
    Map<String, JsonNode> oldFields = components(before);
    List<String> lines = new ArrayList<>();
    for (Map.Entry<String, JsonNode> field : fields.entrySet()) {
      JsonNode now = field.getValue();
      JsonNode old = oldFields.get(field.getKey());
      String name = named(text(now, "label"), field.getKey());
      if (old == null) {
        lines.add("Field added to form " + form + ": " + name);
        continue;
      }
      List<String> changes = fieldChanges(old, now);
      if (!changes.isEmpty()) {
        lines.add(
            "Field changed in form " + form + ": " + name + ": " + String.join("; ", changes));
      }
      if (isText(old) && isText(now) && !Objects.equals(text(old, "text"), text(now, "text"))) {
        lines.add("Text changed in form " + form + " (" + field.getKey() + ")");
      }
    }
    for (Map.Entry<String, JsonNode> old : oldFields.entrySet()) {
      if (!fields.containsKey(old.getKey())) {
        String name = named(text(old.getValue(), "label"), old.getKey());
        lines.add("Field removed from form " + form + ": " + name);
      }
    }
    if (lines.isEmpty()) {
      lines.add(NO_FORM_CHANGE);
    }
    return List.copyOf(lines);
  }

  // ---- BPMN

  private static BpmnModelInstance readBpmn(byte[] xml, String which) {
    if (xml == null) {
      throw new IllegalArgumentException("The " + which + " BPMN model is missing");
    }
    try {
      return Bpmn.readModelFromStream(new ByteArrayInputStream(xml));
    } catch (RuntimeException unreadable) {
      throw new IllegalArgumentException(
          "The " + which + " BPMN model could not be read: " + reason(unreadable), unreadable);
    }
  }

  /** The executable processes of a file by id, in the file's order. */
  private static Map<String, Process> processes(BpmnModelInstance model) {
    return byId(
        model.getModelElementsByType(Process.class).stream().filter(Process::isExecutable).toList(),
        Process::getId);
  }

  /** Every flow element of a process by id, those of its sub processes included. */
  private static Map<String, FlowElement> flowElements(Process process) {
    Map<String, FlowElement> elements = new LinkedHashMap<>();
    collect(process.getFlowElements(), elements);
    return elements;
  }

  private static void collect(Iterable<FlowElement> children, Map<String, FlowElement> elements) {
    for (FlowElement element : children) {
      elements.put(element.getId(), element);
      if (element instanceof SubProcess subProcess) {
        collect(subProcess.getFlowElements(), elements);
      }
    }
  }

  /** The lines for a process that is both live and changed. */
  private static List<String> processChanges(Process live, Process changed) {
    Map<String, FlowElement> before = flowElements(live);
    Map<String, FlowElement> after = flowElements(changed);
    List<String> lines = new ArrayList<>();
    for (UserTask task : ofType(after, UserTask.class)) {
      if (!(before.get(task.getId()) instanceof UserTask old)) {
        lines.add("Task added: " + named(task.getName(), task.getId()) + assignment(task));
        continue;
      }
      if (!Objects.equals(blankToNull(old.getName()), blankToNull(task.getName()))) {
        lines.add(
            "Task renamed: "
                + orNone(quoted(old.getName()))
                + " → "
                + orNone(quoted(task.getName()))
                + " ("
                + task.getId()
                + ")");
      }
      List<String> changes = taskChanges(old, task);
      if (!changes.isEmpty()) {
        lines.add(
            "Task changed: "
                + named(task.getName(), task.getId())
                + ": "
                + String.join("; ", changes));
      }
    }
    for (UserTask old : ofType(before, UserTask.class)) {
      if (!(after.get(old.getId()) instanceof UserTask)) {
        lines.add("Task removed: " + named(old.getName(), old.getId()));
      }
    }
    String added = otherSteps(after, before);
    if (!added.isEmpty()) {
      lines.add("Other steps added: " + added);
    }
    String removed = otherSteps(before, after);
    if (!removed.isEmpty()) {
      lines.add("Other steps removed: " + removed);
    }
    for (CatchEvent event : ofType(after, CatchEvent.class)) {
      if (before.get(event.getId()) instanceof CatchEvent old) {
        Timer was = Timer.of(old);
        Timer is = Timer.of(event);
        if (!Objects.equals(was, is)) {
          lines.add(
              "Timer changed: "
                  + named(event.getName(), event.getId())
                  + ": "
                  + Timer.change(was, is));
        }
      }
    }
    for (SequenceFlow flow : ofType(after, SequenceFlow.class)) {
      if (before.get(flow.getId()) instanceof SequenceFlow old) {
        String was = condition(old);
        String is = condition(flow);
        if (!Objects.equals(was, is)) {
          lines.add(
              "Condition changed on flow "
                  + named(flow.getName(), flow.getId())
                  + ": "
                  + orNone(was)
                  + " → "
                  + orNone(is));
        }
      }
    }
    return lines;
  }

  /** Who works on a new task, e.g. {@code , candidate groups director}. */
  private static String assignment(UserTask task) {
    StringBuilder who = new StringBuilder();
    appendIfSet(who, "candidate groups", task.getCamundaCandidateGroups());
    appendIfSet(who, "candidate users", task.getCamundaCandidateUsers());
    appendIfSet(who, "assignee", task.getCamundaAssignee());
    return who.toString();
  }

  private static void appendIfSet(StringBuilder line, String what, String value) {
    if (blankToNull(value) != null) {
      line.append(", ").append(what).append(' ').append(value.strip());
    }
  }

  /** Who works on a task, when it is due, and which form it shows. */
  private static List<String> taskChanges(UserTask live, UserTask changed) {
    List<String> changes = new ArrayList<>();
    compare(
        changes,
        "candidate groups",
        live.getCamundaCandidateGroups(),
        changed.getCamundaCandidateGroups());
    compare(
        changes,
        "candidate users",
        live.getCamundaCandidateUsers(),
        changed.getCamundaCandidateUsers());
    compare(changes, "assignee", live.getCamundaAssignee(), changed.getCamundaAssignee());
    compare(changes, "due date", live.getCamundaDueDate(), changed.getCamundaDueDate());
    compare(changes, "form", live.getCamundaFormRef(), changed.getCamundaFormRef());
    return changes;
  }

  /** The flow nodes other than user tasks that {@code these} has and {@code those} has not. */
  private static String otherSteps(Map<String, FlowElement> these, Map<String, FlowElement> those) {
    return these.values().stream()
        .filter(e -> e instanceof FlowNode && !(e instanceof UserTask))
        .filter(e -> !(those.get(e.getId()) instanceof FlowNode))
        .map(e -> named(e.getName(), e.getId()))
        .collect(Collectors.joining(", "));
  }

  private static String condition(SequenceFlow flow) {
    ConditionExpression condition = flow.getConditionExpression();
    return condition == null ? null : blankToNull(condition.getTextContent());
  }

  /** A timer as written: its kind (date, duration, cycle) and its expression. */
  private record Timer(String kind, String expression) {

    static Timer of(CatchEvent event) {
      for (EventDefinition definition : event.getEventDefinitions()) {
        if (definition instanceof TimerEventDefinition timer) {
          if (timer.getTimeDate() != null) {
            return new Timer("date", timer.getTimeDate().getTextContent().strip());
          }
          if (timer.getTimeDuration() != null) {
            return new Timer("duration", timer.getTimeDuration().getTextContent().strip());
          }
          if (timer.getTimeCycle() != null) {
            return new Timer("cycle", timer.getTimeCycle().getTextContent().strip());
          }
          return new Timer("undefined", "");
        }
      }
      return null;
    }

    /** {@code P30D → P45D}, naming the kinds only when they differ. */
    static String change(Timer was, Timer is) {
      boolean sameKind = was != null && is != null && was.kind.equals(is.kind);
      return describe(was, sameKind) + " → " + describe(is, sameKind);
    }

    private static String describe(Timer timer, boolean sameKind) {
      if (timer == null) {
        return "no timer";
      }
      return sameKind ? timer.expression : (timer.kind + " " + timer.expression).strip();
    }
  }

  // ---- DMN

  private static DmnModelInstance readDmn(byte[] xml, String which) {
    if (xml == null) {
      throw new IllegalArgumentException("The " + which + " DMN model is missing");
    }
    try {
      return Dmn.readModelFromStream(new ByteArrayInputStream(xml));
    } catch (RuntimeException unreadable) {
      throw new IllegalArgumentException(
          "The " + which + " DMN model could not be read: " + reason(unreadable), unreadable);
    }
  }

  /** The decisions of a file by id, in the file's order. */
  private static Map<String, Decision> decisions(DmnModelInstance model) {
    return byId(model.getModelElementsByType(Decision.class), Decision::getId);
  }

  /** The lines for a decision that is both live and changed. */
  private static List<String> decisionChanges(Decision live, Decision changed) {
    String decision =
        quoted(Objects.requireNonNullElse(blankToNull(changed.getName()), changed.getId()));
    List<String> lines = new ArrayList<>();
    if (live.getExpression() instanceof LiteralExpression was
        && changed.getExpression() instanceof LiteralExpression is) {
      String before = textOf(was.getText());
      String after = textOf(is.getText());
      if (!before.equals(after)) {
        lines.add("Expression of " + decision + " changed: " + before + " → " + after);
      }
      return lines;
    }
    if (!(live.getExpression() instanceof DecisionTable old)
        || !(changed.getExpression() instanceof DecisionTable table)) {
      return lines;
    }
    String hitPolicy = hitPolicy(table);
    if (!hitPolicy(old).equals(hitPolicy)) {
      lines.add("Hit policy of " + decision + ": " + hitPolicy(old) + " → " + hitPolicy);
    }
    columns(lines, "Input", decision, byId(old.getInputs()), byId(table.getInputs()));
    columns(lines, "Output", decision, byId(old.getOutputs()), byId(table.getOutputs()));
    rules(lines, decision, old.getRules().stream().toList(), table.getRules().stream().toList());
    return lines;
  }

  private static String hitPolicy(DecisionTable table) {
    return table.getAggregation() == null
        ? table.getHitPolicy().name()
        : table.getHitPolicy().name() + " " + table.getAggregation().name();
  }

  /** Input or output columns added to or removed from a decision table. */
  private static <T extends DmnElement> void columns(
      List<String> lines,
      String kind,
      String decision,
      Map<String, T> live,
      Map<String, T> changed) {
    for (T column : changed.values()) {
      if (!live.containsKey(column.getId())) {
        lines.add(kind + " added to " + decision + ": " + columnName(column));
      }
    }
    for (T column : live.values()) {
      if (!changed.containsKey(column.getId())) {
        lines.add(kind + " removed from " + decision + ": " + columnName(column));
      }
    }
  }

  /** A column's label, else what it reads (an input) or its name (an output), else its id. */
  private static String columnName(DmnElement column) {
    String name = null;
    if (column instanceof Input input) {
      name = blankToNull(input.getLabel());
      if (name == null && input.getInputExpression() != null) {
        name = blankToNull(textOf(input.getInputExpression().getText()));
      }
    } else if (column instanceof Output output) {
      name = Objects.requireNonNullElse(blankToNull(output.getLabel()), output.getName());
    }
    return quoted(Objects.requireNonNullElse(blankToNull(name), column.getId()));
  }

  /** Rules added, changed and removed, and whether the rules they share are in a new order. */
  private static void rules(
      List<String> lines, String decision, List<Rule> live, List<Rule> changed) {
    Map<String, Rule> before = byId(live, Rule::getId);
    Map<String, Rule> after = byId(changed, Rule::getId);
    for (int i = 0; i < changed.size(); i++) {
      Rule rule = changed.get(i);
      String which = "rule " + (i + 1) + " (" + rule.getId() + "): ";
      Rule old = before.get(rule.getId());
      if (old == null) {
        lines.add("Rule added to " + decision + ": " + which + RuleText.of(rule));
      } else if (!RuleText.of(old).equals(RuleText.of(rule))) {
        lines.add(
            "Rule changed in "
                + decision
                + ": "
                + which
                + RuleText.of(old)
                + " became "
                + RuleText.of(rule));
      }
    }
    for (int i = 0; i < live.size(); i++) {
      Rule old = live.get(i);
      if (!after.containsKey(old.getId())) {
        lines.add(
            "Rule removed from "
                + decision
                + ": rule "
                + (i + 1)
                + " ("
                + old.getId()
                + "): "
                + RuleText.of(old));
      }
    }
    List<String> keptBefore = live.stream().map(Rule::getId).filter(after::containsKey).toList();
    List<String> keptAfter = changed.stream().map(Rule::getId).filter(before::containsKey).toList();
    if (!keptBefore.equals(keptAfter)) {
      lines.add("Rules reordered in " + decision);
    }
  }

  /** A rule as a director reads it: its input entries, then its output entries. */
  private record RuleText(List<String> inputs, List<String> outputs) {

    static RuleText of(Rule rule) {
      return new RuleText(
          rule.getInputEntries().stream().map(entry -> entry(entry.getText())).toList(),
          rule.getOutputEntries().stream().map(entry -> entry(entry.getText())).toList());
    }

    private static String entry(Text text) {
      String written = textOf(text);
      return written.isEmpty() ? "-" : written;
    }

    @Override
    public String toString() {
      return String.join(" | ", inputs) + " → " + String.join(" | ", outputs);
    }
  }

  private static String textOf(Text text) {
    return text == null || text.getTextContent() == null ? "" : text.getTextContent().strip();
  }

  // ---- Forms

  private static JsonNode readForm(byte[] json, String which) {
    if (json == null) {
      throw new IllegalArgumentException("The " + which + " form is missing");
    }
    JsonNode form;
    try {
      form = JSON.readTree(json);
    } catch (JacksonException unreadable) {
      throw new IllegalArgumentException(
          "The " + which + " form could not be read as JSON: " + unreadable.getOriginalMessage(),
          unreadable);
    } catch (IOException unreadable) {
      throw new IllegalArgumentException(
          "The " + which + " form could not be read: " + unreadable.getMessage(), unreadable);
    }
    if (form == null || !form.isObject()) {
      throw new IllegalArgumentException(
          "The " + which + " form could not be read: it is not a JSON object");
    }
    return form;
  }

  /** Every component of a form, through groups and other containers, by key or else by id. */
  private static Map<String, JsonNode> components(JsonNode form) {
    Map<String, JsonNode> components = new LinkedHashMap<>();
    collect(form, components);
    return components;
  }

  private static void collect(JsonNode container, Map<String, JsonNode> components) {
    for (JsonNode component : container.path("components")) {
      String key = Objects.requireNonNullElse(text(component, "key"), text(component, "id"));
      if (key != null) {
        components.putIfAbsent(key, component);
      }
      collect(component, components);
    }
  }

  /** What a director sees change in a field: label, type, validation, options, readonly. */
  private static List<String> fieldChanges(JsonNode live, JsonNode changed) {
    List<String> changes = new ArrayList<>();
    compare(changes, "label", quoted(text(live, "label")), quoted(text(changed, "label")));
    compare(changes, "type", text(live, "type"), text(changed, "type"));
    compare(changes, "required", required(live), required(changed));
    compare(changes, "validation", validation(live), validation(changed));
    compare(changes, "options", json(live.get("values")), json(changed.get("values")));
    compare(changes, "readonly", readonly(live), readonly(changed));
    return changes;
  }

  private static String required(JsonNode field) {
    return String.valueOf(field.path("validate").path("required").asBoolean(false));
  }

  /** The validation other than {@code required}, which has a part of its own. */
  private static String validation(JsonNode field) {
    if (!(field.get("validate") instanceof ObjectNode validate)) {
      return json(field.get("validate"));
    }
    ObjectNode rest = validate.deepCopy();
    rest.remove("required");
    return rest.isEmpty() ? null : rest.toString();
  }

  private static String readonly(JsonNode field) {
    JsonNode readonly = field.get("readonly");
    return readonly == null || readonly.isNull() ? "false" : readonly.asText();
  }

  private static boolean isText(JsonNode component) {
    return "text".equals(text(component, "type"));
  }

  /** A property's text, or null when the component has none. */
  private static String text(JsonNode node, String property) {
    JsonNode value = node.get(property);
    return value == null || value.isNull() || value.isContainerNode()
        ? null
        : blankToNull(value.asText());
  }

  private static String json(JsonNode node) {
    return node == null || node.isNull() ? null : node.toString();
  }

  // ---- Shared

  /** The innermost message: the parser's line and reason rather than its wrapper's. */
  private static String reason(Throwable thrown) {
    String reason = thrown.getMessage();
    for (Throwable cause = thrown.getCause(); cause != null; cause = cause.getCause()) {
      if (cause.getMessage() != null) {
        reason = cause.getMessage();
      }
    }
    return reason;
  }

  /** The same file saved on Windows or with a final newline is the same file. */
  private static boolean sameText(byte[] live, byte[] changed) {
    return normalised(live).equals(normalised(changed));
  }

  private static String normalised(byte[] content) {
    return new String(content, StandardCharsets.UTF_8)
        .replace("\r\n", "\n")
        .replace('\r', '\n')
        .strip();
  }

  private static <T> Map<String, T> byId(Iterable<? extends T> elements, Function<T, String> id) {
    Map<String, T> byId = new LinkedHashMap<>();
    for (T element : elements) {
      byId.putIfAbsent(id.apply(element), element);
    }
    return byId;
  }

  private static <T extends DmnElement> Map<String, T> byId(Iterable<? extends T> elements) {
    return byId(elements, DmnElement::getId);
  }

  private static <T extends ModelElementInstance> List<T> ofType(
      Map<String, FlowElement> elements, Class<T> type) {
    return elements.values().stream().filter(type::isInstance).map(type::cast).toList();
  }

  /** Adds {@code what before → after} when the two differ; a missing value reads "none". */
  private static void compare(List<String> changes, String what, String before, String after) {
    String was = blankToNull(before);
    String is = blankToNull(after);
    if (!Objects.equals(was, is)) {
      changes.add(what + " " + orNone(was) + " → " + orNone(is));
    }
  }

  /** {@code 'Name' (id)}, or {@code (id)} for an element without a name. */
  private static String named(String name, String id) {
    String quoted = quoted(name);
    return quoted == null ? "(" + id + ")" : quoted + " (" + id + ")";
  }

  private static String quoted(String name) {
    String text = blankToNull(name);
    return text == null ? null : "'" + text + "'";
  }

  private static String count(long userTasks) {
    return userTasks == 1 ? "1 user task" : userTasks + " user tasks";
  }

  private static String orNone(String value) {
    return value == null ? "none" : value;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
