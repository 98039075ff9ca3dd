package org.invisiblebars.platform.mail;

import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.invisiblebars.platform.process.CurrentCommand;
import org.invisiblebars.platform.process.UserTaskParsing;
import org.invisiblebars.platform.task.CaseLabel;
import org.invisiblebars.platform.task.UserTaskHandlers;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Tells the members of a new task's candidate groups that it awaits them: a listener on the
 * creation of every user task of every model (no model needs one of its own), which stores the
 * messages in the transaction that creates the task. The message names the task and its case's
 * label ({@link CaseLabel}: reference, organisation, facility), never a form's content, and links
 * to the task in Tasklist.
 *
 * <p>The listener reads the task when the command that creates it has done its work ({@link
 * CurrentCommand#atEnd}): by then every create listener has run, among them the task handlers' one,
 * which sets the case's label, whatever the order in which the engine plugins were registered.
 */
@Component
class TaskNotifications extends AbstractProcessEnginePlugin {

  static final String KIND = "task-created";

  private final ObjectProvider<Notifications> notifications;
  private final ObjectProvider<UserTaskHandlers> handlers;

  TaskNotifications(
      ObjectProvider<Notifications> notifications, ObjectProvider<UserTaskHandlers> handlers) {
    this.notifications = notifications;
    this.handlers = handlers;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    UserTaskParsing.forEveryUserTask(
        configuration,
        (processKey, taskKey, definition, element) ->
            definition.addBuiltInTaskListener(
                TaskListener.EVENTNAME_CREATE,
                task -> created(task, handlers.getObject().handles(processKey, taskKey))));
  }

  /**
   * A task has been created; {@code labelled}: it has a handler, which sets its case's label (the
   * task of a model without handlers has none, and reading its variables would cost a query).
   */
  void created(DelegateTask task, boolean labelled) {
    CurrentCommand.atEnd(() -> tell(task, labelled));
  }

  private void tell(DelegateTask task, boolean labelled) {
    Set<String> groups = new LinkedHashSet<>();
    for (IdentityLink link : task.getCandidates()) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
        groups.add(link.getGroupId());
      }
    }
    if (groups.isEmpty()) {
      return;
    }
    notifications
        .getObject()
        .tellGroups(
            groups,
            Notice.of(
                KIND,
                Notifications.taskPath(task.getId()),
                task.getName(),
                labelled ? label(task, CaseLabel.REFERENCE) : null,
                labelled ? label(task, CaseLabel.ORGANISATION) : null,
                labelled ? label(task, CaseLabel.FACILITY) : null));
  }

  private static String label(DelegateTask task, String variable) {
    Object value = task.getVariableLocal(variable);
    return value == null ? null : value.toString();
  }
}
