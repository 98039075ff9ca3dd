package org.invisiblebars.sla.usecase;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What managers see: open tasks by SLA state, and the recorded breaches, filtered and paged. */
@Service
@Transactional(readOnly = true)
public class SlaReports {

  public static final int MAX_PAGE_SIZE = 500;

  private final SlaTasks tasks;
  private final SlaTasks.Policy policy;
  private final NamedParameterJdbcTemplate jdbc;
  private final Clock clock;
  private final ZoneId zone;

  SlaReports(
      SlaTasks tasks,
      SlaTasks.Policy policy,
      NamedParameterJdbcTemplate jdbc,
      Clock clock,
      @Value("${invisible-bars.sla.zone:UTC}") String zone) {
    this.tasks = tasks;
    this.policy = policy;
    this.jdbc = jdbc;
    this.clock = clock;
    this.zone = ZoneId.of(zone);
  }

  /** Open tasks on time, at risk and breached, and the breaches still open. */
  public Summary summary() {
    Instant now = clock.instant();
    Map<String, Duration> thresholds = new HashMap<>();
    long[] counts = new long[3];
    tasks.forEachOpenTask(
        task -> {
          Duration atRisk =
              thresholds.computeIfAbsent(
                  task.processKey() + "/" + task.taskKey(),
                  key -> policy.atRisk(task.processKey(), task.taskKey()));
          if (task.due().isBefore(now)) {
            counts[2]++;
          } else if (!task.due().minus(atRisk).isAfter(now)) {
            counts[1]++;
          } else {
            counts[0]++;
          }
        });
    Long openBreaches =
        jdbc.queryForObject(
            "select count(*) from sla_breach where resolved_at is null", Map.of(), Long.class);
    return new Summary(
        counts[0], counts[1], counts[2], openBreaches == null ? 0 : openBreaches, now);
  }

  /**
   * The open breaches escalated to one of {@code groups}, newest first, at most {@code limit}: how
   * a group learns of the late work it is told of (issue 13: escalation informs; it hands the task
   * over only where the group may do it).
   */
  public List<Breach> escalatedTo(Collection<String> groups, int limit) {
    if (groups.isEmpty()) {
      return List.of();
    }
    Instant now = clock.instant();
    return jdbc.query(
        "select * from sla_breach where resolved_at is null and escalation_group in (:groups)"
            + " order by breached_at desc, task_id limit :limit",
        new MapSqlParameterSource("groups", groups)
            .addValue("limit", Math.max(1, Math.min(limit, MAX_PAGE_SIZE))),
        (rs, i) -> breach(rs, now));
  }

  private static String named(String name, String fallback) {
    return name != null ? name : fallback;
  }

  /** Breaches matching the filter, newest first. */
  public Page breaches(BreachFilter filter, int page, int size) {
    int pageSize = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
    MapSqlParameterSource params = new MapSqlParameterSource();
    List<String> where = new ArrayList<>();
    if (filter.processKey() != null) {
      where.add("process_key = :process");
      params.addValue("process", filter.processKey());
    }
    if (filter.taskKey() != null) {
      where.add("task_key = :task");
      params.addValue("task", filter.taskKey());
    }
    if (filter.group() != null) {
      where.add("(escalation_group = :group or ',' || candidate_groups || ',' like :groupPattern)");
      params.addValue("group", filter.group());
      params.addValue("groupPattern", "%," + filter.group() + ",%");
    }
    if (filter.from() != null) {
      where.add("breached_at >= :from");
      params.addValue("from", Timestamp.from(filter.from()));
    }
    if (filter.to() != null) {
      where.add("breached_at < :to");
      params.addValue("to", Timestamp.from(filter.to()));
    }
    if (filter.open() != null) {
      where.add(filter.open() ? "resolved_at is null" : "resolved_at is not null");
    }
    String condition = where.isEmpty() ? "" : " where " + String.join(" and ", where);
    Long total =
        jdbc.queryForObject("select count(*) from sla_breach" + condition, params, Long.class);
    params.addValue("limit", pageSize).addValue("offset", (long) Math.max(page, 0) * pageSize);
    Instant now = clock.instant();
    List<Breach> rows =
        jdbc.query(
            "select * from sla_breach"
                + condition
                + " order by breached_at desc, task_id limit :limit offset :offset",
            params,
            (rs, i) -> breach(rs, now));
    return new Page(rows, Math.max(page, 0), pageSize, total == null ? 0 : total);
  }

  private static Breach breach(ResultSet rs, Instant now) throws SQLException {
    Instant due = rs.getTimestamp("due_at").toInstant();
    Timestamp resolved = rs.getTimestamp("resolved_at");
    Instant end = resolved == null ? now : resolved.toInstant();
    return new Breach(
        rs.getString("task_id"),
        rs.getString("process_key"),
        rs.getString("task_key"),
        named(rs.getString("task_name"), rs.getString("task_key")),
        rs.getString("business_key"),
        named(rs.getString("case_reference"), rs.getString("business_key")),
        rs.getString("organisation_name"),
        rs.getString("facility_name"),
        rs.getString("assignee"),
        rs.getString("candidate_groups"),
        rs.getString("escalation_group"),
        due,
        rs.getTimestamp("breached_at").toInstant(),
        resolved == null ? null : resolved.toInstant(),
        Duration.between(due, end).toMinutes());
  }

  /**
   * Breaches recorded per day over the last {@code days} days up to today, oldest first, a day
   * without breaches included as zero; days are counted in the administration's time zone.
   */
  public List<Day> breachesPerDay(int days) {
    LocalDate today = LocalDate.now(clock.withZone(zone));
    LocalDate first = today.minusDays(days - 1L);
    Map<LocalDate, Long> counts = new TreeMap<>();
    for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
      counts.put(day, 0L);
    }
    // Only the one timestamp column of the period is read; grouping by local day happens here, so
    // the
    // same query runs on H2 and PostgreSQL whatever their time zone functions.
    jdbc.query(
        "select breached_at from sla_breach where breached_at >= :since",
        new MapSqlParameterSource("since", Timestamp.from(first.atStartOfDay(zone).toInstant())),
        rs -> {
          counts.computeIfPresent(
              rs.getTimestamp(1).toInstant().atZone(zone).toLocalDate(), (day, n) -> n + 1);
        });
    return counts.entrySet().stream().map(e -> new Day(e.getKey(), e.getValue())).toList();
  }

  /**
   * Per task type, how long finished tasks took (median and 90th percentile) against the policy's
   * target, and how many finished after their own due date, over the tasks finished since {@code
   * since}. Reads Camunda's task history directly: one grouped query, whatever the number of tasks.
   */
  public List<TaskType> taskTypes(Instant since) {
    String sql =
        "select PROC_DEF_KEY_ as process_key, TASK_DEF_KEY_ as task_key, max(NAME_) as task_name,"
            + " count(*) as finished,"
            + " percentile_cont(0.5) within group (order by DURATION_) as p50,"
            + " percentile_cont(0.9) within group (order by DURATION_) as p90,"
            + " sum(case when DUE_DATE_ is not null and END_TIME_ > DUE_DATE_ then 1 else 0 end)"
            + " as late"
            + " from ACT_HI_TASKINST"
            + " where END_TIME_ is not null and END_TIME_ >= :since and DURATION_ is not null and PROC_DEF_KEY_ is not null"
            + " group by PROC_DEF_KEY_, TASK_DEF_KEY_ order by PROC_DEF_KEY_, TASK_DEF_KEY_";
    return jdbc.query(
        sql,
        new MapSqlParameterSource("since", Timestamp.from(since)),
        (rs, i) -> {
          String process = rs.getString("process_key");
          String task = rs.getString("task_key");
          boolean byModel = policy.modelSetsDueDate(process, task);
          return new TaskType(
              process,
              task,
              named(rs.getString("task_name"), task),
              rs.getLong("finished"),
              Duration.ofMillis(Math.round(rs.getDouble("p50"))),
              Duration.ofMillis(Math.round(rs.getDouble("p90"))),
              byModel ? null : policy.target(process, task),
              byModel,
              rs.getLong("late"));
        });
  }

  /**
   * How one task type performed: median and 90th percentile against its target, and how many were
   * finished after their own due date. Where the model sets the due date (the entry tasks, from the
   * visit's window) there is no fixed target: {@code target} is null and {@code dueDateSetByModel}
   * true, and {@code finishedLate} is the measure.
   */
  public record TaskType(
      String processKey,
      String taskKey,
      String taskName,
      long finished,
      Duration median,
      Duration p90,
      SlaTasks.Target target,
      boolean dueDateSetByModel,
      long finishedLate) {}

  /** How many breaches were recorded on one day. */
  public record Day(LocalDate day, long breaches) {}

  /** Counts of open tasks by SLA state. */
  public record Summary(long onTime, long atRisk, long breached, long openBreaches, Instant at) {}

  /** Which breaches to list; every field may be null. */
  public record BreachFilter(
      String processKey, String taskKey, String group, Instant from, Instant to, Boolean open) {}

  /**
   * One recorded breach, with what a person reads of it: the task's name and the case's reference,
   * organisation and facility (a breach recorded before these were kept shows the task's key and
   * the business key); {@code minutesOverTarget} runs until it is resolved.
   */
  public record Breach(
      String taskId,
      String processKey,
      String taskKey,
      String taskName,
      String businessKey,
      String reference,
      String organisationName,
      String facilityName,
      String assignee,
      String candidateGroups,
      String escalationGroup,
      Instant dueAt,
      Instant breachedAt,
      Instant resolvedAt,
      long minutesOverTarget) {}

  /** A page of breaches. */
  public record Page(List<Breach> items, int page, int size, long total) {}
}
