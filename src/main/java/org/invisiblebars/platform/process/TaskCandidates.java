package org.invisiblebars.platform.process;

import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

/**
 * Adds a candidate group to a task exactly once, even when two transactions escalate the same task
 * at the same moment (a visit's escalation timer and the SLA breach scan, on one node or two).
 *
 * <p>The engine adds an identity link without touching the task's revision, so two transactions
 * that each look for the group and add it when missing would both add it, and its optimistic
 * locking does not see it. The engine's API has no pessimistic lock: this adapter locks the task's
 * row ({@link EngineTaskTable#lock}) in the caller's transaction first, so the second waits for the
 * first to commit and then finds its link.
 */
@Component
public class TaskCandidates {

  private final TaskService tasks;
  private final EngineTaskTable table;

  public TaskCandidates(TaskService tasks, EngineTaskTable table) {
    this.tasks = tasks;
    this.table = table;
  }

  /**
   * Locks the task until the caller's transaction ends and returns its candidate groups as they are
   * now; call it first, within the transaction that then changes the task's candidates.
   */
  public List<String> lockAndReadGroups(String taskId) {
    table.lock(taskId);
    return tasks.getIdentityLinksForTask(taskId).stream()
        .filter(
            link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(link -> link.getGroupId())
        .sorted()
        .toList();
  }
}
