package org.invisiblebars.platform.task;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.BpmnParseException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.task.listener.DelegateExpressionTaskListener;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.invisiblebars.platform.audit.DecisionLog;
import org.invisiblebars.platform.audit.DecisionLogEntry;
import org.invisiblebars.platform.process.Confidential;
import org.invisiblebars.platform.process.UserTaskParsing;
import org.invisiblebars.platform.validation.ConflictException;
import org.invisiblebars.platform.validation.InputRules;
import org.invisiblebars.platform.validation.InvalidInputException;
import org.invisiblebars.platform.validation.InvalidInputException.FieldProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.stereotype.Component;

/**
 * Attaches each user task's {@link UserTaskHandler} when a model is parsed, as {@code SlaDueDates}
 * attaches due dates, so no model names a listener and a renamed task cannot silently lose its
 * handler: a process of ours (one that has handlers) whose user task has none is refused at
 * deployment, naming the task. Processes of other keys (a process owner's own) get none.
 *
 * <p>On create it sets the case's {@link CaseLabel} (reference, organisation, facility) as plain
 * task-local variables and what the handler's display record holds as task-local {@link
 * Confidential} variables (or prefills); on complete it binds and validates the handler's form
 * record, runs the handler, writes its decision-log entries, removes the form's and the display's
 * fields again (the process keeps ids and flags only) and sets its flags. Invalid input fails the
 * completion with the form validation error that Tasklist and the engine REST API show, naming each
 * field by its label; nothing is saved, since the completion's transaction rolls back.
 *
 * <p>Handlers are looked up by their class's {@link UserTaskHandlerFor}, not instantiated, while
 * the engine starts: they depend on use cases that depend on the engine.
 */
@Component
public class UserTaskHandlers extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(UserTaskHandlers.class);

  /** The task listeners of our models before each user task had a handler (issue 12). */
  static final Set<String> RETIRED_LISTENERS =
      Set.of("${accreditationTaskListener}", "${visitTaskListener}", "${reportTaskListener}");

  private final ListableBeanFactory beans;
  private final ObjectProvider<InputRules> rules;
  private final ObjectProvider<DecisionLog> decisionLog;
  private final ObjectProvider<CaseLabels> labelsOfCases;
  private final Clock clock;
  private final FormLabels labels = new FormLabels();
  private volatile Map<String, Map<String, String>> catalogue;

  UserTaskHandlers(
      ListableBeanFactory beans,
      ObjectProvider<InputRules> rules,
      ObjectProvider<DecisionLog> decisionLog,
      ObjectProvider<CaseLabels> labelsOfCases,
      Clock clock) {
    this.beans = beans;
    this.labelsOfCases = labelsOfCases;
    this.rules = rules;
    this.decisionLog = decisionLog;
    this.clock = clock;
  }

  /**
   * Whether the deployment being parsed on this thread is new (being deployed now) rather than an
   * earlier one the engine re-reads into its cache: set by a pre-deployer, which the engine runs
   * for every deployment it parses, on the same thread, just before its parsers.
   */
  private static final ThreadLocal<Boolean> PARSING_NEW = ThreadLocal.withInitial(() -> true);

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    UserTaskParsing.beforeEveryDeployment(
        configuration, deployment -> PARSING_NEW.set(deployment.isNew()));
    UserTaskParsing.forEveryUserTask(
        configuration,
        (processKey, taskKey, definition, element) -> {
          retireListeners(definition);
          attach(processKey, taskKey, definition, element);
        });
  }

  /**
   * Drops the listeners that earlier versions of our models named on every user task, before
   * handlers existed: instances started on those versions run on, with the task's handler in their
   * place (the task ids are the same), instead of failing on a bean that no longer exists.
   */
  static void retireListeners(TaskDefinition definition) {
    for (List<TaskListener> listeners : definition.getTaskListeners().values()) {
      listeners.removeIf(
          listener ->
              listener instanceof DelegateExpressionTaskListener named
                  && RETIRED_LISTENERS.contains(named.getExpressionText()));
    }
  }

  /** Process key to task definition key to the name of the handler's bean. */
  Map<String, Map<String, String>> catalogue() {
    if (catalogue == null) {
      Map<String, Map<String, String>> found = new HashMap<>();
      for (String name : beans.getBeanNamesForAnnotation(UserTaskHandlerFor.class)) {
        UserTaskHandlerFor target =
            AnnotationUtils.findAnnotation(beans.getType(name, false), UserTaskHandlerFor.class);
        String previous =
            found.computeIfAbsent(target.process(), k -> new HashMap<>()).put(target.task(), name);
        if (previous != null) {
          throw new IllegalStateException(
              "two handlers for task "
                  + target.task()
                  + " of "
                  + target.process()
                  + ": "
                  + previous
                  + ", "
                  + name);
        }
      }
      catalogue = Map.copyOf(found);
    }
    return catalogue;
  }

  /**
   * Whether a handler serves user task {@code taskKey} of process {@code processKey}: its tasks
   * carry their case's label ({@link CaseLabel}).
   */
  public boolean handles(String processKey, String taskKey) {
    Map<String, String> handlers = catalogue().get(processKey);
    return handlers != null && handlers.containsKey(taskKey);
  }

  /**
   * Why a new deployment may not have the user task {@code taskKey} in process {@code processKey}:
   * the process is one of ours and no handler serves the task; empty for a task with a handler and
   * for processes without handlers. The deployment guard lists it with a deployment's other missing
   * items, before the engine parses the model (which refuses it too, for deployments the guard does
   * not check).
   */
  public Optional<String> missingHandler(String processKey, String taskKey) {
    Map<String, String> handlers = catalogue().get(processKey);
    if (handlers == null || handlers.containsKey(taskKey)) {
      return Optional.empty();
    }
    return Optional.of(
        "The user task "
            + taskKey
            + " of process "
            + processKey
            + " has no handler: a task of this process is one the application knows (its form, its"
            + " rules, its decision log). Keep the task's id, or add a handler for the new task"
            + " before deploying.");
  }

  private void attach(
      String processKey, String taskKey, TaskDefinition definition, Element userTaskElement) {
    Map<String, String> handlers = catalogue().get(processKey);
    if (handlers == null) {
      return;
    }
    String bean = handlers.get(taskKey);
    if (bean == null && !PARSING_NEW.get()) {
      retired(processKey, taskKey, definition);
      return;
    }
    if (bean == null) {
      throw new BpmnParseException(
          missingHandler(processKey, taskKey).orElseThrow(), userTaskElement);
    }
    definition.addBuiltInTaskListener(
        TaskListener.EVENTNAME_CREATE, task -> created(handler(bean), task));
    definition.addBuiltInTaskListener(
        TaskListener.EVENTNAME_COMPLETE, task -> completing(handler(bean), task));
  }

  /**
   * A task of an earlier version of one of our models that no handler serves any more (renamed or
   * replaced since, e.g. the review's meeting task became a call activity): the engine re-reads
   * that version after a restart for the instances still on it, which must not fail to load (their
   * timers and other tasks go on). Completing the task itself is refused as a conflict saying what
   * to do, since nothing knows its form, rules or decision log any more.
   */
  private static void retired(String processKey, String taskKey, TaskDefinition definition) {
    LOG.warn(
        "User task {} of an earlier version of {} has no handler any more: its instances need a"
            + " migration to the current version",
        taskKey,
        processKey);
    definition.addBuiltInTaskListener(
        TaskListener.EVENTNAME_COMPLETE,
        task -> {
          throw new ConflictException(
              "The task "
                  + taskKey
                  + " belongs to an earlier version of "
                  + processKey
                  + " that the application no longer supports: an administrator migrates the"
                  + " instance to the current version, then the task can be done");
        });
  }

  @SuppressWarnings("unchecked")
  private UserTaskHandler<Record, Record> handler(String bean) {
    return beans.getBean(bean, UserTaskHandler.class);
  }

  void created(UserTaskHandler<Record, Record> handler, DelegateTask task) {
    TaskCase open =
        new TaskCase(task, TaskCase.recordId(task, handler.process().idVariable()), null);
    handler.created(open);
    label(task, handler.process().subjectType(), open.id());
    Record display = handler.display(open);
    for (RecordComponent component : handler.displayType().getRecordComponents()) {
      Object value = display == null ? null : shown(read(display, component.getAccessor()));
      Confidential readers = handler.readersOf(component.getName());
      if (component.isAnnotationPresent(Prefilled.class)) {
        readers.prefill(task, component.getName(), value);
      } else {
        readers.show(task, component.getName(), value);
      }
    }
  }

  /**
   * Sets the case's {@link CaseLabel} on the task: the columns of Tasklist's filters and its cards,
   * readable by whoever may read the task (plain values: names and a reference, nothing
   * confidential).
   */
  private void label(DelegateTask task, String subjectType, UUID caseId) {
    labelsOfCases.stream()
        .filter(labels -> labels.subjectType().equals(subjectType))
        .findFirst()
        .flatMap(labels -> labels.of(caseId))
        .ifPresent(
            label -> {
              task.setVariableLocal(CaseLabel.REFERENCE, label.reference());
              task.setVariableLocal(CaseLabel.ORGANISATION, label.organisationName());
              task.setVariableLocal(CaseLabel.FACILITY, label.facilityName());
            });
  }

  void completing(UserTaskHandler<Record, Record> handler, DelegateTask task) {
    CaseProcess process = handler.process();
    UUID id = TaskCase.recordId(task, process.idVariable());
    TaskCase open = new TaskCase(task, id, actor(task));
    Completion completion;
    try {
      Record form = new FormBinding(rules.getObject()).bind(handler.formType(), task::getVariable);
      completion = handler.complete(open, form);
    } catch (InvalidInputException invalid) {
      List<String> reasons = invalid.problems().stream().map(p -> labelled(task, p)).toList();
      throw new FormFieldValidationException(invalid.problems(), String.join("; ", reasons));
    }
    for (Completion.Entry entry : completion.entries()) {
      decisionLog
          .getObject()
          .save(
              new DecisionLogEntry(
                  process.subjectType(),
                  id,
                  entry.step() == null ? task.getTaskDefinitionKey() : entry.step(),
                  entry.decision(),
                  entry.reasons(),
                  open.actor(),
                  clock.instant()));
    }
    List<String> fields = new ArrayList<>();
    for (RecordComponent component : handler.formType().getRecordComponents()) {
      fields.add(component.getName());
    }
    for (RecordComponent component : handler.displayType().getRecordComponents()) {
      fields.add(component.getName());
    }
    task.removeVariablesLocal(fields);
    task.getExecution().removeVariables(fields);
    // A field may share its name with the flag it decides (mandateVerified): flags are set after
    // the removal.
    task.getExecution().setVariables(completion.flags());
    stillOpen(task);
  }

  private String labelled(DelegateTask task, FieldProblem problem) {
    return problem.field().isEmpty()
        ? problem.problem()
        : labels.of(task, problem.field()) + ": " + problem.problem();
  }

  /** Who completes the task: the signed-in user, else the assignee. */
  private static String actor(DelegateTask task) {
    Authentication authentication =
        task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (authentication != null && authentication.getUserId() != null) {
      return authentication.getUserId();
    }
    return task.getAssignee() != null ? task.getAssignee() : "system";
  }

  /**
   * Refuses a completion whose task someone else completed meanwhile. The use case locks its
   * record, so when two people complete one task at once the second waits for the first to commit;
   * the engine, reading its rows before that, would refuse the second only when writing it, after
   * the steps that follow the task had run on what it read. Once the lock is held the first
   * completion is committed and visible: the task is gone.
   */
  private static void stillOpen(DelegateTask task) {
    if (task.getProcessEngineServices()
            .getTaskService()
            .createTaskQuery()
            .taskId(task.getId())
            .count()
        == 0) {
      throw new ConflictException(
          "The task "
              + task.getName()
              + " was completed by someone else at the same moment, so nothing of"
              + " this completion was saved. Reload the task list.");
    }
  }

  private static Object read(Record display, Method accessor) {
    try {
      accessor.setAccessible(true);
      return accessor.invoke(display);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(
          "cannot read " + accessor.getName() + " of " + display.getClass().getSimpleName(), e);
    }
  }

  /** What a form field holds: a text, a whole number or a flag; a choice by its constant's name. */
  private static Object shown(Object value) {
    if (value == null
        || value instanceof String
        || value instanceof Integer
        || value instanceof Boolean) {
      return value;
    }
    return value instanceof Enum<?> choice ? choice.name() : value.toString();
  }
}
