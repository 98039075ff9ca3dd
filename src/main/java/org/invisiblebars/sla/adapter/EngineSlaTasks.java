package org.invisiblebars.sla.adapter;

import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.task.Task;
import org.invisiblebars.sla.usecase.SlaTasks;
import org.springframework.stereotype.Component;

/** Open tasks and the policy's thresholds, read from the process engine. */
@Component
class EngineSlaTasks implements SlaTasks, SlaTasks.Policy {

  static final int PAGE = 1000;

  private final TaskService tasks;
  private final RepositoryService repository;
  private final ProcessEngineConfigurationImpl engine;

  EngineSlaTasks(TaskService tasks, RepositoryService repository, ProcessEngine engine) {
    this.tasks = tasks;
    this.repository = repository;
    this.engine = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }

  @Override
  public void forEachOpenTask(Consumer<OpenTask> each) {
    Map<String, String> processKeys = new HashMap<>();
    for (int first = 0; ; first += PAGE) {
      List<Task> page = tasks.createTaskQuery().dueAfter(new Date(0)).orderByTaskId().asc().listPage(first, PAGE);
      for (Task task : page) {
        String key = task.getProcessDefinitionId() == null ? "standalone"
            : processKeys.computeIfAbsent(task.getProcessDefinitionId(), id -> repository.getProcessDefinition(id).getKey());
        each.accept(new OpenTask(key, task.getTaskDefinitionKey(), task.getDueDate().toInstant()));
      }
      if (page.size() < PAGE) {
        return;
      }
    }
  }

  @Override
  public Target target(String processKey, String taskKey) {
    try {
      var target = SlaPolicyDecision.targetFor(engine, processKey, taskKey);
      return new Target(target.target(), target.workingDays());
    } catch (NotFoundException noPolicy) {
      return null;
    }
  }

  @Override
  public Duration atRisk(String processKey, String taskKey) {
    try {
      return SlaPolicyDecision.targetFor(engine, processKey, taskKey).atRisk();
    } catch (NotFoundException noPolicy) {
      return Duration.ZERO;
    }
  }
}
