package org.invisiblebars.platform.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.exception.NotFoundException;
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
   * The single result row of the live version of decision {@code key} ({@link
   * HeldDeployments#liveDecision}: the latest not held for review, read from the database so that
   * every node sees a new deployment at once); call within a command of the engine (a delegate, a
   * listener, or {@code getCommandExecutorTxRequired().execute(...)}).
   *
   * @throws NotFoundException when no version of the decision is live
   */
  public static Map<String, Object> evaluate(
      RepositoryService repository,
      HeldDeployments held,
      DmnEngine dmn,
      String key,
      VariableMap inputs) {
    return evaluate(repository, dmn, key, held.liveDecision(key).id(), inputs);
  }

  /**
   * The single result row of version {@code definitionId} of decision {@code key}; call within a
   * command of the engine.
   */
  public static Map<String, Object> evaluate(
      RepositoryService repository,
      DmnEngine dmn,
      String key,
      String definitionId,
      VariableMap inputs) {
    DmnDecision decision =
        PARSED.computeIfAbsent(
            definitionId,
            id -> {
              try (InputStream model = repository.getDecisionModel(id)) {
                return dmn.parseDecision(key, model);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    return dmn.evaluateDecisionTable(decision, inputs).getSingleResult().getEntryMap();
  }
}
