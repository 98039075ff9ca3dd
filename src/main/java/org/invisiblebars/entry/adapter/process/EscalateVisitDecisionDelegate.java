package org.invisiblebars.entry.adapter.process;

import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.invisiblebars.entry.usecase.EntryProcess;
import org.invisiblebars.entry.usecase.ReviewVisit;
import org.invisiblebars.platform.deployment.PublishedForModels;
import org.invisiblebars.platform.identity.Groups;
import org.invisiblebars.platform.process.TaskCandidates;
import org.springframework.stereotype.Component;

/**
 * Task_EscalateVisitDecision: the visit is not decided 48 hours before its window. The director
 * becomes a candidate of the open task of the decision (so it shows in the director's queue) and
 * the task's priority is raised.
 */
@Component(EntryProcess.Bean.ESCALATE)
@PublishedForModels
class EscalateVisitDecisionDelegate implements JavaDelegate {

  static final int ESCALATED_PRIORITY = 90;

  private final ReviewVisit review;
  private final TaskService taskService;
  private final TaskCandidates candidates;

  EscalateVisitDecisionDelegate(
      ReviewVisit review, TaskService taskService, TaskCandidates candidates) {
    this.review = review;
    this.taskService = taskService;
    this.candidates = candidates;
  }

  @Override
  public void execute(DelegateExecution execution) {
    UUID visitId = UUID.fromString((String) execution.getVariable(EntryProcess.Variable.VISIT_ID));
    for (Task task :
        taskService
            .createTaskQuery()
            .processInstanceId(execution.getProcessInstanceId())
            .active()
            .list()) {
      // The SLA breach scan escalates the same task to the director at the same moment (the task is
      // due when the visit escalates), possibly on another node: the director becomes a candidate
      // once.
      candidates.addOnce(task.getId(), Groups.DIRECTOR);
      taskService.setPriority(task.getId(), Math.max(task.getPriority(), ESCALATED_PRIORITY));
    }
    review.escalate(visitId);
  }
}
