package org.invisiblebars.platform.task;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What completing a task did: the decision-log entries it writes (usually one; the step and the
 * decision, with the reasons a reader of the log needs) and the process variables that route the
 * instance afterwards (flags, never the form's content).
 */
public final class Completion {

  private final List<Entry> entries = new ArrayList<>();
  private final Map<String, Object> flags = new LinkedHashMap<>();

  private Completion() {}

  /** A completion that logs {@code decision} for the task's own step. */
  public static Completion logged(String decision, String reasons) {
    return new Completion().andLogged(null, decision, reasons);
  }

  /**
   * Another entry, for a step other than the task's own (a waiver decided together with a plan).
   */
  public Completion andLogged(String step, String decision, String reasons) {
    entries.add(new Entry(step, decision, reasons));
    return this;
  }

  /** A process variable the gateways after the task read. */
  public Completion with(String flag, Object value) {
    flags.put(flag, value);
    return this;
  }

  public List<Entry> entries() {
    return Collections.unmodifiableList(entries);
  }

  public Map<String, Object> flags() {
    return Collections.unmodifiableMap(flags);
  }

  /**
   * One decision-log entry: the step (null for the task's definition key), the decision, and the
   * reasons.
   */
  public record Entry(String step, String decision, String reasons) {}
}
