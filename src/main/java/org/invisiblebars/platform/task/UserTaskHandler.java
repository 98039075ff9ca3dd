package org.invisiblebars.platform.task;

import org.invisiblebars.platform.process.Confidential;
import org.springframework.core.ResolvableType;

/**
 * What one user task does, in one place: the form it reads ({@code F}, a record whose components
 * are the keys its Camunda Form submits, validated with Bean Validation: field constraints on the
 * components, cross-field ones on the record), what the form shows ({@code D}, a record whose
 * components are the keys of its read-only or {@link Prefilled} fields), and what completing it
 * does: the use case it calls and the decision-log entry and flags it leaves ({@link Completion}).
 *
 * <p>A handler is a Spring bean marked {@link UserTaskHandlerFor}; {@link UserTaskHandlers}
 * attaches it to its task when the model is deployed, so no model names a listener. The form's
 * values are read, validated and removed again by {@link UserTaskHandlers}: the process keeps ids
 * and flags only.
 *
 * @param <F> the submitted form
 * @param <D> what the form shows
 */
public abstract class UserTaskHandler<F extends Record, D extends Record> {

  private final CaseProcess process;

  protected UserTaskHandler(CaseProcess process) {
    this.process = process;
  }

  public final CaseProcess process() {
    return process;
  }

  /** What the task's form shows when the task is created. */
  public abstract D display(TaskCase task);

  /**
   * Completes the task with a valid form: calls the use case and says what to log and route on. A
   * rule of the domain that refuses the input throws {@code InvalidInputException} naming the
   * form's field, a state that forbids it {@code ConflictException}; nothing is saved either way.
   */
  public abstract Completion complete(TaskCase task, F form);

  /**
   * Who may read the displayed value {@code field}: the process's readers unless a handler narrows
   * it.
   */
  public Confidential readersOf(String field) {
    return process.readers();
  }

  /** Called when the task is created, before its display is set (to restrict who sees the task). */
  public void created(TaskCase task) {}

  @SuppressWarnings("unchecked")
  final Class<F> formType() {
    return (Class<F>)
        ResolvableType.forClass(getClass()).as(UserTaskHandler.class).getGeneric(0).resolve();
  }

  @SuppressWarnings("unchecked")
  final Class<D> displayType() {
    return (Class<D>)
        ResolvableType.forClass(getClass()).as(UserTaskHandler.class).getGeneric(1).resolve();
  }
}
