package org.invisiblebars.sla.adapter;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.invisiblebars.platform.process.HeldDeployments;
import org.invisiblebars.platform.process.UserTaskParsing;
import org.invisiblebars.sla.domain.SlaBreachRepository;
import org.invisiblebars.sla.domain.SlaTarget;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Gives every user task of every deployed process its due date from the DMN decision {@code
 * sla-policy} when the task is created; no model needs a listener of its own, so processes added
 * later are covered too. A due date the model sets itself is kept. Completing or deleting a task
 * resolves its breach, if it had one.
 */
@Component
class SlaDueDates extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(SlaDueDates.class);

  private final ZoneId zone;
  private final ObjectProvider<SlaBreachRepository> breaches;
  private final HeldDeployments held;
  private final Clock clock;

  SlaDueDates(
      @Value("${invisible-bars.sla.zone:UTC}") String zone,
      ObjectProvider<SlaBreachRepository> breaches,
      HeldDeployments held,
      Clock clock) {
    this.zone = ZoneId.of(zone);
    this.held = held;
    this.breaches = breaches;
    this.clock = clock;
  }

  /**
   * The engine being built; its DMN engine exists once the engine is, before any task is created.
   */
  private ProcessEngineConfigurationImpl engine;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    this.engine = configuration;
    UserTaskParsing.forEveryUserTask(
        configuration,
        (processKey, taskKey, definition, element) -> {
          definition.addBuiltInTaskListener(
              TaskListener.EVENTNAME_CREATE, task -> setDueDate(task, processKey));
          definition.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, this::resolveBreach);
          definition.addBuiltInTaskListener(TaskListener.EVENTNAME_DELETE, this::resolveBreach);
        });
  }

  /** A breached task that is completed or deleted resolves its breach, in the same transaction. */
  void resolveBreach(DelegateTask task) {
    breaches.getObject().resolve(task.getId(), clock.instant());
  }

  void setDueDate(DelegateTask task, String processKey) {
    if (task.getDueDate() != null) {
      return;
    }
    try {
      SlaTarget target =
          SlaPolicyDecision.targetFor(
              task.getProcessEngineServices().getRepositoryService(),
              held,
              engine.getDmnEngine(),
              processKey,
              task.getTaskDefinitionKey());
      Instant created =
          task.getCreateTime() == null ? clock.instant() : task.getCreateTime().toInstant();
      task.setDueDate(Date.from(target.dueFrom(created, zone)));
    } catch (NotFoundException noPolicy) {
      LOG.warn(
          "No decision {} is deployed: task {} of {} gets no due date",
          SlaPolicyDecision.DECISION_KEY,
          task.getTaskDefinitionKey(),
          processKey);
    }
  }
}
