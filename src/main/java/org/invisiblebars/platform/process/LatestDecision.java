package org.invisiblebars.platform.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * Evaluates the live version of a DMN decision on the engine's DMN engine directly, not through the
 * decision service, so that it writes no decision history: for a lookup that runs on every task
 * (the SLA policy), or for a proposal whose inputs and result our own tables keep where only the
 * right roles read them (the visit risk). Process owners still change the table in Camunda Modeler;
 * the next evaluation uses the new version.
 */
public final class LatestDecision {

  /** Parsed versions by decision definition id; a redeployed table is a new id. */
  private static final Map<String, DmnDecision> PARSED = new ConcurrentHashMap<>();

  private LatestDecision() {}

  /**
   * The single result row; call within a command of the engine (a delegate, a listener, or {@code
   * getCommandExecutorTxRequired().execute(...)}).
   *
   * @throws NotFoundException when no version of the decision is deployed
   */
  public static Map<String, Object> evaluate(
      RepositoryService repository,
      HeldDeployments held,
      DmnEngine dmn,
      String key,
      VariableMap inputs) {
    return evaluate(repository, dmn, latest(repository, held, key), inputs);
  }

  /**
   * The live version of decision {@code key}: the latest whose deployment is not held for review
   * ({@link HeldDeployments}; the engine cannot suspend a decision). Read from the database, so
   * that every node of the application sees a new deployment at once. Call within a command of the
   * engine.
   *
   * @throws NotFoundException when no version of the decision is live
   */
  public static DecisionDefinition latest(
      RepositoryService repository, HeldDeployments held, String key) {
    Set<String> heldIds = held.ids();
    return repository
        .createDecisionDefinitionQuery()
        .decisionDefinitionKey(key)
        .orderByDecisionDefinitionVersion()
        .desc()
        .listPage(0, heldIds.size() + 1)
        .stream()
        .filter(definition -> !heldIds.contains(definition.getDeploymentId()))
        .findFirst()
        .orElseThrow(() -> new NotFoundException("no decision " + key + " is deployed"));
  }

  /** The single result row of that version of the decision; call within a command of the engine. */
  public static Map<String, Object> evaluate(
      RepositoryService repository, DmnEngine dmn, DecisionDefinition version, VariableMap inputs) {
    DmnDecision decision =
        PARSED.computeIfAbsent(
            version.getId(),
            id -> {
              try (InputStream model = repository.getDecisionModel(id)) {
                return dmn.parseDecision(version.getKey(), model);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    return dmn.evaluateDecisionTable(decision, inputs).getSingleResult().getEntryMap();
  }
}
