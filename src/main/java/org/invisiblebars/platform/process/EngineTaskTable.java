package org.invisiblebars.platform.process;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The only SQL on the engine's runtime tables: three statements on {@code ACT_RU_TASK} (and {@code
 * ACT_RE_PROCDEF}) where the engine's API has no equivalent or measured far slower. Everything else
 * asks the engine's services.
 *
 * <ul>
 *   <li>{@link #lock}: the engine has no pessimistic lock, and adding a candidate group does not
 *       touch the task's revision, so its optimistic locking does not see two transactions adding
 *       the same group (see {@link TaskCandidates});
 *   <li>{@link #forEachTaskWithDueDate}: the SLA summary reads three columns of every open task;
 *       paging through the task query loaded every task in full, ten pages for 10,000 tasks, and
 *       took most of the summary's time (docs/performance.md, docs/sla.md);
 *   <li>{@link #overdueWithout}: the breach scan needs the overdue tasks not yet recorded in our
 *       own table, oldest first; the task query cannot join our table, and asking it for the
 *       overdue tasks and skipping the recorded ones returns the same recorded tasks at every scan
 *       once a batch's worth of old breaches stays open, never reaching the new ones.
 * </ul>
 *
 * <p>Schema assumed: Camunda 7.24's ({@code ACT_RU_TASK.ID_, TASK_DEF_KEY_, DUE_DATE_,
 * PROC_DEF_ID_}; {@code ACT_RE_PROCDEF.ID_, KEY_}), unchanged since 7.0 and the same in Operaton
 * and CIB seven. On an engine upgrade, check these columns in the engine's create scripts ({@code
 * org/camunda/bpm/engine/db/create/activiti.*.create.engine.sql}). {@code SlaBreachIT} runs every
 * statement on PostgreSQL (two nodes at once included), {@code SlaOnH2IT} on H2.
 */
@Component
public class EngineTaskTable {

  /**
   * Open tasks that have a due date: process key (null for a standalone task), task key, due date.
   */
  public static final String TASKS_WITH_DUE_DATE =
      "select d.KEY_, t.TASK_DEF_KEY_, t.DUE_DATE_ from ACT_RU_TASK t"
          + " left join ACT_RE_PROCDEF d on d.ID_ = t.PROC_DEF_ID_ where t.DUE_DATE_ is not null";

  private static final String LOCK = "select ID_ from ACT_RU_TASK where ID_ = :id for update";
  private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

  private final NamedParameterJdbcTemplate jdbc;

  public EngineTaskTable(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** One open task with a due date. */
  public record TaskWithDueDate(String processKey, String taskKey, Instant dueDate) {}

  /** A callback for each open task with a due date. */
  @FunctionalInterface
  public interface EachTask {
    void accept(TaskWithDueDate task);
  }

  /**
   * Locks the task's row until the caller's transaction ends ({@code SELECT ... FOR UPDATE}, on
   * PostgreSQL and H2).
   */
  public void lock(String taskId) {
    jdbc.queryForList(LOCK, Map.of("id", taskId), String.class);
  }

  /** Every open task that has a due date, in one query of three columns. */
  public void forEachTaskWithDueDate(EachTask each) {
    jdbc.getJdbcTemplate()
        .query(
            TASKS_WITH_DUE_DATE,
            rs -> {
              each.accept(
                  new TaskWithDueDate(
                      rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()));
            });
  }

  /**
   * The ids of at most {@code batch} tasks due before {@code now} whose id is not in {@code
   * table.column} (a table of ours that records handled tasks), oldest due date first.
   */
  public List<String> overdueWithout(String table, String column, Instant now, int batch) {
    return jdbc.queryForList(
        overdueWithoutSql(table, column),
        Map.of("now", Timestamp.from(now), "batch", batch),
        String.class);
  }

  /**
   * The statement of {@link #overdueWithout}, with {@code :now} and {@code :batch} as parameters
   * (the benchmark explains it).
   */
  public static String overdueWithoutSql(String table, String column) {
    if (!IDENTIFIER.matcher(table).matches() || !IDENTIFIER.matcher(column).matches()) {
      throw new IllegalArgumentException("not a table or column name: " + table + "." + column);
    }
    return "select t.ID_ from ACT_RU_TASK t where t.DUE_DATE_ < :now and not exists (select 1 from "
        + table
        + " b where b."
        + column
        + " = t.ID_) order by t.DUE_DATE_, t.ID_ limit :batch";
  }
}
