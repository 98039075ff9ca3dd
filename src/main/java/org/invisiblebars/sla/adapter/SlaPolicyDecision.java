package org.invisiblebars.sla.adapter;

import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.invisiblebars.sla.domain.SlaTarget;

/** Evaluates the latest deployed DMN decision sla-policy for one task. */
final class SlaPolicyDecision {

  static final String DECISION_KEY = "sla-policy";

  private SlaPolicyDecision() {}

  /** @throws org.camunda.bpm.engine.exception.NotFoundException when no policy is deployed */
  static SlaTarget targetFor(DecisionService decisions, String processKey, String taskKey) {
    Map<String, Object> row = decisions.evaluateDecisionByKey(DECISION_KEY)
        .variables(Variables.createVariables().putValue("processKey", processKey).putValue("taskKey", taskKey))
        .evaluate().getSingleResult().getEntryMap();
    return SlaTarget.of((String) row.get("target"), Boolean.TRUE.equals(row.get("workingDays")),
        (String) row.get("atRisk"), (String) row.get("escalationGroup"));
  }
}
