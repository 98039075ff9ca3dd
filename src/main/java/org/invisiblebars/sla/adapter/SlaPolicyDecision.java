package org.invisiblebars.sla.adapter;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.invisiblebars.sla.domain.SlaTarget;

/**
 * Evaluates the latest deployed version of the DMN decision sla-policy for one task. It runs the
 * DMN engine directly rather than through the decision service: looking up a target is not a
 * decision worth a history entry, and it happens for every task created and every report.
 */
final class SlaPolicyDecision {

  static final String DECISION_KEY = "sla-policy";

  /** Parsed versions by decision definition id; a redeployed policy is a new id. */
  private static final Map<String, DmnDecision> PARSED = new ConcurrentHashMap<>();

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
    DecisionDefinition latest =
        repository.createDecisionDefinitionQuery().decisionDefinitionKey(DECISION_KEY).latestVersion().singleResult();
    if (latest == null) {
      throw new NotFoundException("no decision " + DECISION_KEY + " is deployed");
    }
    DmnDecision decision = PARSED.computeIfAbsent(latest.getId(), id -> {
      try (InputStream model = repository.getDecisionModel(id)) {
        return dmn.parseDecision(DECISION_KEY, model);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    Map<String, Object> row = dmn.evaluateDecisionTable(decision,
            Variables.createVariables().putValue("processKey", processKey).putValue("taskKey", taskKey))
        .getSingleResult().getEntryMap();
    return SlaTarget.of((String) row.get("target"), Boolean.TRUE.equals(row.get("workingDays")),
        (String) row.get("atRisk"), (String) row.get("escalationGroup"));
  }
}
