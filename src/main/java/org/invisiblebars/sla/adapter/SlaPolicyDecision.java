package org.invisiblebars.sla.adapter;

import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.Variables;
import org.invisiblebars.platform.process.LatestDecision;
import org.invisiblebars.sla.domain.SlaTarget;

/**
 * Evaluates the latest deployed version of the DMN decision sla-policy for one task. It runs the
 * DMN engine directly rather than through the decision service: looking up a target is not a
 * decision worth a history entry, and it happens for every task created and every report.
 */
final class SlaPolicyDecision {

  static final String DECISION_KEY = "sla-policy";

  private SlaPolicyDecision() {}

  /**
   * For callers outside the engine's own commands (the breach scan, the reports). The engine's DMN
   * engine carries its history listener, which reads the engine configuration of the current
   * command the first time it runs; outside a command, on a node that has not created a task
   * since it started, there is none. So the lookup runs as a command of that engine.
   *
   * @throws NotFoundException when no policy is deployed
   */
  static SlaTarget targetFor(ProcessEngineConfigurationImpl engine, String processKey, String taskKey) {
    return engine.getCommandExecutorTxRequired().execute(
        command -> targetFor(engine.getRepositoryService(), engine.getDmnEngine(), processKey, taskKey));
  }

  /** Within a command of the engine. @throws NotFoundException when no policy is deployed */
  static SlaTarget targetFor(RepositoryService repository, DmnEngine dmn, String processKey, String taskKey) {
    Map<String, Object> row = LatestDecision.evaluate(repository, dmn, DECISION_KEY,
        Variables.createVariables().putValue("processKey", processKey).putValue("taskKey", taskKey));
    return SlaTarget.of((String) row.get("target"), Boolean.TRUE.equals(row.get("workingDays")),
        (String) row.get("atRisk"), (String) row.get("escalationGroup"));
  }
}
