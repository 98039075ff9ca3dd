package org.invisiblebars.sla.adapter;

import java.time.Duration;
import java.util.function.Consumer;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.invisiblebars.platform.process.EngineInternals;
import org.invisiblebars.platform.process.EngineTaskTable;
import org.invisiblebars.platform.process.HeldDeployments;
import org.invisiblebars.sla.usecase.SlaTasks;
import org.springframework.stereotype.Component;

/** Open tasks (from the engine's task table) and the policy's thresholds (from its DMN engine). */
@Component
class EngineSlaTasks implements SlaTasks, SlaTasks.Policy {

  private final EngineInternals engine;
  private final RepositoryService repository;
  private final HeldDeployments held;
  private final EngineTaskTable table;

  EngineSlaTasks(
      EngineInternals engine,
      RepositoryService repository,
      HeldDeployments held,
      EngineTaskTable table) {
    this.table = table;
    this.engine = engine;
    this.repository = repository;
    this.held = held;
  }

  /**
   * One query over the open tasks, three columns each ({@link
   * EngineTaskTable#forEachTaskWithDueDate} says why not the task query).
   */
  @Override
  public void forEachOpenTask(Consumer<OpenTask> each) {
    table.forEachTaskWithDueDate(
        task ->
            each.accept(
                new OpenTask(
                    task.processKey() == null ? "standalone" : task.processKey(),
                    task.taskKey(),
                    task.dueDate())));
  }

  @Override
  public Target target(String processKey, String taskKey) {
    try {
      var target = SlaPolicyDecision.targetFor(engine, repository, held, processKey, taskKey);
      return new Target(target.target(), target.workingDays());
    } catch (NotFoundException noPolicy) {
      return null;
    }
  }

  @Override
  public boolean modelSetsDueDate(String processKey, String taskKey) {
    ProcessDefinition latest =
        repository
            .createProcessDefinitionQuery()
            .processDefinitionKey(processKey)
            .latestVersion()
            .singleResult();
    if (latest == null) {
      return false;
    }
    // The engine keeps deployed models in its deployment cache: no parsing per call.
    return repository.getBpmnModelInstance(latest.getId()).getModelElementById(taskKey)
            instanceof UserTask task
        && task.getCamundaDueDate() != null;
  }

  @Override
  public Duration atRisk(String processKey, String taskKey) {
    try {
      return SlaPolicyDecision.targetFor(engine, repository, held, processKey, taskKey).atRisk();
    } catch (NotFoundException noPolicy) {
      return Duration.ZERO;
    }
  }
}
