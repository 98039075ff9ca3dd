package org.invisiblebars.support;

import java.time.Duration;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationContext;

/**
 * The gate of a visit in the integration tests: its timer run as the job executor would, and each
 * person's check-in task.
 */
public final class VisitGate {

  private final RuntimeService runtimeService;
  private final ManagementService managementService;
  private final TaskService taskService;

  public VisitGate(ApplicationContext context) {
    this.runtimeService = context.getBean(RuntimeService.class);
    this.managementService = context.getBean(ManagementService.class);
    this.taskService = context.getBean(TaskService.class);
  }

  /**
   * Runs the gate timer as the job executor would when the gate opens. An unannounced visit's gate
   * is due at once, so the running job executor may fire it first; then this waits for it.
   */
  public void open(String visitId) {
    String instance =
        runtimeService
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(BusinessKeys.of(visitId))
            .singleResult()
            .getId();
    Job gate =
        managementService
            .createJobQuery()
            .processInstanceId(instance)
            .activityId("Timer_GateOpens")
            .singleResult();
    if (gate != null) {
      try {
        managementService.executeJob(gate.getId());
      } catch (ProcessEngineException firedByTheJobExecutor) {
        // the job executor ran it concurrently, or had already deleted it
      }
    }
    Eventually.within(Duration.ofSeconds(30), "the gate of visit " + visitId + " opened")
        .until(() -> taskService.createTaskQuery().processInstanceId(instance).count() > 0);
  }

  /** The check-in task of {@code representative} at the gate of the visit. */
  public String checkInTask(String visitId, UUID representative) {
    for (Task task :
        taskService
            .createTaskQuery()
            .processInstanceBusinessKey(BusinessKeys.of(visitId))
            .taskDefinitionKey("Task_CheckInVisitor")
            .list()) {
      if (representative
          .toString()
          .equals(runtimeService.getVariable(task.getExecutionId(), "representativeId"))) {
        return task.getId();
      }
    }
    throw new IllegalStateException("no check-in task for " + representative);
  }
}
