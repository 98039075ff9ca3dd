package org.invisiblebars.platform.process;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
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

  /** The engine's tables of process and decision definitions (Camunda 7.24, no table prefix). */
  private static final String PROCESS_DEFINITIONS = "ACT_RE_PROCDEF";

  private static final String DECISION_DEFINITIONS = "ACT_RE_DECISION_DEF";

  HeldDeployments(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
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

  /** The id and version of a live process or decision definition. */
  public record Live(String id, int version) {}

  /**
   * The live version of process {@code key}: the latest whose deployment is not held. One SQL
   * statement on the engine's table of process definitions, as the engine's own lookup of the
   * latest version was: a start costs no more than before.
   *
   * @throws NotFoundException when no version of it is live
   */
  public Live liveProcess(String key) {
    return live(PROCESS_DEFINITIONS, key)
        .orElseThrow(() -> new NotFoundException("no version of process " + key + " is live"));
  }

  /** The live version of process {@code key} as the engine's API has it. */
  public ProcessDefinition liveProcess(RepositoryService repository, String key) {
    return repository.getProcessDefinition(liveProcess(key).id());
  }

  /** The id of the live version of process {@code key}, to start an instance on. */
  public String liveProcessId(String key) {
    return liveProcess(key).id();
  }

  /**
   * The live version of decision {@code key}: the latest whose deployment is not held (a decision
   * cannot be suspended); one SQL statement, read on every task created (the SLA policy).
   *
   * @throws NotFoundException when no version of it is live
   */
  public Live liveDecision(String key) {
    return live(DECISION_DEFINITIONS, key)
        .orElseThrow(() -> new NotFoundException("no decision " + key + " is deployed"));
  }

  /**
   * The latest definition of {@code key} in the engine's {@code table} whose deployment is not
   * held. SQL on the engine's tables (as {@code EngineTaskTable}; the columns {@code ID_}, {@code
   * KEY_}, {@code VERSION_}, {@code DEPLOYMENT_ID_}, {@code TENANT_ID_} of Camunda 7.24's schema):
   * the engine's query API cannot join our table, and reading the held ids first cost a second
   * statement on every task created. Check the columns on an engine upgrade.
   */
  private Optional<Live> live(String table, String key) {
    List<Live> found =
        jdbc.query(
            "select d.ID_, d.VERSION_ from "
                + table
                + " d where d.KEY_ = ? and d.TENANT_ID_ is null and not exists (select 1 from"
                + " held_deployment h where h.deployment_id = d.DEPLOYMENT_ID_)"
                + " order by d.VERSION_ desc fetch first 1 rows only",
            (row, n) -> new Live(row.getString(1), row.getInt(2)),
            key);
    return found.stream().findFirst();
  }
}
