package org.invisiblebars.benchmark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Response times by kind of request, kept whole (a run holds at most some ten thousand), with the
 * failures apart; percentiles by rank on the sorted times. Safe for many clients at once.
 */
final class Latencies {

  /** p50, p95 and p99 in milliseconds of the successful requests, their number and the failures. */
  record Summary(int count, int errors, double p50, double p95, double p99) {

    static final Summary NONE = new Summary(0, 0, Double.NaN, Double.NaN, Double.NaN);
  }

  private final Map<String, List<Long>> times = new LinkedHashMap<>();
  private final Map<String, Integer> errors = new LinkedHashMap<>();

  synchronized void record(String kind, long nanos, boolean ok) {
    if (ok) {
      times.computeIfAbsent(kind, k -> new ArrayList<>()).add(nanos);
    } else {
      times.computeIfAbsent(kind, k -> new ArrayList<>());
      errors.merge(kind, 1, Integer::sum);
    }
  }

  /** Records the answer's time under {@code kind}; true when it succeeded. */
  boolean record(String kind, Caller.Answer answer) {
    record(kind, answer.nanos(), answer.ok());
    return answer.ok();
  }

  synchronized void addAll(Latencies other) {
    synchronized (other) {
      other.times.forEach(
          (kind, list) -> times.computeIfAbsent(kind, k -> new ArrayList<>()).addAll(list));
      other.errors.forEach((kind, n) -> errors.merge(kind, n, Integer::sum));
    }
  }

  synchronized List<String> kinds() {
    return List.copyOf(times.keySet());
  }

  synchronized int errors() {
    return errors.values().stream().mapToInt(Integer::intValue).sum();
  }

  synchronized Summary summary(String kind) {
    List<Long> list = times.get(kind);
    if (list == null) {
      return Summary.NONE;
    }
    long[] sorted = list.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(sorted);
    return new Summary(
        sorted.length,
        errors.getOrDefault(kind, 0),
        percentile(sorted, 50),
        percentile(sorted, 95),
        percentile(sorted, 99));
  }

  synchronized Map<String, Summary> summaries() {
    Map<String, Summary> all = new LinkedHashMap<>();
    times.keySet().forEach(kind -> all.put(kind, summary(kind)));
    return all;
  }

  /** The nearest-rank percentile in milliseconds; NaN without samples. */
  static double percentile(long[] sortedNanos, double percent) {
    if (sortedNanos.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(percent / 100 * sortedNanos.length);
    return sortedNanos[Math.max(0, Math.min(sortedNanos.length, rank) - 1)] / 1e6;
  }
}
