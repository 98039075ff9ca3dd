package org.invisiblebars.benchmark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.VariableInstanceQueryImpl;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.invisiblebars.platform.process.TaskListIndexes;
import org.invisiblebars.support.IntegrationTest;
import org.invisiblebars.support.TaskQuerySql;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Not a test: the benchmark of Tasklist's group queue at volume (issue 11, the task authorization
 * query), run alone with {@code mvn -Pbenchmark verify -Dit.test=TaskQueryBenchmark
 * -Dbenchmark.side-by-side.skip=true} (see docs/performance.md). The whole application on embedded
 * PostgreSQL; open {@code director} tasks are started through the engine, so each has its
 * candidate-group grant as in production.
 *
 * <p>At 1,000, 10,000 and 50,000 open director tasks ({@code -Dbenchmark.sizes=...}) it times, as
 * {@code martha} over HTTP, the <i>Directors queue</i> filter as Tasklist reads it: its first page
 * of 15 with the filter's variable columns (HAL), sorted by due date and in Tasklist's default
 * order (newest first), and its count. Three setups take turns (A B C A B C ...): the engine's own
 * statements (up to {@code -Dbenchmark.engine-up-to}, 10,000 by default: above, one request takes
 * minutes), ours ({@code platform/process/ExistsAuthorizationCheck}) without the due-date index of
 * {@code TaskListIndexes}, and ours with it (production). {@code admin}, whose grants are on {@code
 * *}, is the floor; the engine calls behind martha's list, timed in this JVM, show where the time
 * goes. Before measuring, every setup must return the same count and the same first pages. Prints
 * p50 and p95 per size and the ratios, and writes them with the database's plans ({@code EXPLAIN
 * ANALYZE}) under {@code target/benchmark/}.
 */
class TaskQueryBenchmark extends IntegrationTest {

  static final String PROCESS = "task-query-benchmark";
  static final String FILTER = "Directors queue";
  static final String MARTHA = "martha";
  static final List<String> MARTHA_GROUPS = List.of("director");
  static final int PAGE = 15;

  /** The filters' variable columns (TaskFilterSeeder). */
  static final String[] COLUMNS = {
    "organisationName", "facilityName", "accreditationId", "visitId", "reportId"
  };

  static final int SEED_BATCH = 500;
  static final int ROUNDS = 5;
  static final int PER_ROUND = 5;
  static final int ENGINE_UP_TO = Integer.getInteger("benchmark.engine-up-to", 10_000);

  /** Time each setup may spend on one kind of request at one size; at least one request is made. */
  static final double BUDGET_MS = 60_000;

  static final Path OUT = Path.of("target", "benchmark");
  static final String INDEX = TaskListIndexes.INDEXES.keySet().iterator().next();

  /** Tasklist's list requests: its body, and the same order for the database's plans. */
  private record Order(String name, String sorting, Consumer<TaskQuery> query) {}

  static final List<Order> ORDERS =
      List.of(
          new Order(
              "by due date",
              "{\"sortBy\":\"dueDate\",\"sortOrder\":\"asc\"}",
              query -> query.orderByDueDate().asc()),
          new Order(
              "newest first",
              "{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}",
              query -> query.orderByTaskCreateTime().desc()));
  static final List<String> KINDS =
      List.of("list " + ORDERS.get(0).name(), "list " + ORDERS.get(1).name(), "count");

  @Autowired ProcessEngine engine;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired FilterService filterService;
  @Autowired TransactionTemplate transactions;
  @Autowired DataSource dataSource;
  @Autowired JdbcTemplate jdbc;

  private final StringBuilder report = new StringBuilder();
  private final ObjectMapper json = new ObjectMapper();
  private String filterId;
  private String indexDefinition;
  private List<Setup> setups;

  /** The statement mappings the engine runs with, and whether the due-date index exists. */
  private record Setup(String name, Map<String, String> mappings, boolean index) {}

  private record Stats(int n, double p50, double p95) {
    static final Stats NONE = new Stats(0, Double.NaN, Double.NaN);

    static Stats of(List<Double> samples) {
      double[] sorted = samples.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      return new Stats(sorted.length, nearestRank(sorted, 50), nearestRank(sorted, 95));
    }

    /**
     * The nearest-rank percentile: the smallest sample with at least p % of samples at or below it.
     */
    private static double nearestRank(double[] sorted, int p) {
      int rank = (int) Math.ceil(p / 100.0 * sorted.length);
      return sorted[Math.max(rank, 1) - 1];
    }
  }

  @Test
  void run() throws IOException, SQLException {
    Files.createDirectories(OUT);
    line(
        "Task query benchmark, %d cores, PostgreSQL %s, %s",
        Runtime.getRuntime().availableProcessors(),
        jdbc.queryForObject("show server_version", String.class),
        Instant.now().truncatedTo(ChronoUnit.SECONDS));
    filterId = filterService.createFilterQuery().filterName(FILTER).singleResult().getId();
    indexDefinition =
        jdbc.queryForObject(
            "select indexdef from pg_indexes where indexname = lower(?)", String.class, INDEX);
    Map<String, String> ours = TaskQuerySql.mappings(engine);
    setups =
        List.of(
            new Setup("engine", TaskQuerySql.engineOwnMappings(engine), true),
            new Setup("exists, no index", ours, false),
            new Setup("exists", ours, true));
    line(
        "statements: engine's %s, ours %s; index %s",
        TaskQuerySql.LIST, ours.get(TaskQuerySql.LIST), indexDefinition);
    deploy();
    int[] sizes =
        Arrays.stream(System.getProperty("benchmark.sizes", "1000,10000,50000").split(","))
            .map(String::strip)
            .mapToInt(Integer::parseInt)
            .toArray();
    Map<Integer, Map<String, Stats>> results = new LinkedHashMap<>();
    for (int size : sizes) {
      seedTo(size);
      jdbc.execute("analyze");
      results.put(size, measure(size));
    }
    use(production());
    summary(results);
    Files.writeString(OUT.resolve("task-query.txt"), report.toString(), StandardCharsets.UTF_8);
  }

  private Setup production() {
    return setups.get(setups.size() - 1);
  }

  /** All setups, but the engine's where one of its requests would take minutes. */
  private List<Setup> setups(int size) {
    return size <= ENGINE_UP_TO ? setups : setups.subList(1, setups.size());
  }

  private void use(Setup setup) {
    TaskQuerySql.use(engine, setup.mappings());
    jdbc.execute(
        setup.index()
            ? indexDefinition.replaceFirst("(?i)^create index", "create index if not exists")
            : "drop index if exists " + INDEX);
  }

  // ---- seeding -------------------------------------------------------------------------------

  private void deploy() {
    repositoryService
        .createDeployment()
        .name(PROCESS)
        .addModelInstance(
            PROCESS + ".bpmn",
            Bpmn.createExecutableProcess(PROCESS)
                .camundaHistoryTimeToLive(180)
                .startEvent()
                .userTask("Task_DecideBenchmarkCase")
                .name("Decide benchmark case")
                .camundaCandidateGroups("director")
                .camundaDueDate("${due}")
                .endEvent()
                .done())
        .deploy();
  }

  private long openDirectorTasks() {
    return taskService
        .createTaskQuery()
        .taskCandidateGroup("director")
        .includeAssignedTasks()
        .count();
  }

  /**
   * Starts instances until {@code size} director tasks are open, in transactions of {@value
   * #SEED_BATCH}; each has three of the filter's variable columns and is due within 60 days.
   */
  private void seedTo(int size) {
    long start = System.nanoTime();
    long open = openDirectorTasks();
    int started = 0;
    Instant now = Instant.now();
    while (open + started < size) {
      int first = (int) open + started;
      int batch = (int) Math.min(SEED_BATCH, size - open - started);
      transactions.executeWithoutResult(
          status -> {
            for (int i = first; i < first + batch; i++) {
              runtimeService.startProcessInstanceByKey(
                  PROCESS,
                  "bench-" + i,
                  Variables.createVariables()
                      .putValue("organisationName", "Organisation " + (i % 97))
                      .putValue("facilityName", "Facility " + (i % 7))
                      .putValue("reportId", "report-" + i)
                      .putValue(
                          "due", Date.from(now.plus(1 + i % 60, ChronoUnit.DAYS).plusSeconds(i))));
            }
          });
      started += batch;
    }
    line("");
    line(
        "== %,d open director tasks (%,d started in %.0f s); %,d authorization rows, %,d open tasks in all",
        size,
        started,
        (System.nanoTime() - start) / 1e9,
        jdbc.queryForObject("select count(*) from ACT_RU_AUTHORIZATION", Long.class),
        jdbc.queryForObject("select count(*) from ACT_RU_TASK", Long.class));
  }

  // ---- measuring -----------------------------------------------------------------------------

  private Map<String, Stats> measure(int size) throws IOException, SQLException {
    explain(size);
    String expected = null;
    for (Setup setup : setups(size)) {
      use(setup);
      String seen =
          count(as(MARTHA)).getBody()
              + " "
              + page(list(as(MARTHA), ORDERS.get(0)).getBody())
              + " "
              + page(list(as(MARTHA), ORDERS.get(1)).getBody());
      if (expected == null) {
        expected = seen;
        line("martha sees %s", seen);
      } else if (!expected.equals(seen)) {
        throw new IllegalStateException(
            setup.name() + " shows other tasks: " + seen + ", not " + expected);
      }
    }
    Map<String, List<Double>> samples = new LinkedHashMap<>();
    Map<String, Double> spent = new HashMap<>();
    for (int round = 0; round < ROUNDS; round++) {
      for (Setup setup : setups(size)) {
        use(setup);
        requests(samples, spent, setup.name(), as(MARTHA));
      }
      requests(samples, spent, "admin", as("admin"));
      // Where the time of martha's list goes: the engine's calls behind it, in this JVM, without
      // HTTP.
      TaskQuery byDueDate = taskService.createTaskQuery().active();
      ORDERS.get(0).query().accept(byDueDate);
      List<Task> page = asMartha(() -> filterService.listPage(filterId, byDueDate, 0, PAGE));
      sample(
          samples,
          spent,
          "java: list " + ORDERS.get(0).name(),
          () -> asMartha(() -> filterService.listPage(filterId, byDueDate, 0, PAGE)));
      sample(samples, spent, "java: count", () -> asMartha(() -> filterService.count(filterId)));
      sample(samples, spent, "java: variable columns", () -> asMartha(() -> variableColumns(page)));
    }
    Map<String, Stats> stats = new LinkedHashMap<>();
    samples.forEach(
        (name, times) -> {
          Stats s = Stats.of(times);
          stats.put(name, s);
          line("%-40s p50 %9.1f ms   p95 %9.1f ms   (%d)", name, s.p50(), s.p95(), s.n());
        });
    return stats;
  }

  /** Tasklist's requests for the queue, as {@code user}: the lists in both orders and the count. */
  private void requests(
      Map<String, List<Double>> samples,
      Map<String, Double> spent,
      String setup,
      TestRestTemplate user) {
    for (Order order : ORDERS) {
      sample(samples, spent, setup + ": list " + order.name(), () -> list(user, order));
    }
    sample(samples, spent, setup + ": count", () -> count(user));
  }

  private void sample(
      Map<String, List<Double>> samples,
      Map<String, Double> spent,
      String name,
      Supplier<?> request) {
    List<Double> times = samples.computeIfAbsent(name, n -> new ArrayList<>());
    for (int i = 0;
        i < PER_ROUND && (times.isEmpty() || spent.getOrDefault(name, 0.0) < BUDGET_MS);
        i++) {
      long t = System.nanoTime();
      if (request.get() instanceof ResponseEntity<?> response
          && !response.getStatusCode().is2xxSuccessful()) {
        throw new IllegalStateException(
            name + " answered " + response.getStatusCode() + ": " + response.getBody());
      }
      double ms = (System.nanoTime() - t) / 1e6;
      times.add(ms);
      spent.merge(name, ms, Double::sum);
    }
  }

  private <T> T asMartha(Supplier<T> call) {
    engine.getIdentityService().setAuthentication(MARTHA, MARTHA_GROUPS);
    try {
      return call.get();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  /** The variable query the engine REST API runs for a filter's columns (FilterResourceImpl). */
  private List<VariableInstance> variableColumns(List<Task> page) {
    Set<String> scopes = new LinkedHashSet<>();
    page.forEach(
        task -> {
          scopes.add(task.getId());
          scopes.add(task.getExecutionId());
          scopes.add(task.getProcessInstanceId());
        });
    scopes.remove(null);
    return ((VariableInstanceQueryImpl)
            runtimeService
                .createVariableInstanceQuery()
                .disableBinaryFetching()
                .disableCustomObjectDeserialization()
                .variableNameIn(COLUMNS)
                .variableScopeIdIn(scopes.toArray(String[]::new)))
        .unlimitedList();
  }

  /**
   * Tasklist's request for a page of the filter (as its tasklist application sends it: 15, active
   * tasks).
   */
  private ResponseEntity<String> list(TestRestTemplate user, Order order) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setAccept(List.of(MediaType.parseMediaType("application/hal+json")));
    return user.postForEntity(
        "/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=" + PAGE,
        new HttpEntity<>("{\"sorting\":[" + order.sorting() + "],\"active\":true}", headers),
        String.class);
  }

  private ResponseEntity<String> count(TestRestTemplate user) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return user.postForEntity(
        "/engine-rest/filter/" + filterId + "/count",
        new HttpEntity<>("{}", headers),
        String.class);
  }

  /**
   * The task ids of a HAL page, in order, each with the number of variable columns it came with.
   */
  private String page(String hal) {
    try {
      List<String> rows = new ArrayList<>();
      for (JsonNode task : json.readTree(hal).path("_embedded").path("task")) {
        rows.add(task.path("id").asText() + "/" + task.path("_embedded").path("variable").size());
      }
      return rows.toString();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("not HAL: " + hal, e);
    }
  }

  /**
   * The database's plans of martha's list (both orders) and count statements, per setup; admin's
   * with ours.
   */
  private void explain(int size) throws IOException, SQLException {
    StringBuilder plans = new StringBuilder();
    for (Setup setup : setups(size)) {
      use(setup);
      for (Order order : ORDERS) {
        explain(plans, setup.name(), TaskQuerySql.LIST, order, MARTHA, MARTHA_GROUPS, size);
      }
      explain(plans, setup.name(), TaskQuerySql.COUNT, ORDERS.get(0), MARTHA, MARTHA_GROUPS, size);
    }
    use(production());
    explain(
        plans, "admin", TaskQuerySql.LIST, ORDERS.get(0), "admin", List.of("camunda-admin"), size);
    explain(
        plans, "admin", TaskQuerySql.COUNT, ORDERS.get(0), "admin", List.of("camunda-admin"), size);
    Path file = OUT.resolve("task-query-explain-" + size + ".txt");
    Files.writeString(file, plans.toString(), StandardCharsets.UTF_8);
    line("plans: %s", file);
  }

  private void explain(
      StringBuilder plans,
      String setup,
      String statement,
      Order order,
      String user,
      List<String> groups,
      int size)
      throws SQLException {
    Consumer<TaskQuery> criteria =
        query -> {
          query.taskCandidateGroup("director").includeAssignedTasks().active();
          order.query().accept(query);
        };
    TaskQuerySql sql = TaskQuerySql.of(engine, statement, user, groups, criteria, PAGE);
    plans
        .append("-- ")
        .append(setup)
        .append(", ")
        .append(user)
        .append(", ")
        .append(sql.statementId())
        .append(statement.equals(TaskQuerySql.LIST) ? ", " + order.name() : "")
        .append(", ")
        .append(size)
        .append(" open director tasks\n-- ")
        .append(sql.text())
        .append('\n');
    List<String> plan = sql.explain(dataSource, "analyze, buffers");
    plan.forEach(row -> plans.append(row).append('\n'));
    plans.append('\n');
    line(
        "  EXPLAIN ANALYZE %-18s %-6s %-13s %s",
        setup,
        statement.equals(TaskQuerySql.LIST) ? "list" : "count",
        statement.equals(TaskQuerySql.LIST) ? order.name() : "",
        plan.get(plan.size() - 1).strip());
  }

  private void summary(Map<Integer, Map<String, Stats>> results) {
    line("");
    line(
        "p50 / p95 in ms, as martha over HTTP (admin: the floor); engine/exists: ratio of the p95");
    StringBuilder header =
        new StringBuilder(String.format(Locale.ROOT, "%-11s %-20s", "open tasks", "request"));
    setups.forEach(setup -> header.append(String.format(Locale.ROOT, " %19s", setup.name())));
    line("%s %19s %14s", header, "admin", "engine/exists");
    results.forEach(
        (size, stats) ->
            KINDS.forEach(
                kind -> {
                  StringBuilder row =
                      new StringBuilder(
                          String.format(
                              Locale.ROOT,
                              "%-11s %-20s",
                              String.format(Locale.ROOT, "%,d", size),
                              kind));
                  for (String setup :
                      List.of(
                          setups.get(0).name(),
                          setups.get(1).name(),
                          setups.get(2).name(),
                          "admin")) {
                    Stats s = stats.getOrDefault(setup + ": " + kind, Stats.NONE);
                    row.append(String.format(Locale.ROOT, " %8.1f / %8.1f", s.p50(), s.p95()));
                  }
                  double ratio =
                      stats.getOrDefault(setups.get(0).name() + ": " + kind, Stats.NONE).p95()
                          / stats.get(production().name() + ": " + kind).p95();
                  line("%s %13.1fx", row, ratio);
                }));
  }

  private void line(String format, Object... args) {
    String text = String.format(Locale.ROOT, format, args);
    System.out.println(text);
    report.append(text).append('\n');
  }
}
