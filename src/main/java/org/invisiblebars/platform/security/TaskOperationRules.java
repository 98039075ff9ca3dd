package org.invisiblebars.platform.security;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CreateAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.GetAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.GetAttachmentContentCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskAttachmentContentCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskAttachmentsCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskCommentCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskCommentsCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SaveAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.AttachmentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Attachment;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.ErrorEventDefinition;
import org.camunda.bpm.model.bpmn.instance.EscalationEventDefinition;
import org.camunda.bpm.model.bpmn.instance.EventDefinition;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.invisiblebars.platform.process.CurrentCommand;

/**
 * The checks on task commands that Camunda 7.24 lacks, run inside the command's context before the
 * command itself (see {@link TaskOperationGuard} for why and what). The commands expose their
 * arguments only as protected fields; they are read reflectively, and every field is looked up when
 * this class loads, so an engine upgrade that renames one stops the application at start instead of
 * quietly letting the command through.
 */
class TaskOperationRules extends CommandInterceptor {

  /** What a rule allows, once it has not refused. */
  enum Outcome {
    /** The command runs with the engine's own authorization checks. */
    ENGINE_CHECKS,
    /** The caller may do this although the engine would ask for more (an assignee's unclaim). */
    WITHOUT_ENGINE_CHECKS
  }

  /** A rule for one command class; it refuses by throwing the engine's own exceptions. */
  interface Rule {
    Outcome check(Command<?> command, CommandContext context);
  }

  private static final Argument ERROR_TASK = Argument.of(HandleTaskBpmnErrorCmd.class, "taskId");
  private static final Argument ERROR_CODE = Argument.of(HandleTaskBpmnErrorCmd.class, "errorCode");
  private static final Argument ESCALATION_TASK =
      Argument.of(HandleTaskEscalationCmd.class, "taskId");
  private static final Argument ESCALATION_CODE =
      Argument.of(HandleTaskEscalationCmd.class, "escalationCode");
  private static final Argument COMMENT_TASK = Argument.of(AddCommentCmd.class, "taskId");
  private static final Argument COMMENT_INSTANCE =
      Argument.of(AddCommentCmd.class, "processInstanceId");
  private static final Argument NEW_ATTACHMENT_TASK =
      Argument.of(CreateAttachmentCmd.class, "taskId");
  private static final Argument NEW_ATTACHMENT_INSTANCE =
      Argument.of(CreateAttachmentCmd.class, "processInstanceId");
  private static final Argument DELETED_ATTACHMENT =
      Argument.of(DeleteAttachmentCmd.class, "attachmentId");
  private static final Argument SAVED_ATTACHMENT =
      Argument.of(SaveAttachmentCmd.class, "attachment");
  private static final Argument READ_ATTACHMENT =
      Argument.of(GetAttachmentCmd.class, "attachmentId");
  private static final Argument READ_ATTACHMENT_CONTENT =
      Argument.of(GetAttachmentContentCmd.class, "attachmentId");
  private static final Argument CLAIM_TASK = Argument.of(ClaimTaskCmd.class, "taskId");
  private static final Argument CLAIM_USER = Argument.of(ClaimTaskCmd.class, "userId");
  private static final Argument ASSIGN_TASK = Argument.of(AssignTaskCmd.class, "taskId");
  private static final Argument ASSIGN_USER = Argument.of(AssignTaskCmd.class, "userId");
  private static final Argument RESOLVE_TASK = Argument.of(ResolveTaskCmd.class, "taskId");
  private static final Argument COMPLETE_TASK = Argument.of(CompleteTaskCmd.class, "taskId");
  private static final Argument COMPLETE_VARIABLES =
      Argument.of(CompleteTaskCmd.class, "variables");
  private static final Argument SUBMIT_TASK = Argument.of(SubmitTaskFormCmd.class, "taskId");
  private static final Argument SUBMIT_VARIABLES =
      Argument.of(SubmitTaskFormCmd.class, "properties");

  /** By the exact class of the command: a subclass is another command with rules of its own. */
  static final Map<Class<?>, Rule> RULES =
      Map.ofEntries(
          Map.entry(
              HandleTaskBpmnErrorCmd.class,
              (command, context) ->
                  modelledPath(
                      context,
                      ERROR_TASK.of(command),
                      "error",
                      ERROR_CODE.of(command),
                      TaskOperationRules::catchesError)),
          Map.entry(
              HandleTaskEscalationCmd.class,
              (command, context) ->
                  modelledPath(
                      context,
                      ESCALATION_TASK.of(command),
                      "escalation",
                      ESCALATION_CODE.of(command),
                      TaskOperationRules::catchesEscalation)),
          Map.entry(
              AddCommentCmd.class,
              (command, context) ->
                  annotate(context, COMMENT_TASK.of(command), COMMENT_INSTANCE.of(command))),
          Map.entry(
              CreateAttachmentCmd.class,
              (command, context) ->
                  annotate(
                      context,
                      NEW_ATTACHMENT_TASK.of(command),
                      NEW_ATTACHMENT_INSTANCE.of(command))),
          Map.entry(
              DeleteAttachmentCmd.class,
              (command, context) -> annotateAttachment(context, DELETED_ATTACHMENT.of(command))),
          Map.entry(
              SaveAttachmentCmd.class,
              (command, context) ->
                  annotateAttachment(
                      context, ((Attachment) SAVED_ATTACHMENT.value(command)).getId())),
          Map.entry(GetTaskCommentsCmd.class, readingTask("taskId", GetTaskCommentsCmd.class)),
          Map.entry(GetTaskCommentCmd.class, readingTask("taskId", GetTaskCommentCmd.class)),
          Map.entry(
              GetTaskAttachmentsCmd.class, readingTask("taskId", GetTaskAttachmentsCmd.class)),
          Map.entry(GetTaskAttachmentCmd.class, readingTask("taskId", GetTaskAttachmentCmd.class)),
          Map.entry(
              GetTaskAttachmentContentCmd.class,
              readingTask("taskId", GetTaskAttachmentContentCmd.class)),
          Map.entry(
              GetAttachmentCmd.class,
              (command, context) -> readAttachment(context, READ_ATTACHMENT.of(command))),
          Map.entry(
              GetAttachmentContentCmd.class,
              (command, context) -> readAttachment(context, READ_ATTACHMENT_CONTENT.of(command))),
          Map.entry(
              ClaimTaskCmd.class,
              (command, context) -> claim(context, CLAIM_TASK.of(command), CLAIM_USER.of(command))),
          Map.entry(
              AssignTaskCmd.class,
              (command, context) ->
                  assign(context, ASSIGN_TASK.of(command), ASSIGN_USER.of(command))),
          Map.entry(
              ResolveTaskCmd.class,
              (command, context) -> resolve(context, RESOLVE_TASK.of(command))),
          Map.entry(
              CompleteTaskCmd.class,
              (command, context) ->
                  completion(
                      context,
                      COMPLETE_TASK.of(command),
                      (Map<?, ?>) COMPLETE_VARIABLES.value(command))),
          Map.entry(
              SubmitTaskFormCmd.class,
              (command, context) ->
                  completion(
                      context,
                      SUBMIT_TASK.of(command),
                      (Map<?, ?>) SUBMIT_VARIABLES.value(command))));

  @Override
  public <T> T execute(Command<T> command) {
    Rule rule = RULES.get(command.getClass());
    if (rule == null) {
      return next.execute(command);
    }
    CommandContext context = CurrentCommand.context();
    if (rule.check(command, context) == Outcome.WITHOUT_ENGINE_CHECKS) {
      return context.runWithoutAuthorization(() -> next.execute(command));
    }
    return next.execute(command);
  }

  /**
   * A BPMN error or escalation thrown at a user task by hand: only a candidate, and only where a
   * boundary event on the task's own activity catches it. Otherwise the engine ends the instance
   * (an uncaught error) behind the domain's back, which no model of ours defines. This holds for
   * administrators too: they repair with process instance modification, which says what it does.
   */
  static Outcome modelledPath(
      CommandContext context,
      String taskId,
      String kind,
      String code,
      BiPredicate<EventDefinition, String> catches) {
    TaskEntity task = openTask(context, taskId);
    if (task == null || code == null || code.isBlank()) {
      return Outcome.ENGINE_CHECKS; // the command answers a missing task or code itself
    }
    check(context, checker -> checker.checkTaskWork(task));
    String activity = task.getTaskDefinitionKey();
    if (task.getProcessDefinitionId() == null) {
      throw new BadUserRequestException(
          "Task " + taskId + " is not part of a process: no " + kind + " can be thrown from it");
    }
    BpmnModelInstance model =
        context
            .getProcessEngineConfiguration()
            .getDeploymentCache()
            .findBpmnModelInstanceForProcessDefinition(task.getProcessDefinitionId());
    boolean caught =
        model.getModelElementsByType(BoundaryEvent.class).stream()
            .filter(
                boundary ->
                    boundary.getAttachedTo() != null
                        && activity.equals(boundary.getAttachedTo().getId()))
            .flatMap(boundary -> boundary.getEventDefinitions().stream())
            .anyMatch(definition -> catches.test(definition, code));
    if (!caught) {
      FlowElement element = model.getModelElementById(activity);
      String name =
          element == null || element.getName() == null ? "" : " (" + element.getName() + ")";
      throw new BadUserRequestException(
          activity
              + name
              + " has no boundary event catching the "
              + kind
              + " '"
              + code
              + "': the model defines no such path.");
    }
    return Outcome.ENGINE_CHECKS;
  }

  /**
   * An error boundary event without an error, or with an error without a code, catches every code.
   */
  static boolean catchesError(EventDefinition definition, String code) {
    return definition instanceof ErrorEventDefinition error
        && (error.getError() == null
            || error.getError().getErrorCode() == null
            || error.getError().getErrorCode().equals(code));
  }

  static boolean catchesEscalation(EventDefinition definition, String code) {
    return definition instanceof EscalationEventDefinition escalation
        && (escalation.getEscalation() == null
            || escalation.getEscalation().getEscalationCode() == null
            || escalation.getEscalation().getEscalationCode().equals(code));
  }

  /**
   * Comments and attachments are written by whom may work the task (as the engine already asks for
   * editing and deleting comments), or on a process instance by whom may update it. A task that is
   * no longer open takes notes from administrators only.
   */
  static Outcome annotate(CommandContext context, String taskId, String processInstanceId) {
    if (!checked(context)) {
      return Outcome.ENGINE_CHECKS;
    }
    if (taskId != null) {
      TaskEntity task = openTask(context, taskId);
      if (task == null) {
        requireAdministrator(context, taskId);
        return Outcome.ENGINE_CHECKS;
      }
      check(context, checker -> checker.checkTaskWork(task));
      if (processInstanceId != null && !processInstanceId.equals(task.getProcessInstanceId())) {
        throw new BadUserRequestException(
            "processInstanceId: not the process instance of task " + taskId);
      }
    } else if (processInstanceId != null) {
      check(context, checker -> checker.checkUpdateProcessInstanceById(processInstanceId));
    }
    return Outcome.ENGINE_CHECKS;
  }

  static Outcome annotateAttachment(CommandContext context, String attachmentId) {
    AttachmentEntity attachment = attachment(context, attachmentId);
    if (attachment == null) {
      return Outcome.ENGINE_CHECKS;
    }
    return annotate(
        context,
        attachment.getTaskId(),
        attachment.getTaskId() == null ? attachment.getProcessInstanceId() : null);
  }

  /**
   * The comments and attachments of an open task are read by whom may read the task: the engine
   * reads them without any check, so a manager read what was written on a task hidden from her.
   */
  static Outcome readTask(CommandContext context, String taskId) {
    if (checked(context) && taskId != null) {
      TaskEntity task = openTask(context, taskId);
      if (task != null) {
        check(context, checker -> checker.checkReadTask(task));
      }
    }
    return Outcome.ENGINE_CHECKS;
  }

  static Outcome readAttachment(CommandContext context, String attachmentId) {
    AttachmentEntity attachment = attachment(context, attachmentId);
    return attachment == null ? Outcome.ENGINE_CHECKS : readTask(context, attachment.getTaskId());
  }

  private static Rule readingTask(String field, Class<?> command) {
    Argument taskId = Argument.of(command, field);
    return (cmd, context) -> readTask(context, taskId.of(cmd));
  }

  /**
   * A candidate claims for himself; claiming for someone else, or taking someone else's claim away,
   * is assigning, which the engine otherwise allows with {@code TASK_WORK} alone.
   */
  static Outcome claim(CommandContext context, String taskId, String userId) {
    TaskEntity task = openTask(context, taskId);
    if (!checked(context) || task == null) {
      return Outcome.ENGINE_CHECKS;
    }
    String caller = context.getAuthenticatedUserId();
    boolean forHimself = userId != null ? userId.equals(caller) : caller.equals(task.getAssignee());
    if (!forHimself) {
      check(context, checker -> checker.checkTaskAssign(task));
    }
    return Outcome.ENGINE_CHECKS;
  }

  /**
   * Tasklist unclaims by setting the assignee to nobody, which the engine ties to {@code
   * TASK_ASSIGN}; the assignee who may work the task gives it back without that right. Any other
   * assignment keeps the engine's check.
   */
  static Outcome assign(CommandContext context, String taskId, String userId) {
    TaskEntity task = openTask(context, taskId);
    if (!checked(context)
        || task == null
        || userId != null
        || !context.getAuthenticatedUserId().equals(task.getAssignee())) {
      return Outcome.ENGINE_CHECKS;
    }
    check(context, checker -> checker.checkTaskWork(task));
    return Outcome.WITHOUT_ENGINE_CHECKS;
  }

  /**
   * Resolving hands a delegated task back to its owner. Without a delegation it would only set the
   * completion's variables on the process and clear the assignee: a way to write routing flags.
   */
  static Outcome resolve(CommandContext context, String taskId) {
    TaskEntity task = openTask(context, taskId);
    if (task == null) {
      return Outcome.ENGINE_CHECKS;
    }
    check(context, checker -> checker.checkTaskWork(task));
    if (task.getDelegationState() != DelegationState.PENDING) {
      throw new BadUserRequestException(
          "Task " + taskId + " was not delegated: there is nothing to resolve");
    }
    return Outcome.ENGINE_CHECKS;
  }

  /**
   * A completion carries the fields of the task's form and nothing else. The process keeps ids and
   * routing flags, and the delegates after a task read them: a candidate who adds {@code
   * accreditationId} or a flag to the completion moves the instance to another organisation's
   * accreditation or onto another path. Administrators may set variables to repair an instance.
   */
  static Outcome completion(CommandContext context, String taskId, Map<?, ?> variables) {
    TaskEntity task = openTask(context, taskId);
    if (!checked(context)
        || task == null
        || variables == null
        || variables.isEmpty()
        || isAdministrator(context)) {
      return Outcome.ENGINE_CHECKS;
    }
    check(context, checker -> checker.checkTaskWork(task));
    Set<String> fields = FormFields.of(context, taskId);
    List<String> outside =
        variables.keySet().stream()
            .map(String::valueOf)
            .filter(name -> !fields.contains(name))
            .sorted()
            .toList();
    if (!outside.isEmpty()) {
      throw new FormFieldValidationException(
          outside.get(0),
          String.join(", ", outside)
              + ": not a field of the form of "
              + task.getTaskDefinitionKey()
              + " ("
              + String.join(", ", fields)
              + ")");
    }
    return Outcome.ENGINE_CHECKS;
  }

  /**
   * Whether authorization applies: a signed-in user, authorization on, not inside the engine's own
   * work.
   */
  private static boolean checked(CommandContext context) {
    return context.getProcessEngineConfiguration().isAuthorizationEnabled()
        && context.isAuthorizationCheckEnabled()
        && context.getAuthenticatedUserId() != null;
  }

  private static boolean isAdministrator(CommandContext context) {
    return context.getAuthorizationManager().isCamundaAdmin(context.getAuthentication());
  }

  private static void requireAdministrator(CommandContext context, String taskId) {
    if (!isAdministrator(context)) {
      throw new AuthorizationException(
          context.getAuthenticatedUserId(),
          Permissions.TASK_WORK.getName(),
          Resources.TASK.resourceName(),
          taskId);
    }
  }

  private static TaskEntity openTask(CommandContext context, String taskId) {
    return taskId == null ? null : context.getTaskManager().findTaskById(taskId);
  }

  private static AttachmentEntity attachment(CommandContext context, String attachmentId) {
    return attachmentId == null
        ? null
        : context.getDbEntityManager().selectById(AttachmentEntity.class, attachmentId);
  }

  /** The engine's own authorization checks, so a grant means the same here as in the engine. */
  private static void check(CommandContext context, Consumer<CommandChecker> check) {
    context.getProcessEngineConfiguration().getCommandCheckers().forEach(check);
  }

  /** A protected field of an engine command, found when this class loads. */
  record Argument(Field field) {

    static Argument of(Class<?> command, String name) {
      for (Class<?> type = command; type != null; type = type.getSuperclass()) {
        try {
          Field field = type.getDeclaredField(name);
          field.setAccessible(true);
          return new Argument(field);
        } catch (NoSuchFieldException inSuperclass) {
          // look further up
        }
      }
      throw new IllegalStateException(
          command.getName()
              + " has no field "
              + name
              + ": check TaskOperationRules against this engine");
    }

    Object value(Object command) {
      try {
        return field.get(command);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }

    String of(Object command) {
      return (String) value(command);
    }
  }
}
