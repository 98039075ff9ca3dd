package org.invisiblebars.benchmark;

import java.time.Duration;
import java.util.List;
import java.util.function.BiFunction;
import org.invisiblebars.benchmark.agent.StatementCounter.Counts;

/**
 * The measures of one run, in the order they are taken, against both applications in turn: the
 * three-task process in a closed loop and at fixed arrival rates, its SQL statements per request,
 * our real processes, the Tasklist at volume, and the footprint after each stage.
 *
 * <p>Each row of the load measures runs the bare engine and ours in turns (bare, ours, then ours,
 * bare in the second round), so that neither side gains from running later (a warmer JIT, a fuller
 * database) and the machine's drift falls on both.
 */
final class SideBySide {

  /**
   * Who drives the three-task process on ours: a director, a candidate of its tasks, not an
   * administrator.
   */
  static final String DIRECTOR = "martha";

  private final BenchSettings settings;
  private final BenchReport report;
  private final Side bare;
  private final Side ours;

  /**
   * The bare engine's three-task step at the fewest clients: what a human step of our real
   * processes is compared with.
   */
  private Latencies.Summary bareStep = Latencies.Summary.NONE;

  SideBySide(BenchSettings settings, BenchReport report, Side bare, Side ours) {
    this.settings = settings;
    this.report = report;
    this.bare = bare;
    this.ours = ours;
  }

  void runAll() {
    ThreeTaskProcess.deploy(bare.as("admin"));
    // as an administrator: a process owner's deployment would be held for review (issue 14)
    ThreeTaskProcess.deploy(ours.as("admin"));
    ThreeTaskProcess.allowDirectorsToStart(ours.as("admin"));
    warmUp();
    closedLoop();
    openModel();
    statements();
    report.footprint("after the load", bare, ours);
    new RealProcesses(settings, report, ours, bareStep).run();
    new TasklistAtVolume(settings, report, bare, ours).run();
    report.footprint("at volume", bare, ours);
  }

  /** Lifecycles at 4 clients on each side, not counted: the JIT compiles, the pools fill. */
  private void warmUp() {
    for (Side side : List.of(bare, ours)) {
      LoadRun.Outcome outcome = LoadRun.closed(() -> side.as(DIRECTOR), 4, settings.warmUp());
      report.say(
          "warm-up %s: %d lifecycles, %d failed",
          side.name(), outcome.finished(), outcome.failed());
      if (outcome.finished() == 0) {
        throw new IllegalStateException(
            side.name() + " finished no lifecycle: " + outcome.latencies().summaries());
      }
    }
  }

  private void closedLoop() {
    for (int clients : settings.clients()) {
      Latencies bareLatencies =
          paired(
              "three-task process, closed loop, "
                  + clients
                  + (clients == 1 ? " client" : " clients"),
              (side, duration) -> LoadRun.closed(() -> side.as(DIRECTOR), clients, duration));
      if (bareStep.count() == 0) {
        bareStep = bareLatencies.summary(ThreeTaskProcess.STEP);
      }
    }
  }

  private void openModel() {
    for (double rate : settings.rates()) {
      paired(
          "three-task process, open model, " + rate + " lifecycles/s arriving",
          (side, duration) -> LoadRun.open(() -> side.as(DIRECTOR), rate, duration));
    }
  }

  /**
   * One row: both sides {@code rounds} times in turns, their samples pooled; returns the bare
   * engine's.
   */
  private Latencies paired(String title, BiFunction<Side, Duration, LoadRun.Outcome> measure) {
    Latencies[] latencies = {new Latencies(), new Latencies()};
    int[] finished = new int[2];
    int[] failed = new int[2];
    double[] seconds = new double[2];
    for (int round = 0; round < settings.rounds(); round++) {
      List<Integer> order = round % 2 == 0 ? List.of(0, 1) : List.of(1, 0);
      for (int i : order) {
        Side side = i == 0 ? bare : ours;
        LoadRun.Outcome outcome = measure.apply(side, settings.run());
        latencies[i].addAll(outcome.latencies());
        finished[i] += outcome.finished();
        failed[i] += outcome.failed();
        seconds[i] += outcome.seconds();
        report.say(
            "%s, %s, round %d: %.1f lifecycles/s, %d failed",
            title, side.name(), round + 1, outcome.perSecond(), outcome.failed());
      }
    }
    report.section(title);
    report.rate("lifecycles per second", finished[0] / seconds[0], finished[1] / seconds[1], "/s");
    report.rate(
        "human steps per second", 3 * finished[0] / seconds[0], 3 * finished[1] / seconds[1], "/s");
    report.cost("failed lifecycles", failed[0], failed[1], "");
    for (String kind :
        List.of(
            ThreeTaskProcess.STEP,
            ThreeTaskProcess.START,
            ThreeTaskProcess.QUERY,
            ThreeTaskProcess.CLAIM,
            ThreeTaskProcess.COMPLETE,
            ThreeTaskProcess.LIFECYCLE)) {
      report.latencies(kind, latencies[0].summary(kind), latencies[1].summary(kind));
    }
    return latencies[0];
  }

  /**
   * The SQL statements and commits of each request, one client, a few lifecycles after the warm-up.
   */
  private void statements() {
    StatementTally[] tallies = new StatementTally[2];
    int i = 0;
    for (Side side : List.of(bare, ours)) {
      StatementTally tally = new StatementTally(side.application()::counts);
      Caller caller = side.as(DIRECTOR);
      for (int n = 0; n < 3; n++) {
        ThreeTaskProcess.run(caller, new Latencies(), tally, System.nanoTime());
      }
      tallies[i++] = tally;
    }
    report.section("SQL per request, three-task process, one client (deterministic)");
    for (String kind : tallies[1].kinds()) {
      Counts b = tallies[0].median(kind);
      Counts o = tallies[1].median(kind);
      String varied =
          tallies[1].steady(kind) && tallies[0].steady(kind) ? "" : " (median; varies by task)";
      report.cost(kind + ": statements" + varied, b.statements(), o.statements(), "");
      report.cost(kind + ": commits", b.commits(), o.commits(), "");
    }
    Counts bareStep = tallies[0].perStep();
    Counts oursStep = tallies[1].perStep();
    report.cost(
        "human step (query, claim, complete): statements",
        bareStep.statements(),
        oursStep.statements(),
        "");
    report.cost(
        "human step (query, claim, complete): commits", bareStep.commits(), oursStep.commits(), "");
  }
}
