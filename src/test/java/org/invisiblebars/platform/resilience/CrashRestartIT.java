package org.invisiblebars.platform.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.invisiblebars.support.ApplicationProcess.json;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.invisiblebars.support.ApplicationProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crash: the application is killed with SIGKILL while twelve clients write and timers are coming
 * due, then started again on the same database. Nothing that was answered 2xx may be lost, every
 * timer fires exactly once, nothing is half-done and no SLA breach is recorded twice; on embedded
 * PostgreSQL and on the default H2 file of {@code mvn spring-boot:run} alike.
 */
class CrashRestartIT {

  private static final int CLIENTS = 12;
  private static final Duration WRITING_BEFORE_THE_CRASH = Duration.ofSeconds(10);

  @TempDir Path workingDirectory;

  @Test
  void nothingAcknowledgedIsLostOnPostgres() throws IOException {
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
      String url = postgres.getJdbcUrl("postgres", "postgres");
      Map<String, String> environment =
          Map.of(
              "SPRING_PROFILES_ACTIVE",
              "postgres,demo",
              "DATABASE_URL",
              url,
              "DATABASE_USERNAME",
              "postgres",
              "DATABASE_PASSWORD",
              "");
      crashAndRestart("crash-postgres", environment, url, "postgres", "");
    }
  }

  /**
   * The embedded default: {@code ./data/invisible-bars} under the working directory, as
   * application.yaml names it.
   */
  @Test
  void nothingAcknowledgedIsLostOnTheDefaultH2File() {
    String url = "jdbc:h2:file:" + workingDirectory.resolve("data/invisible-bars");
    crashAndRestart("crash-h2", Map.of("SPRING_PROFILES_ACTIVE", "demo"), url, "sa", "");
  }

  private void crashAndRestart(
      String name, Map<String, String> environment, String url, String user, String password) {
    int port = ApplicationProcess.freePort();
    List<String> arguments = InFlightWork.fastTimers();
    InFlightWork work;
    try (ApplicationProcess first =
        ApplicationProcess.start(name, port, workingDirectory, environment, arguments)) {
      work = new InFlightWork(first);
      // Timers that come due around the crash and while the application is down.
      for (int i = 0; i < 3; i++) {
        work.shortNoticeVisit(first);
      }
      InFlightWork.Writers writers = work.startWriters(List.of(first), CLIENTS);
      ApplicationProcess.sleep(WRITING_BEFORE_THE_CRASH.dividedBy(2));
      for (int i = 0; i < 3; i++) {
        work.shortNoticeVisit(first);
      }
      ApplicationProcess.sleep(WRITING_BEFORE_THE_CRASH.dividedBy(2));
      double perSecond = writers.answeredPerSecond();
      first.kill();
      writers.stop();
      System.out.printf(
          "%s: %d writes answered 2xx (%.1f per second with %d clients), %d refused, before SIGKILL%n",
          name, writers.answered(), perSecond, CLIENTS, writers.refused());
      assertThat(writers.answered()).as("writes answered before the crash").isPositive();
      assertThat(writers.refused()).as("writes refused before the crash").isZero();
    }

    try (ApplicationProcess second =
        ApplicationProcess.start(name, port, workingDirectory, environment, arguments)) {
      awaitTrue(
          "every escalation timer of the visits has fired",
          Duration.ofMinutes(2),
          () ->
              json(second.get("admin", "/engine-rest/job?activityId=Timer_DecisionOverdue"))
                  .findValuesAsText("dueDate")
                  .stream()
                  .noneMatch(
                      due ->
                          Instant.parse(due.replaceFirst("([+-]\\d\\d)(\\d\\d)$", "$1:$2"))
                              .isBefore(Instant.now().plus(Duration.ofHours(1)))));
      awaitTrue(
          "every overdue risk assessment is recorded as a breach",
          Duration.ofMinutes(1),
          () ->
              json(second.get("maria", "/api/v1/sla/breaches?process=entry-authorisation&size=500"))
                      .path("total")
                      .asInt()
                  >= work.visits().size());
      second.stop();
    }

    try (DatabaseInvariants database = new DatabaseInvariants(url, user, password)) {
      database.assertNothingAcknowledgedIsLost(work.acknowledged());
      database.assertNothingIsHalfDone();
      database.assertEscalatedOnce(work.visits());
      database.assertBreachedOnce(work.visits());
    }
  }

  static void awaitTrue(String what, Duration timeout, BooleanSupplier condition) {
    Instant deadline = Instant.now().plus(timeout);
    List<RuntimeException> failures = new ArrayList<>();
    while (Instant.now().isBefore(deadline)) {
      try {
        if (condition.getAsBoolean()) {
          return;
        }
      } catch (RuntimeException e) {
        failures.add(e);
      }
      ApplicationProcess.sleep(Duration.ofSeconds(1));
    }
    throw new AssertionError(
        "not within "
            + timeout
            + ": "
            + what
            + (failures.isEmpty()
                ? ""
                : " (last failure: " + failures.get(failures.size() - 1) + ")"));
  }
}
