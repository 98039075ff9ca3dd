package org.invisiblebars.platform.task;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.invisiblebars.platform.validation.ConflictException;

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

  /**
   * Who completes the task: the signed-in user, else the assignee; null while the task is created.
   */
  public String actor() {
    return actor;
  }

  /**
   * Another record id the process keeps (the representative of a multi-instance task, a
   * recommendation).
   */
  public UUID recordId(String variable) {
    return recordId(task, variable);
  }

  /**
   * The id of the record (visit, accreditation, report, person) a task's process keeps in {@code
   * variable}. Missing only when the process ended while this task was being completed (a visit
   * cancelled at the same moment took its variables with it): a conflict the person is told of,
   * where reading the id failed with a {@code NullPointerException} and 500.
   */
  static UUID recordId(DelegateTask task, String variable) {
    Object id = task.getVariable(variable);
    if (id == null) {
      throw new ConflictException(
          "The case of the task "
              + task.getName()
              + " was closed or changed at the same moment (for "
              + "example, a visit cancelled), so nothing of this request was saved. Reload the task list.");
    }
    return UUID.fromString(id.toString());
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
