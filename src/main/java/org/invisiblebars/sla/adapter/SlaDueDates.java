package org.invisiblebars.sla.adapter;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.variable.Variables;
import org.invisiblebars.sla.domain.SlaTarget;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Gives every user task of every deployed process its due date from the DMN decision {@code
 * sla-policy} when the task is created; no model needs a listener of its own, so processes added
 * later are covered too. A due date the model sets itself is kept.
 */
@Component
class SlaDueDates extends AbstractProcessEnginePlugin {

  static final String DECISION_KEY = "sla-policy";
  private static final Logger LOG = LoggerFactory.getLogger(SlaDueDates.class);

  private final ZoneId zone;

  SlaDueDates(@Value("${invisible-bars.sla.zone:UTC}") String zone) {
    this.zone = ZoneId.of(zone);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners();
    if (listeners == null) {
      listeners = new java.util.ArrayList<>();
      configuration.setCustomPostBPMNParseListeners(listeners);
    }
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
            .addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, SlaDueDates.this::setDueDate);
      }
    });
  }

  void setDueDate(DelegateTask task) {
    if (task.getDueDate() != null) {
      return;
    }
    String processKey = ((ExecutionEntity) task.getExecution()).getProcessDefinition().getKey();
    try {
      DmnDecisionResult result = task.getProcessEngineServices().getDecisionService()
          .evaluateDecisionByKey(DECISION_KEY)
          .variables(Variables.createVariables().putValue("processKey", processKey).putValue("taskKey", task.getTaskDefinitionKey()))
          .evaluate();
      Map<String, Object> row = result.getSingleResult().getEntryMap();
      SlaTarget target = SlaTarget.of((String) row.get("target"), Boolean.TRUE.equals(row.get("workingDays")),
          (String) row.get("atRisk"), (String) row.get("escalationGroup"));
      Instant created = task.getCreateTime() == null ? Instant.now() : task.getCreateTime().toInstant();
      task.setDueDate(Date.from(target.dueFrom(created, zone)));
    } catch (NotFoundException noPolicy) {
      LOG.warn("No decision {} is deployed: task {} of {} gets no due date", DECISION_KEY, task.getTaskDefinitionKey(), processKey);
    }
  }
}
