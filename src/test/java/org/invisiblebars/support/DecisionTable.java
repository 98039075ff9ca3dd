package org.invisiblebars.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * A DMN decision of {@code processes/} on the standalone DMN engine, for decision tests: each
 * evaluation returns the outputs and the one rule that matched (the tables use hit policy FIRST),
 * so a reordered table fails a test even when the outputs happen to agree.
 */
public final class DecisionTable {

  private final List<DmnDecisionTableEvaluationEvent> evaluations = new ArrayList<>();
  private final DmnEngine engine;
  private final DmnDecision decision;

  private DecisionTable(String resource, String decisionKey) throws IOException {
    engine =
        DmnEngineConfiguration.createDefaultDmnEngineConfiguration()
            .customPostDecisionTableEvaluationListeners(List.of(evaluations::add))
            .buildEngine();
    try (InputStream model = DecisionTable.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(model).as(resource + " on the classpath").isNotNull();
      decision = engine.parseDecision(decisionKey, model);
    }
  }

  /**
   * Parses decision {@code decisionKey} of the classpath resource, e.g. {@code
   * processes/visit-risk.dmn}.
   */
  public static DecisionTable load(String resource, String decisionKey) throws IOException {
    return new DecisionTable(resource, decisionKey);
  }

  /**
   * Evaluates the decision with the decisions it requires; exactly one table and one rule must
   * match.
   */
  public Evaluation evaluate(VariableMap variables) {
    evaluations.clear();
    DmnDecisionResultEntries row = engine.evaluateDecision(decision, variables).getSingleResult();
    assertThat(evaluations).as("decision tables evaluated").hasSize(1);
    List<DmnEvaluatedDecisionRule> matched = evaluations.get(0).getMatchingRules();
    assertThat(matched).as("rules matched under hit policy FIRST").hasSize(1);
    return new Evaluation(matched.get(0).getId(), row);
  }

  /** The rule that matched and the outputs. */
  public record Evaluation(String rule, DmnDecisionResultEntries outputs) {

    public <T> T get(String output) {
      return outputs.getEntry(output);
    }
  }
}
