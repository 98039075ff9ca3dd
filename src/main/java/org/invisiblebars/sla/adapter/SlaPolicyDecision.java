package org.invisiblebars.sla.adapter;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.variable.Variables;
import org.invisiblebars.platform.process.EngineInternals;
import org.invisiblebars.platform.process.HeldDeployments;
import org.invisiblebars.platform.process.LatestDecision;
import org.invisiblebars.sla.domain.SlaTarget;

/**
 * Evaluates the latest deployed version of the DMN decision sla-policy for one task. It runs the
 * DMN engine directly rather than through the decision service: looking up a target is not a
 * decision worth a history entry, and it happens for every task created and every report.
 *
 * <p>The table's only inputs are the process and task keys, so one deployed version gives one
 * target per task type: the target is evaluated once per version and task type and kept. Which
 * version is the latest is still asked of the database on every lookup (one indexed query), so a
 * process owner's new table applies to the next task at once, on every node; the kept targets of
 * older versions are simply no longer asked for, and age out.
 */
final class SlaPolicyDecision {

  static final String DECISION_KEY = "sla-policy";

  /** Which escalation groups may take a late task over (processes/escalation-takeover.dmn). */
  static final String TAKE_OVER_KEY = "escalation-takeover";

  /**
   * Evaluated targets by decision version and task type; bounded, as a process owner may deploy
   * often.
   */
  private static final Cache<Lookup, SlaTarget> TARGETS =
      Caffeine.newBuilder().maximumSize(10_000).build();

  /** Groups that may take a task over, by decision version and task type. */
  private static final Cache<Lookup, Set<String>> TAKE_OVER =
      Caffeine.newBuilder().maximumSize(10_000).build();

  private record Lookup(String decisionId, String processKey, String taskKey) {}

  private SlaPolicyDecision() {}

  /**
   * For callers outside the engine's own commands (the breach scan, the reports). The engine's DMN
   * engine carries its history listener, which reads the engine configuration of the current
   * command the first time it runs; outside a command, on a node that has not created a task since
   * it started, there is none. So the lookup runs as a command of that engine.
   *
   * @throws NotFoundException when no policy is deployed
   */
  static SlaTarget targetFor(
      EngineInternals engine,
      RepositoryService repository,
      HeldDeployments held,
      String processKey,
      String taskKey) {
    return engine.inCommand(
        () -> targetFor(repository, held, engine.dmnEngine(), processKey, taskKey));
  }

  /** Within a command of the engine. @throws NotFoundException when no policy is deployed */
  static SlaTarget targetFor(
      RepositoryService repository,
      HeldDeployments held,
      DmnEngine dmn,
      String processKey,
      String taskKey) {
    String live = held.liveDecision(DECISION_KEY).id();
    return TARGETS.get(
        new Lookup(live, processKey, taskKey),
        lookup -> {
          Map<String, Object> row =
              LatestDecision.evaluate(
                  repository,
                  dmn,
                  DECISION_KEY,
                  live,
                  Variables.createVariables()
                      .putValue("processKey", processKey)
                      .putValue("taskKey", taskKey));
          return SlaTarget.of(
              (String) row.get("target"),
              Boolean.TRUE.equals(row.get("workingDays")),
              (String) row.get("atRisk"),
              (String) row.get("escalationGroup"));
        });
  }

  /**
   * The escalation groups that may take this task over (become its candidates when it is escalated
   * to them); none when the table is not deployed, so that an escalation never hands work to a
   * group by default.
   */
  static Set<String> takeOverGroups(
      EngineInternals engine,
      RepositoryService repository,
      HeldDeployments held,
      String processKey,
      String taskKey) {
    return engine.inCommand(
        () -> {
          String live;
          try {
            live = held.liveDecision(TAKE_OVER_KEY).id();
          } catch (NotFoundException notDeployed) {
            return Set.of();
          }
          return TAKE_OVER.get(
              new Lookup(live, processKey, taskKey),
              lookup -> {
                Object groups =
                    LatestDecision.evaluate(
                            repository,
                            engine.dmnEngine(),
                            TAKE_OVER_KEY,
                            live,
                            Variables.createVariables()
                                .putValue("processKey", processKey)
                                .putValue("taskKey", taskKey))
                        .get("takeOverGroups");
                return groups == null
                    ? Set.of()
                    : Arrays.stream(((String) groups).split(","))
                        .map(String::strip)
                        .filter(g -> !g.isEmpty())
                        .collect(Collectors.toUnmodifiableSet());
              });
        });
  }
}
