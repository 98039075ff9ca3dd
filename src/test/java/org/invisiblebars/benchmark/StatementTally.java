package org.invisiblebars.benchmark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.invisiblebars.benchmark.agent.StatementCounter.Counts;

/**
 * The SQL statements and commits of each request of one client, read from the application's {@link
 * org.invisiblebars.benchmark.agent.StatementCounter} before and after each request: exact while no
 * other client sends requests.
 */
final class StatementTally {

  private final Supplier<Counts> counter;
  private final Map<String, List<Counts>> byKind = new LinkedHashMap<>();
  private Counts last;

  StatementTally(Supplier<Counts> counter) {
    this.counter = counter;
    this.last = counter.get();
  }

  /** What ran since the last request, for the request of {@code kind} that just answered. */
  void after(String kind) {
    Counts now = counter.get();
    byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(now.minus(last));
    last = now;
  }

  List<String> kinds() {
    return List.copyOf(byKind.keySet());
  }

  /**
   * The median count of a request of {@code kind} (the counts of one kind differ only while caches
   * fill).
   */
  Counts median(String kind) {
    List<Counts> all = byKind.getOrDefault(kind, List.of());
    if (all.isEmpty()) {
      return new Counts(0, 0);
    }
    long[] statements = all.stream().mapToLong(Counts::statements).sorted().toArray();
    long[] commits = all.stream().mapToLong(Counts::commits).sorted().toArray();
    return new Counts(statements[statements.length / 2], commits[commits.length / 2]);
  }

  /**
   * A human step's statements and commits: every query, claim and complete, divided by the number
   * of steps.
   */
  Counts perStep() {
    long steps = byKind.getOrDefault(ThreeTaskProcess.QUERY, List.of()).size();
    Counts total = new Counts(0, 0);
    for (String kind :
        List.of(ThreeTaskProcess.QUERY, ThreeTaskProcess.CLAIM, ThreeTaskProcess.COMPLETE)) {
      for (Counts counts : byKind.getOrDefault(kind, List.of())) {
        total =
            new Counts(
                total.statements() + counts.statements(), total.commits() + counts.commits());
      }
    }
    return steps == 0
        ? total
        : new Counts(
            Math.round((double) total.statements() / steps),
            Math.round((double) total.commits() / steps));
  }

  /** Whether every request of {@code kind} ran the same number of statements. */
  boolean steady(String kind) {
    return byKind.getOrDefault(kind, List.of()).stream()
            .mapToLong(Counts::statements)
            .distinct()
            .count()
        <= 1;
  }
}
