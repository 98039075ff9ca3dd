package org.invisiblebars.sla.usecase;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * The open tasks with a due date, as the SLA summary needs them (the engine adapter provides them).
 */
public interface SlaTasks {

  /** Calls {@code each} for every open task that has a due date. */
  void forEachOpenTask(Consumer<OpenTask> each);

  /** One open task: its process and task key, and its due date. */
  record OpenTask(String processKey, String taskKey, Instant due) {}

  /** The policy's target and at-risk threshold for a task type. */
  interface Policy {
    Duration atRisk(String processKey, String taskKey);

    /** The target as the policy states it; null when no policy is deployed. */
    Target target(String processKey, String taskKey);

    /**
     * Whether the latest model sets the task's due date itself (the policy's target then does not
     * apply: the entry tasks are due by the visit's window).
     */
    boolean modelSetsDueDate(String processKey, String taskKey);
  }

  /** A target as written in the policy, e.g. {@code P10D} in working days. */
  record Target(Duration duration, boolean workingDays) {}
}
