package org.invisiblebars.entry.adapter.process;

import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.invisiblebars.entry.usecase.EntryProcess;
import org.invisiblebars.entry.usecase.ReviewVisit;
import org.invisiblebars.platform.deployment.PublishedForModels;
import org.springframework.stereotype.Component;

/**
 * Task_EscalateVisitDecision: the visit is not decided 48 hours before its window. The open tasks
 * of the decision get a raised priority and the visit is marked escalated. Who is told is the SLA
 * policy's: the tasks are due at this moment, so the breach scan informs the policy's escalation
 * group (the director; the oversight body for the director's own authorisation) and makes it a
 * candidate only where it may do the work (issue 13: the director became a candidate of security's
 * risk assessment and the liaison officer's scheduling).
 */
@Component(EntryProcess.Bean.ESCALATE)
@PublishedForModels
class EscalateVisitDecisionDelegate implements JavaDelegate {

  static final int ESCALATED_PRIORITY = 90;

  private final ReviewVisit review;
  private final TaskService taskService;

  EscalateVisitDecisionDelegate(ReviewVisit review, TaskService taskService) {
    this.review = review;
    this.taskService = taskService;
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
      taskService.setPriority(task.getId(), Math.max(task.getPriority(), ESCALATED_PRIORITY));
    }
    review.escalate(visitId);
  }
}
