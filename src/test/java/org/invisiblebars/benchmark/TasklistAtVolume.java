package org.invisiblebars.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The Tasklist's own requests at volume, as a director (not an administrator) on ours and without
 * credentials on the bare engine: the group queue's first page with its variable columns sorted by
 * due date, its count badge, opening a task with its form variables, and our SLA summary.
 *
 * <p>The volume is made through the engine in the applications' own JVMs (the agent's seeding),
 * both applications at once: first the finished instances (of a case closed at once, see {@link
 * ThreeTaskProcess#FINISHED_KEY}), then open tasks of the three-task process for {@code director}
 * level by level, so that every row, authorizations and history included, is what the engine writes
 * in production. The bare engine gets the same instances and a filter like our <em>Directors
 * queue</em>.
 */
final class TasklistAtVolume {

  static final String QUEUE = "Directors queue";

  /** The columns of our queues (TaskFilterSeeder), for the bare engine's filter. */
  static final List<Map<String, String>> COLUMNS =
      List.of(
          column("organisationName", "Organisation"),
          column("facilityName", "Facility"),
          column("accreditationId", "Accreditation"),
          column("visitId", "Visit"),
          column("reportId", "Report"));

  /** What Tasklist 7.24 posts for a filter's first page sorted by due date (its taskListQuery). */
  static final Map<String, Object> FIRST_PAGE =
      Map.of(
          "processVariables",
          List.of(),
          "taskVariables",
          List.of(),
          "caseInstanceVariables",
          List.of(),
          "firstResult",
          0,
          "maxResults",
          15,
          "sorting",
          List.of(Map.of("sortBy", "dueDate", "sortOrder", "asc")),
          "active",
          true);

  /**
   * No request waits longer (PostgreSQL cancels the statement after BenchDatabase's timeout
   * anyway).
   */
  static final Duration TIMEOUT = Duration.ofSeconds(40);

  private static final int SEED_CHUNK = 5_000;

  static final String LIST = "queue: first page (HAL, 15 rows)";
  static final String COUNT = "queue: count badge";
  static final String TASK = "open a task";
  static final String FORM = "open a task: form variables";
  static final String SLA = "SLA summary";

  private final BenchSettings settings;
  private final BenchReport report;
  private final Side bare;
  private final Side ours;
  private final int samples;
  private final Duration budget;

  TasklistAtVolume(BenchSettings settings, BenchReport report, Side bare, Side ours) {
    this.settings = settings;
    this.report = report;
    this.bare = bare;
    this.ours = ours;
    this.samples = settings.quick() ? 5 : 20;
    this.budget = Duration.ofSeconds(settings.quick() ? 5 : 20);
  }

  void run() {
    if (settings.volumes().isEmpty()) {
      return;
    }
    String bareQueue =
        bare.as("admin")
            .post(
                "/engine-rest/filter/create",
                Map.of(
                    "resourceType",
                    "Task",
                    "name",
                    QUEUE,
                    "query",
                    Map.of("candidateGroup", ThreeTaskProcess.GROUP, "includeAssignedTasks", true),
                    "properties",
                    Map.of(
                        "description",
                        "All tasks of the director group",
                        "priority",
                        0,
                        "refresh",
                        true,
                        "variables",
                        COLUMNS)))
            .json()
            .get("id")
            .asText();
    String oursQueue =
        ours.as(SideBySide.DIRECTOR)
            .get(
                "/engine-rest/filter?resourceType=Task&name="
                    + URLEncoder.encode(QUEUE, StandardCharsets.UTF_8))
            .json()
            .get(0)
            .get("id")
            .asText();
    seedBoth(ThreeTaskProcess.FINISHED_KEY, settings.finished(), "finished instances");
    int open = 0;
    for (int level : settings.volumes()) {
      seedBoth(
          ThreeTaskProcess.KEY, level - open, "open tasks (from " + open + " to " + level + ")");
      open = level;
      report.section(
          String.format(
              Locale.ROOT,
              "Tasklist as %s at %,d open tasks, %,d finished instances",
              SideBySide.DIRECTOR,
              level,
              settings.finished()));
      measure(bareQueue, oursQueue);
    }
  }

  /**
   * Both applications seed at once, each in its own JVM (the seeding is not measured; the machine's
   * cores are used).
   */
  private void seedBoth(String key, int count, String what) {
    var bareSeeding = CompletableFuture.runAsync(() -> seed(bare, key, count, what));
    seed(ours, key, count, what);
    bareSeeding.join();
    // the planner's statistics of the rows just seeded, in both, as autovacuum keeps them in
    // production
    bare.application().analyze();
    ours.application().analyze();
  }

  private void seed(Side side, String key, int count, String what) {
    long start = System.nanoTime();
    for (int done = 0; done < count; done += SEED_CHUNK) {
      side.application().seed(key, Math.min(SEED_CHUNK, count - done));
      int now = Math.min(done + SEED_CHUNK, count);
      report.say(
          "seeding %s: %,d of %,d %s (%.0f a second)",
          side.name(), now, count, what, now / ((System.nanoTime() - start) / 1e9));
    }
  }

  private void measure(String bareQueue, String oursQueue) {
    Latencies[] latencies = {new Latencies(), new Latencies()};
    String[] queues = {bareQueue, oursQueue};
    Side[] sides = {bare, ours};
    Caller.Answer[] lists = new Caller.Answer[2];
    String[] tasks = new String[2];
    for (String kind : List.of(LIST, COUNT, TASK, FORM, SLA)) {
      for (int i = 0; i < 2; i++) {
        if (kind.equals(SLA) && !sides[i].secured()) {
          continue; // the bare engine has no SLA
        }
        Caller director = sides[i].as(SideBySide.DIRECTOR).waitingAtMost(TIMEOUT);
        String queue = queues[i];
        if (kind.equals(TASK)) {
          tasks[i] = taskToOpen(lists[i], director);
        }
        String task = tasks[i];
        Caller.Answer last =
            sample(
                latencies[i],
                kind,
                () ->
                    switch (kind) {
                      case LIST ->
                          director.post(
                              "/engine-rest/filter/" + queue + "/list?firstResult=0&maxResults=15",
                              FIRST_PAGE,
                              Caller.HAL);
                      case COUNT -> director.get("/engine-rest/filter/" + queue + "/count");
                      case TASK -> director.get("/engine-rest/task/" + task);
                      case FORM -> director.get("/engine-rest/task/" + task + "/form-variables");
                      default -> director.get("/api/v1/sla/summary");
                    });
        if (kind.equals(LIST)) {
          lists[i] = last;
        }
      }
      report.latencies(kind, latencies[0].summary(kind), latencies[1].summary(kind));
    }
  }

  /**
   * Samples one kind: a request to warm up, then until {@link #samples} or the time budget is
   * spent, one at least; a warm-up slower than a quarter of the budget counts as a sample.
   */
  private Caller.Answer sample(Latencies latencies, String kind, Supplier<Caller.Answer> request) {
    Caller.Answer answer = request.get();
    if (answer.nanos() > budget.toNanos() / 4) {
      latencies.record(kind, answer);
    }
    long end = System.nanoTime() + budget.toNanos();
    for (int n = 0; n < samples && (n == 0 || System.nanoTime() < end); n++) {
      answer = request.get();
      latencies.record(kind, answer);
    }
    return answer;
  }

  /**
   * The first task of the queue's page, as a person opens it; any task of the process when the page
   * did not answer.
   */
  private static String taskToOpen(Caller.Answer page, Caller director) {
    if (page != null && page.ok()) {
      JsonNode first = page.json().path("_embedded").path("task").path(0).path("id");
      if (!first.isMissingNode()) {
        return first.asText();
      }
    }
    return anyTask(director);
  }

  private static String anyTask(Caller director) {
    JsonNode tasks =
        director
            .get(
                "/engine-rest/task?processDefinitionKey="
                    + ThreeTaskProcess.KEY
                    + "&firstResult=0&maxResults=1")
            .json();
    return tasks.get(0).get("id").asText();
  }

  private static Map<String, String> column(String name, String label) {
    return Map.of("name", name, "label", label);
  }
}
