package org.invisiblebars.platform.process;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.invisiblebars.platform.validation.ConflictException;
import org.invisiblebars.platform.validation.InvalidInputException;

/**
 * The fields a Tasklist form submitted with a task's completion, read leniently (forms send
 * strings, numbers or booleans) and remembered, so that a task listener can remove them again once
 * they live in our tables: the process keeps ids and flags only.
 */
public final class SubmittedForm {

  private final DelegateTask task;
  private final List<String> read = new ArrayList<>();

  public SubmittedForm(DelegateTask task) {
    this.task = task;
  }

  public String text(String name) {
    read.add(name);
    Object value = task.getVariable(name);
    return value == null ? null : value.toString();
  }

  public Integer integer(String name) {
    read.add(name);
    Object value = task.getVariable(name);
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    if (value instanceof Number number) {
      if (number.doubleValue() != Math.rint(number.doubleValue())) {
        throw InvalidInputException.of(name, "must be a whole number");
      }
      return number.intValue();
    }
    try {
      return Integer.valueOf(value.toString().trim());
    } catch (NumberFormatException e) {
      throw InvalidInputException.of(name, "must be a whole number");
    }
  }

  public boolean flag(String name) {
    read.add(name);
    Object value = task.getVariable(name);
    return value instanceof Boolean b ? b : value != null && Boolean.parseBoolean(value.toString());
  }

  /** One of the constants of {@code type}, or null when the field is empty; anything else is refused. */
  public <E extends Enum<E>> E choice(String name, Class<E> type) {
    String value = text(name);
    if (value == null || value.isBlank()) {
      return null;
    }
    return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(value)).findFirst()
        .orElseThrow(() -> InvalidInputException.of(name, "must be one of " + Arrays.toString(type.getEnumConstants())));
  }

  /** The names of the fields read so far. */
  public List<String> read() {
    return List.copyOf(read);
  }

  /**
   * Sets the value a form field starts with. It goes on the task's execution, not the task: a
   * completion writes the submitted fields to the execution, where a task-local variable of the
   * same name would hide the person's choice from the listener. The listener removes it again.
   * Listeners prefill through {@link Confidential#prefill}, so a prefilled value is never plain.
   */
  static void prefill(DelegateTask task, String field, Object value) {
    task.getExecution().setVariableLocal(field, value);
  }

  /**
   * The id of the record (visit, accreditation, report, person) a task's process keeps in {@code
   * variable}. Missing only when the process ended while this task was being completed (a visit
   * cancelled at the same moment took its variables with it): a conflict the person is told of,
   * where reading the id failed with a {@code NullPointerException} and 500.
   */
  public static UUID recordId(DelegateTask task, String variable) {
    Object id = task.getVariable(variable);
    if (id == null) {
      throw new ConflictException("The case of the task " + task.getName() + " was closed or changed at the same moment (for "
          + "example, a visit cancelled), so nothing of this request was saved. Reload the task list.");
    }
    return UUID.fromString(id.toString());
  }

  /** Who completes the task: the signed-in user, else the assignee. */
  public static String actor(IdentityService identityService, DelegateTask task) {
    Authentication authentication = identityService.getCurrentAuthentication();
    if (authentication != null && authentication.getUserId() != null) {
      return authentication.getUserId();
    }
    return task.getAssignee() != null ? task.getAssignee() : "system";
  }

  /**
   * Runs a completion; invalid input fails it with the form validation error that the engine REST
   * API and Tasklist answer with 400 and the text naming each field. Nothing is saved, since the
   * completion's transaction rolls back.
   */
  public static void completing(DelegateTask task, Consumer<DelegateTask> completion) {
    try {
      completion.accept(task);
    } catch (InvalidInputException invalid) {
      throw new FormFieldValidationException(invalid.problems(), invalid.getMessage());
    }
    stillOpen(task);
  }

  /**
   * Refuses a completion whose task someone else completed meanwhile. The use case locks its
   * record, so when two people complete one task at once the second waits for the first to commit;
   * the engine, reading its rows before that, would refuse the second only when writing it, after
   * the steps that follow the task had run on what it read (a delegate then failed with 500). Once
   * the lock is held the first completion is committed and visible: the task is gone.
   */
  private static void stillOpen(DelegateTask task) {
    if (task.getProcessEngineServices().getTaskService().createTaskQuery().taskId(task.getId()).count() == 0) {
      throw new ConflictException("The task " + task.getName() + " was completed by someone else at the same moment, so nothing of"
          + " this completion was saved. Reload the task list.");
    }
  }
}
