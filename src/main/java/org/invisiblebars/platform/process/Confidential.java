package org.invisiblebars.platform.process;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * The groups that may read a text a task shows, whoever asks and by whatever route. A task's form
 * shows domain data (a risk assessment, a report, an application) through variables, and the engine
 * lets anyone who may read a task, an instance or the history read every variable with it: managers
 * read all of them, administrators pass every authorization check, and a query filtering by a
 * variable's value answers yes or no about its text. Values written through this class are stored
 * by {@link ConfidentialVariables}: out of reach of value queries, and read back as the text only
 * by these groups or by the engine itself, as {@link #WITHHELD} by anyone else.
 */
public final class Confidential {

  /** What a person outside the readers sees instead of a text. */
  public static final String WITHHELD = "[confidential]";

  private final Set<String> readers;

  private Confidential(Set<String> readers) {
    this.readers = readers;
  }

  /** Texts these groups may read; nobody else, not even {@code camunda-admin} unless named. */
  public static Confidential readableBy(String... groups) {
    return readableBy(List.of(groups));
  }

  public static Confidential readableBy(Collection<String> groups) {
    if (groups.isEmpty()
        || groups.stream()
            .anyMatch(
                g ->
                    g.isBlank()
                        || g.contains(ConfidentialVariables.SEPARATOR)
                        || g.contains("\n"))) {
      throw new IllegalArgumentException("readers must be group ids: " + groups);
    }
    return new Confidential(Set.copyOf(groups));
  }

  public Set<String> readers() {
    return readers;
  }

  /**
   * The value as a variable only the readers read: a text, a whole number or a flag (what forms
   * show and prefill). {@code null} stays a plain null, which tells nobody anything.
   */
  public TypedValue value(Object value) {
    if (value == null) {
      return Variables.untypedNullValue();
    }
    if (!(value instanceof String || value instanceof Integer || value instanceof Boolean)) {
      throw new IllegalArgumentException(
          "a confidential value is a text, a whole number or a flag, not " + value.getClass());
    }
    return new Value(value, readers);
  }

  /** Sets a text the task's form shows read-only (a task-local variable). */
  public void show(DelegateTask task, String name, Object value) {
    task.setVariableLocal(name, value(value));
  }

  /**
   * Sets the value a form field starts with. It goes on the task's execution, not the task: a
   * completion writes the submitted fields to the execution, where a task-local variable of the
   * same name would hide the person's choice from the handler. The handler framework removes it
   * again on completion.
   */
  public void prefill(DelegateTask task, String field, Object value) {
    task.getExecution().setVariableLocal(field, value(value));
  }

  /**
   * A value on its way to the database: only {@link ConfidentialVariables} writes it, and nothing
   * reads it back as such.
   */
  record Value(Object value, Set<String> readers) implements TypedValue {

    @Override
    public Object getValue() {
      return value;
    }

    @Override
    public ValueType getType() {
      return ConfidentialVariables.TYPE;
    }

    @Override
    public boolean isTransient() {
      return false;
    }

    @Override
    public String toString() {
      return "Confidential[" + String.join(ConfidentialVariables.SEPARATOR, readers) + "]";
    }
  }
}
