package org.invisiblebars.platform.task;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.invisiblebars.platform.process.SubmittedForm;

/**
 * The task a handler works on, as much of it as a handler needs: the record its process works on,
 * who completes it, and the ids and flags its process keeps. Handlers see no engine internals.
 */
public final class TaskCase {

  private final DelegateTask task;
  private final UUID id;
  private final String actor;

  TaskCase(DelegateTask task, UUID id, String actor) {
    this.task = task;
    this.id = id;
    this.actor = actor;
  }

  /** The id of the record (accreditation, visit, report) the task's process works on. */
  public UUID id() {
    return id;
  }

  /** Who completes the task: the signed-in user, else the assignee; null while the task is created. */
  public String actor() {
    return actor;
  }

  /** Another record id the process keeps (the representative of a multi-instance task, a recommendation). */
  public UUID recordId(String variable) {
    return SubmittedForm.recordId(task, variable);
  }

  /** A flag or id the process keeps, as the engine holds it. */
  public Object variable(String name) {
    return task.getVariable(name);
  }

  public String taskId() {
    return task.getId();
  }

  public String taskDefinitionKey() {
    return task.getTaskDefinitionKey();
  }
}
