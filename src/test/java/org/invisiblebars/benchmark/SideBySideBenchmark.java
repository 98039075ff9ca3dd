package org.invisiblebars.benchmark;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Not a test: the side-by-side benchmark of issue 11, run only by {@code mvn -Pbenchmark verify}
 * (docs/performance.md). Starts a bare Camunda 7.24 application and ours, each in a JVM of its own
 * on the same kind of database, drives both over HTTP with the same driver, and prints one table
 * (written as JSON under {@code target/benchmark/} too).
 */
class SideBySideBenchmark {

  @Test
  void run() throws Exception {
    BenchSettings settings = BenchSettings.fromSystemProperties();
    BenchReport report = new BenchReport(settings);
    report.say(
        "Side-by-side benchmark: %s, %s mode; expected duration about %d minutes",
        settings.database(), settings.quick() ? "quick" : "full", expectedMinutes(settings));
    try (BenchDatabase database = BenchDatabase.start(settings.database(), settings.output())) {
      report.database(database.description());
      Side bare;
      Side ours;
      try (BenchApplication bareApp =
              BenchApplication.start(
                  "bare",
                  settings.bareJar(),
                  settings.output(),
                  List.of(
                      "--spring.datasource.url=" + database.url("bare"),
                      "--spring.datasource.username=" + database.username(),
                      "--spring.datasource.password=" + database.password()),
                  Map.of());
          BenchApplication oursApp =
              BenchApplication.start(
                  "ours",
                  settings.oursJar(),
                  settings.output(),
                  ours(database),
                  oursEnvironment(database))) {
        bare = new Side("bare", bareApp, false);
        ours = new Side("ours", oursApp, true);
        report.say(
            "ready: bare in %.1f s, ours in %.1f s",
            bareApp.secondsToReady(), oursApp.secondsToReady());
        report.footprint("at start", bare, ours);
        new SideBySide(settings, report, bare, ours).runAll();
      }
    }
    report.finish();
  }

  private static List<String> ours(BenchDatabase database) {
    return database.kind().equals("postgres")
        ? List.of("--spring.profiles.active=postgres,demo")
        : List.of(
            "--spring.profiles.active=demo",
            "--spring.datasource.url=" + database.url("ours"),
            "--spring.datasource.username=" + database.username(),
            "--spring.datasource.password=" + database.password());
  }

  /** The postgres profile reads its database from the environment, as in production. */
  private static Map<String, String> oursEnvironment(BenchDatabase database) {
    return database.kind().equals("postgres")
        ? Map.of(
            "DATABASE_URL",
            database.url("ours"),
            "DATABASE_USERNAME",
            database.username(),
            "DATABASE_PASSWORD",
            database.password())
        : Map.of();
  }

  /**
   * A rough forecast from the options, for the first line, from a full run on this machine under a
   * load of about 8 (docs/performance.md): the application starts, the load rows (an open-model row
   * may run twice its time while an application works off its queue), the real processes, the
   * seeding at about 100 instances a second for each application at once, and about 90 s for the
   * Tasklist's requests at each volume.
   */
  static long expectedMinutes(BenchSettings settings) {
    double seconds = 150 + 2 * settings.warmUp().toSeconds() + 30;
    seconds +=
        2.0
            * settings.rounds()
            * settings.run().toSeconds()
            * (settings.clients().size() + 1.5 * settings.rates().size());
    seconds += settings.lifecycles() * 3 * 6;
    int open = settings.volumes().stream().mapToInt(Integer::intValue).max().orElse(0);
    seconds +=
        (settings.finished() + open) / 100.0
            + settings.volumes().size() * (settings.quick() ? 30 : 90);
    return Math.round(seconds / 60);
  }
}
