package org.invisiblebars.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.invisiblebars.platform.process.EngineTaskTable;
import org.invisiblebars.sla.adapter.BreachScan;
import org.invisiblebars.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Not a test: the SLA benchmark, run only by {@code mvn -Pbenchmark verify} (docs/sla.md,
 * "Benchmark"). The whole application on embedded PostgreSQL, measured three times: on the demo
 * data alone (baseline), then seeded with 10,000 open and 100,000 finished tasks and a year of
 * breaches without the indexes of V7, then with them. Prints the median and 95th percentile of each
 * endpoint the dashboard reads and of one breach scan, with ratios, and writes them with the query
 * plans to {@code target/benchmark/}.
 *
 * <p>The rows are copies of rows the engine wrote itself: one instance per process is started (and
 * one completed) through the engine, and its rows in ACT_RU_EXECUTION, ACT_RU_TASK,
 * ACT_RU_IDENTITYLINK, ACT_HI_PROCINST and ACT_HI_TASKINST are copied with new ids and times.
 */
// The scheduled scan and metrics refresh would run between the measures: after the first run, once
// a day.
@TestPropertySource(
    properties = {
      "invisible-bars.sla.scan-interval=P1D",
      "invisible-bars.sla.metrics-interval=P1D"
    })
// Left out of the side-by-side benchmark's smoke run, and on demand.
@DisabledIfSystemProperty(named = "benchmark.quick", matches = "true")
@DisabledIfSystemProperty(named = "benchmark.sla.skip", matches = "true")
class SlaBenchmark extends IntegrationTest {

  static final int PROCESSES = 5;
  static final int OPEN = 10_000;
  static final int FINISHED = 100_000;

  /** Overdue open tasks left without a breach: what one measured scan records. */
  static final int NEW_BREACHES_PER_PROCESS = 10;

  static final int RUNS = 30;
  static final int SCAN_RUNS = 7;

  /** Rounds of measuring without and then with V7 on the seeded database. */
  static final int SEEDED_ROUNDS = 2;

  static final Path OUT = Path.of("target", "benchmark");

  static final Map<String, String> ENDPOINTS = new LinkedHashMap<>();

  static {
    ENDPOINTS.put("summary", "/api/v1/sla/summary");
    ENDPOINTS.put("breaches per day", "/api/v1/sla/breaches/daily?days=30");
    ENDPOINTS.put("task types", "/api/v1/sla/task-types?days=90");
    ENDPOINTS.put("open breaches", "/api/v1/sla/breaches?open=true&size=100");
    ENDPOINTS.put("breaches, all", "/api/v1/sla/breaches?size=50");
    ENDPOINTS.put("breaches of a group", "/api/v1/sla/breaches?group=ngo-liaison&size=50");
  }

  /**
   * The queries behind those endpoints and the scan, for EXPLAIN (the same SQL as the
   * application's).
   */
  static final Map<String, String> QUERIES = new LinkedHashMap<>();

  static {
    QUERIES.put("open breaches count", "select count(*) from sla_breach where resolved_at is null");
    QUERIES.put(
        "open breaches page",
        "select * from sla_breach where resolved_at is null"
            + " order by breached_at desc, task_id limit 100 offset 0");
    QUERIES.put(
        "all breaches page",
        "select * from sla_breach order by breached_at desc, task_id limit 50 offset 0");
    QUERIES.put(
        "breaches per day",
        "select breached_at from sla_breach where breached_at >= now() - interval '30 days'");
    QUERIES.put(
        "task types",
        "select PROC_DEF_KEY_, TASK_DEF_KEY_, count(*),"
            + " percentile_cont(0.5) within group (order by DURATION_), percentile_cont(0.9) within group (order by DURATION_)"
            + " from ACT_HI_TASKINST where END_TIME_ is not null and END_TIME_ >= now() - interval '90 days'"
            + " and DURATION_ is not null and PROC_DEF_KEY_ is not null group by PROC_DEF_KEY_, TASK_DEF_KEY_");
    QUERIES.put(
        "scan: unrecorded overdue",
        BreachScan.UNRECORDED_OVERDUE.replace(":now", "localtimestamp").replace(":batch", "500"));
    QUERIES.put("summary: open tasks", EngineTaskTable.TASKS_WITH_DUE_DATE);
  }

  @Autowired JdbcTemplate jdbc;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired BreachScan scan;
  @Autowired ApplicationContext context;

  private final StringBuilder report = new StringBuilder();
  private final List<String> newBreachTaskIds = new ArrayList<>();

  @Test
  void run() throws IOException, InterruptedException {
    // The scheduled scan (10 s) and metrics refresh (15 s) run once after the start: let them pass
    // before anything is measured or seeded.
    long quiet = context.getStartupDate() + 20_000 - System.currentTimeMillis();
    if (quiet > 0) {
      Thread.sleep(quiet);
    }
    Files.createDirectories(OUT);
    line(
        "SLA benchmark, %d cores, PostgreSQL %s",
        Runtime.getRuntime().availableProcessors(),
        jdbc.queryForObject("show server_version", String.class));
    List<String> indexes = v7Indexes();

    report("warm-up (not counted)", measureAll());
    Map<String, double[]> empty = report("baseline: demo data only", measureAll());
    long start = System.nanoTime();
    seed();
    line("seeded in %.1f s: %s", (System.nanoTime() - start) / 1e9, counts());
    // Without and with V7 in turns, so neither side profits from running later (warmer caches,
    // JIT).
    Map<String, List<Double>> withoutSamples = new LinkedHashMap<>();
    Map<String, List<Double>> withSamples = new LinkedHashMap<>();
    for (int round = 1; round <= SEEDED_ROUNDS; round++) {
      indexes.forEach(index -> jdbc.execute("drop index if exists " + indexName(index)));
      jdbc.execute("analyze");
      if (round == 1) {
        explain("without V7");
      }
      measureAll()
          .forEach(
              (name, times) ->
                  withoutSamples.computeIfAbsent(name, n -> new ArrayList<>()).addAll(times));
      indexes.forEach(jdbc::execute);
      jdbc.execute("analyze");
      if (round == 1) {
        explain("with V7");
      }
      measureAll()
          .forEach(
              (name, times) ->
                  withSamples.computeIfAbsent(name, n -> new ArrayList<>()).addAll(times));
    }
    Map<String, double[]> without = report("seeded, without the indexes of V7", withoutSamples);
    Map<String, double[]> with = report("seeded, with the indexes of V7", withSamples);

    line("");
    line(
        "%-22s %24s %24s %24s %10s %10s",
        "p50 / p95 in ms", "demo data only", "seeded, no V7", "seeded, V7", "V7/empty", "noV7/V7");
    for (String name : with.keySet()) {
      double[] e = empty.get(name);
      double[] n = without.get(name);
      double[] w = with.get(name);
      line(
          "%-22s %11.1f / %10.1f %11.1f / %10.1f %11.1f / %10.1f %9.1fx %9.2fx",
          name, e[0], e[1], n[0], n[1], w[0], w[1], w[0] / e[0], n[0] / w[0]);
    }
    Files.writeString(OUT.resolve("sla.txt"), report.toString(), StandardCharsets.UTF_8);
  }

  /** The response times of each endpoint and of the breach scan, in ms, by name. */
  private Map<String, List<Double>> measureAll() {
    Map<String, List<Double>> samples = new LinkedHashMap<>();
    var maria = as("maria");
    ENDPOINTS.forEach(
        (name, path) -> {
          List<Double> times = new ArrayList<>();
          for (int i = 0; i < RUNS + 3; i++) {
            long t = System.nanoTime();
            var response = maria.getForEntity(path, String.class);
            double ms = (System.nanoTime() - t) / 1e6;
            if (!response.getStatusCode().is2xxSuccessful()) {
              throw new IllegalStateException(path + " answered " + response.getStatusCode());
            }
            if (i >= 3) { // the first ones warm caches and the JIT
              times.add(ms);
            }
          }
          samples.put(name, times);
        });
    List<Double> scans = new ArrayList<>();
    for (int i = 0; i < SCAN_RUNS; i++) {
      forgetNewBreaches();
      long t = System.nanoTime();
      int recorded = scan.scan();
      scans.add((System.nanoTime() - t) / 1e6);
      if (recorded != (newBreachTaskIds.isEmpty() ? 0 : newBreachTaskIds.size())) {
        throw new IllegalStateException(
            "the scan recorded " + recorded + " breaches, not " + newBreachTaskIds.size());
      }
    }
    samples.put("breach scan", scans);
    List<Double> idle = new ArrayList<>();
    for (int i = 0; i < SCAN_RUNS; i++) {
      long t = System.nanoTime();
      scan.scan();
      idle.add((System.nanoTime() - t) / 1e6);
    }
    samples.put("scan, nothing new", idle);
    return samples;
  }

  private Map<String, double[]> report(String phase, Map<String, List<Double>> samples) {
    line("");
    line("== %s", phase);
    Map<String, double[]> results = new LinkedHashMap<>();
    samples.forEach((name, times) -> results.put(name, stats(name, times)));
    return results;
  }

  private double[] stats(String name, List<Double> times) {
    List<Double> sorted = times.stream().sorted().toList();
    double p50 = percentile(sorted, 0.5);
    double p95 = percentile(sorted, 0.95);
    line("%-22s p50 %8.1f ms   p95 %8.1f ms   (%d runs)", name, p50, p95, sorted.size());
    return new double[] {p50, p95};
  }

  private static double percentile(List<Double> sorted, double p) {
    double rank = p * (sorted.size() - 1);
    int low = (int) Math.floor(rank);
    int high = (int) Math.ceil(rank);
    return sorted.get(low) + (sorted.get(high) - sorted.get(low)) * (rank - low);
  }

  /**
   * Undoes what the measured scan did to the tasks it records, so every run records the same ones.
   */
  private void forgetNewBreaches() {
    if (newBreachTaskIds.isEmpty()) {
      return;
    }
    String ids =
        newBreachTaskIds.stream().map(id -> "'" + id + "'").collect(Collectors.joining(","));
    jdbc.update("delete from sla_breach where task_id in (" + ids + ")");
    jdbc.update(
        "delete from ACT_RU_IDENTITYLINK where GROUP_ID_ = 'manager' and TASK_ID_ in ("
            + ids
            + ")");
    jdbc.update(
        "update ACT_RU_TASK set PRIORITY_ = 50, REV_ = REV_ + 1 where ID_ in (" + ids + ")");
  }

  // ---- seeding -------------------------------------------------------------------------------

  private void seed() {
    // Timestamps the engine writes are local times of the JVM (columns without a zone); ours carry
    // one.
    LocalDateTime now = LocalDateTime.now();
    String local =
        "timestamp '" + now.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME).replace('T', ' ') + "'";
    String zoned = "(" + local + " at time zone '" + TimeZone.getDefault().getID() + "')";
    int openEach = OPEN / PROCESSES;
    int finishedEach = FINISHED / PROCESSES;
    for (int p = 1; p <= PROCESSES; p++) {
      String key = "sla-benchmark-" + p;
      repositoryService
          .createDeployment()
          .addModelInstance(
              key + ".bpmn",
              Bpmn.createExecutableProcess(key)
                  .camundaHistoryTimeToLive(180)
                  .startEvent()
                  .userTask("Task_Handle" + p)
                  .name("Handle case " + p)
                  .camundaCandidateGroups("ngo-liaison")
                  .endEvent()
                  .done())
          .deploy();
      String openInstance =
          runtimeService.startProcessInstanceByKey(key, key + "-template").getId();
      Task open = taskService.createTaskQuery().processInstanceId(openInstance).singleResult();
      String doneInstance = runtimeService.startProcessInstanceByKey(key, key + "-done").getId();
      Task done = taskService.createTaskQuery().processInstanceId(doneInstance).singleResult();
      taskService.complete(done.getId());
      seedOpen(p, openInstance, open.getId(), openEach, local);
      seedFinished(p, doneInstance, done.getId(), finishedEach, local);
      seedBreaches(p, key, "Task_Handle" + p, openEach, finishedEach, zoned);
    }
  }

  /**
   * Open tasks created over the last 10 days, each due 9 days later: a tenth of them overdue, their
   * breaches recorded and escalated, except the few that only just passed their due date.
   */
  private void seedOpen(int p, String instance, String task, int count, String now) {
    String pi = "'bpi-" + p + "-' || n";
    String created = "(" + now + " - interval '10 days' * (n / " + count + ".0))";
    String due = "(" + created + " + interval '9 days')";
    copy(
        "ACT_RU_EXECUTION",
        instance,
        count,
        Map.of(
            "ID_",
            pi,
            "PROC_INST_ID_",
            pi,
            "ROOT_PROC_INST_ID_",
            pi,
            "BUSINESS_KEY_",
            "'bench-" + p + "-' || n",
            "ACT_INST_ID_",
            "'bai-" + p + "-' || n"));
    copy(
        "ACT_HI_PROCINST",
        instance,
        count,
        Map.of(
            "ID_",
            pi,
            "PROC_INST_ID_",
            pi,
            "ROOT_PROC_INST_ID_",
            pi,
            "BUSINESS_KEY_",
            "'bench-" + p + "-' || n",
            "START_TIME_",
            created));
    String taskId = "'bt-" + p + "-' || n";
    copy(
        "ACT_RU_TASK",
        task,
        count,
        Map.of(
            "ID_",
            taskId,
            "EXECUTION_ID_",
            pi,
            "PROC_INST_ID_",
            pi,
            "CREATE_TIME_",
            created,
            "LAST_UPDATED_",
            created,
            "DUE_DATE_",
            due));
    copy(
        "ACT_HI_TASKINST",
        task,
        count,
        Map.of(
            "ID_",
            taskId,
            "EXECUTION_ID_",
            pi,
            "PROC_INST_ID_",
            pi,
            "ROOT_PROC_INST_ID_",
            pi,
            "ACT_INST_ID_",
            "'bai-" + p + "-' || n",
            "START_TIME_",
            created,
            "DUE_DATE_",
            due));
    String link =
        jdbc.queryForObject(
            "select ID_ from ACT_RU_IDENTITYLINK where TASK_ID_ = ?", String.class, task);
    copy(
        "ACT_RU_IDENTITYLINK",
        link,
        count,
        Map.of("ID_", "'bil-" + p + "-' || n", "TASK_ID_", taskId));
  }

  /** Finished tasks over the year before the last 16 days; every tenth took 8 to 15 days. */
  private void seedFinished(int p, String instance, String task, int count, String now) {
    String pi = "'bhpi-" + p + "-' || n";
    String start =
        "(" + now + " - interval '16 days' - interval '349 days' * (n / " + count + ".0))";
    String took =
        "(case when n % 10 = 0 then interval '8 days' + interval '1 hour' * (n % 168)"
            + " else interval '1 hour' * (1 + n % 97) end)";
    String end = "(" + start + " + " + took + ")";
    String millis = "(extract(epoch from " + took + ") * 1000)::bigint";
    copy(
        "ACT_HI_PROCINST",
        instance,
        count,
        Map.of(
            "ID_",
            pi,
            "PROC_INST_ID_",
            pi,
            "ROOT_PROC_INST_ID_",
            pi,
            "BUSINESS_KEY_",
            "'bench-done-" + p + "-' || n",
            "START_TIME_",
            start,
            "END_TIME_",
            end,
            "DURATION_",
            millis));
    copy(
        "ACT_HI_TASKINST",
        task,
        count,
        Map.of(
            "ID_",
            "'bht-" + p + "-' || n",
            "EXECUTION_ID_",
            pi,
            "PROC_INST_ID_",
            pi,
            "ROOT_PROC_INST_ID_",
            pi,
            "ACT_INST_ID_",
            "'bhai-" + p + "-' || n",
            "START_TIME_",
            start,
            "END_TIME_",
            end,
            "DURATION_",
            millis,
            "DUE_DATE_",
            "(" + start + " + interval '7 days')"));
  }

  /**
   * A year of breaches as the scan records them: resolved for the finished tasks, open and
   * escalated for the overdue.
   */
  private void seedBreaches(
      int p, String processKey, String taskKey, int open, int finished, String now) {
    String resolvedStart =
        "(" + now + " - interval '16 days' - interval '349 days' * (n / " + finished + ".0))";
    String resolvedDue = "(" + resolvedStart + " + interval '7 days')";
    jdbc.update(
        "insert into sla_breach (id, task_id, process_key, task_key, process_instance_id, business_key,"
            + " candidate_groups, escalation_group, due_at, breached_at, resolved_at)"
            + " select gen_random_uuid(), 'bht-"
            + p
            + "-' || n, ?, ?, 'bhpi-"
            + p
            + "-' || n, 'bench-done-"
            + p
            + "-' || n,"
            + " 'ngo-liaison', 'manager', "
            + resolvedDue
            + ", "
            + resolvedDue
            + " + interval '30 seconds', "
            + resolvedStart
            + " + interval '8 days' + interval '1 hour' * (n % 168)"
            + " from generate_series(10, "
            + finished
            + ", 10) n",
        processKey,
        taskKey);
    // Overdue open tasks are those from n = 90 % of the count (due when seeded); the first few stay
    // new.
    int firstOverdue = open * 9 / 10;
    int firstRecorded = firstOverdue + NEW_BREACHES_PER_PROCESS;
    String openDue =
        "(" + now + " - interval '10 days' * (n / " + open + ".0) + interval '9 days')";
    jdbc.update(
        "insert into sla_breach (id, task_id, process_key, task_key, process_instance_id, business_key,"
            + " candidate_groups, escalation_group, due_at, breached_at)"
            + " select gen_random_uuid(), 'bt-"
            + p
            + "-' || n, ?, ?, 'bpi-"
            + p
            + "-' || n, 'bench-"
            + p
            + "-' || n,"
            + " 'ngo-liaison', 'manager', "
            + openDue
            + ", "
            + openDue
            + " + interval '30 seconds'"
            + " from generate_series("
            + firstRecorded
            + ", "
            + open
            + ") n",
        processKey,
        taskKey);
    String escalated =
        "select 'bt-" + p + "-' || n from generate_series(" + firstRecorded + ", " + open + ") n";
    jdbc.update("update ACT_RU_TASK set PRIORITY_ = 90 where ID_ in (" + escalated + ")");
    jdbc.update(
        "insert into ACT_RU_IDENTITYLINK (ID_, REV_, GROUP_ID_, TYPE_, TASK_ID_)"
            + " select 'bes-"
            + p
            + "-' || n, 1, 'manager', 'candidate', 'bt-"
            + p
            + "-' || n"
            + " from generate_series("
            + firstRecorded
            + ", "
            + open
            + ") n");
    for (int n = firstOverdue; n < firstRecorded; n++) {
      newBreachTaskIds.add("bt-" + p + "-" + n);
    }
  }

  /**
   * Copies one row {@code count} times, with the given SQL expressions of {@code n} for some
   * columns.
   */
  private void copy(String table, String id, int count, Map<String, String> overrides) {
    List<String> columns =
        jdbc.queryForList(
            "select upper(column_name) from information_schema.columns"
                + " where table_schema = current_schema() and table_name = ? order by ordinal_position",
            String.class,
            table.toLowerCase(Locale.ROOT));
    if (!columns.containsAll(overrides.keySet())) {
      throw new IllegalStateException(table + " has no column among " + overrides.keySet());
    }
    String values =
        columns.stream()
            .map(c -> overrides.getOrDefault(c, "t." + c))
            .collect(Collectors.joining(", "));
    int rows =
        jdbc.update(
            "insert into "
                + table
                + " ("
                + String.join(", ", columns)
                + ") select "
                + values
                + " from "
                + table
                + " t cross join generate_series(1, "
                + count
                + ") n where t.ID_ = ?",
            id);
    if (rows != count) {
      throw new IllegalStateException(table + ": copied " + rows + " rows, not " + count);
    }
  }

  private String counts() {
    return String.join(
        ", ",
        jdbc.queryForObject("select count(*) from ACT_RU_TASK", Long.class) + " open tasks",
        jdbc.queryForObject(
                "select count(*) from ACT_HI_TASKINST where END_TIME_ is not null", Long.class)
            + " finished",
        jdbc.queryForObject("select count(*) from sla_breach", Long.class) + " breaches",
        jdbc.queryForObject("select count(*) from sla_breach where resolved_at is null", Long.class)
            + " open breaches",
        jdbc.queryForObject(
                "select count(*) from ACT_RU_TASK where DUE_DATE_ < localtimestamp", Long.class)
            + " overdue");
  }

  // ---- indexes and plans ---------------------------------------------------------------------

  private static List<String> v7Indexes() throws IOException {
    try (InputStream in =
        new ClassPathResource("db/migration/V7__sla_indexes.sql").getInputStream()) {
      String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("--[^\n]*", "");
      return Arrays.stream(sql.split(";"))
          .map(String::strip)
          .filter(s -> s.toLowerCase(Locale.ROOT).startsWith("create index"))
          .toList();
    }
  }

  private static String indexName(String createIndex) {
    Matcher m = Pattern.compile("(?i)create index (\\w+)").matcher(createIndex);
    if (!m.find()) {
      throw new IllegalStateException("no index name in " + createIndex);
    }
    return m.group(1);
  }

  private void explain(String phase) throws IOException {
    StringBuilder plans = new StringBuilder();
    QUERIES.forEach(
        (name, sql) -> {
          plans.append("-- ").append(name).append(" (").append(phase).append(")\n");
          jdbc.queryForList("explain (analyze, buffers) " + sql, String.class)
              .forEach(l -> plans.append(l).append('\n'));
          plans.append('\n');
        });
    Files.writeString(
        OUT.resolve("explain-" + phase.replace(' ', '-') + ".txt"),
        plans.toString(),
        StandardCharsets.UTF_8);
  }

  private void line(String format, Object... args) {
    String text = String.format(Locale.ROOT, format, args);
    System.out.println(text);
    report.append(text).append('\n');
  }
}
