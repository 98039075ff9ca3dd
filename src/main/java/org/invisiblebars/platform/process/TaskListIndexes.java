package org.invisiblebars.platform.process;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Indexes on Camunda's tables for the task lists Tasklist shows (issue 11): a queue sorted by due
 * date reads its first page along an index instead of sorting every open task of the queue (at
 * 50,000 open tasks, a sort that no longer fits in memory). Camunda has an index on the creation
 * time, Tasklist's default order, but none on the due date.
 *
 * <p>Why not a Flyway migration: on a new database our migrations run before the engine creates its
 * tables, so a migration on {@code ACT_RU_TASK} would fail there. This plugin creates them when the
 * engine is built, after its schema is created or updated, if they do not exist ({@code create
 * index if not exists}, on PostgreSQL and H2 alike); the names carry our prefix, so no Camunda
 * update script meets them. When two nodes start at once, the one that loses the race logs a
 * warning.
 */
@Component
public class TaskListIndexes extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(TaskListIndexes.class);

  /** Each index's name and what it indexes, on tables named without Camunda's table prefix. */
  public static final Map<String, String> INDEXES =
      Map.of("IB_IDX_TASK_DUE_DATE", "ACT_RU_TASK (DUE_DATE_)");

  private final JdbcTemplate jdbc;

  TaskListIndexes(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    String prefix =
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
            .getDatabaseTablePrefix();
    INDEXES.forEach(
        (name, on) -> {
          try {
            jdbc.execute("create index if not exists " + name + " on " + prefix + on);
          } catch (DataAccessException e) {
            // Also when another node created it in the same moment: PostgreSQL's "if not exists"
            // does not wait for it.
            LOG.warn("Index {} on {}{} was not created: {}", name, prefix, on, e.getMessage());
          }
        });
  }
}
