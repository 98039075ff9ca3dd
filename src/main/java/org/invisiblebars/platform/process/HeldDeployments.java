package org.invisiblebars.platform.process;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The engine's deployments held for review (a process owner's change awaiting a director's or an
 * administrator's approval), and so the <em>live</em> version of each process: the latest version
 * whose deployment is not held. Camunda 7.24 knows only the latest version: it starts new
 * instances, resolves call activities bound to {@code latest} and evaluates decisions by key on it,
 * and a held version, even suspended, would be that latest version. So every start of ours, every
 * call activity ({@code LiveCallActivities}) and every evaluation by {@link LatestDecision} asks
 * here instead.
 *
 * <p>One small table ({@code held_deployment}), read on every start and every SLA lookup: it holds
 * only the changes awaiting review, and a database read is what every node sees at once.
 */
@Component
public class HeldDeployments {

  private final JdbcTemplate jdbc;
  private final Clock clock;

  /** Looked up when first used: the engine's parse listeners need this before the engine exists. */
  private final ObjectProvider<RepositoryService> repository;

  HeldDeployments(JdbcTemplate jdbc, Clock clock, ObjectProvider<RepositoryService> repository) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.repository = repository;
  }

  /** Holds {@code deploymentId}: none of its versions is live until {@link #release}. */
  public void hold(String deploymentId) {
    jdbc.update(
        "insert into held_deployment (deployment_id, held_at) values (?, ?)",
        deploymentId,
        Timestamp.from(clock.instant()));
  }

  /** Releases {@code deploymentId}: approved (its versions may be live) or removed. */
  public void release(String deploymentId) {
    jdbc.update("delete from held_deployment where deployment_id = ?", deploymentId);
  }

  /** The ids of the deployments held now. */
  public Set<String> ids() {
    return new HashSet<>(
        jdbc.queryForList("select deployment_id from held_deployment", String.class));
  }

  public boolean isHeld(String deploymentId) {
    Integer count =
        jdbc.queryForObject(
            "select count(*) from held_deployment where deployment_id = ?",
            Integer.class,
            deploymentId);
    return count != null && count > 0;
  }

  /**
   * The live version of process {@code key}: the latest whose deployment is not held.
   *
   * @throws NotFoundException when no version of it is live
   */
  public ProcessDefinition liveProcess(RepositoryService repository, String key) {
    Set<String> held = ids();
    if (held.isEmpty()) {
      ProcessDefinition latest =
          repository
              .createProcessDefinitionQuery()
              .processDefinitionKey(key)
              .latestVersion()
              .singleResult();
      if (latest == null) {
        throw new NotFoundException("no process " + key + " is deployed");
      }
      return latest;
    }
    return repository
        .createProcessDefinitionQuery()
        .processDefinitionKey(key)
        .orderByProcessDefinitionVersion()
        .desc()
        .list()
        .stream()
        .filter(definition -> !held.contains(definition.getDeploymentId()))
        .findFirst()
        .orElseThrow(() -> new NotFoundException("no version of process " + key + " is live"));
  }

  /** The id of the live version of process {@code key}, to start an instance on. */
  public String liveProcessId(String key) {
    return liveProcess(repository.getObject(), key).getId();
  }
}
