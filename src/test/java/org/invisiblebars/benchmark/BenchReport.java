package org.invisiblebars.benchmark;

import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The benchmark's one table, printed as it fills and at the end in full, and its JSON file ({@code
 * target/benchmark/side-by-side-DATE.json}) with the machine's load before and after, the date, the
 * database and the JVM versions.
 *
 * <p>Every ratio reads the same way: how ours compares with the bare engine, 1.0 the same, higher
 * better, the target 0.8 or more. For a rate it is ours / bare; for a time, a count or a
 * size it is bare / ours.
 */
final class BenchReport {

  private final BenchSettings settings;
  private final Map<String, Object> json = new LinkedHashMap<>();
  private final List<Map<String, Object>> rows = new ArrayList<>();
  private final List<String> table = new ArrayList<>();
  private final long started = System.nanoTime();
  private String section = "";

  BenchReport(BenchSettings settings) {
    this.settings = settings;
    json.put("date", OffsetDateTime.now().toString());
    json.put("loadBefore", loadAverage());
    json.put("cores", Runtime.getRuntime().availableProcessors());
    json.put("javaVersion", System.getProperty("java.version"));
    json.put(
        "javaVm", System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"));
    json.put("applicationJvmOptions", BenchApplication.JVM_OPTIONS);
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("database", settings.database());
    options.put("quick", settings.quick());
    options.put("clients", settings.clients());
    options.put("arrivalsPerSecond", settings.rates());
    options.put("secondsPerRun", settings.run().toSeconds());
    options.put("rounds", settings.rounds());
    options.put("warmUpSeconds", settings.warmUp().toSeconds());
    options.put("lifecycles", settings.lifecycles());
    options.put("openTasks", settings.volumes());
    options.put("finishedInstances", settings.finished());
    json.put("options", options);
    json.put("rows", rows);
  }

  void database(Map<String, String> description) {
    json.put("databaseDetails", description);
  }

  /** A line of progress, printed at once (not part of the table). */
  void say(String format, Object... arguments) {
    System.out.printf(
        Locale.ROOT,
        "[benchmark %5.0f s] %s%n",
        (System.nanoTime() - started) / 1e9,
        String.format(Locale.ROOT, format, arguments));
    System.out.flush();
  }

  void section(String title) {
    section = title;
    table.add("");
    table.add("== " + title);
    table.add(
        String.format(
            Locale.ROOT, "%-52s %-30s %-30s %7s %7s", "", "bare", "ours", "ratio", "ratio95"));
    print(table.get(table.size() - 3), table.get(table.size() - 2), table.get(table.size() - 1));
  }

  /**
   * Response times of one kind of request, p50 / p95 / p99 in ms with the number of requests and
   * errors.
   */
  void latencies(String row, Latencies.Summary bare, Latencies.Summary ours) {
    line(
        row,
        times(bare),
        times(ours),
        ratio(bare.p50(), ours.p50()),
        ratio(bare.p95(), ours.p95()));
    Map<String, Object> entry = entry(row, "ms");
    entry.put("bare", summary(bare));
    entry.put("ours", summary(ours));
    entry.put("ratioP50", ratio(bare.p50(), ours.p50()));
    entry.put("ratioP95", ratio(bare.p95(), ours.p95()));
  }

  /** A rate (higher is better): ratio ours / bare. */
  void rate(String row, double bare, double ours, String unit) {
    figure(row, bare, ours, unit, ratio(ours, bare));
  }

  /** A cost (lower is better: a time, a count, a size): ratio bare / ours. */
  void cost(String row, double bare, double ours, String unit) {
    figure(row, bare, ours, unit, ratio(bare, ours));
  }

  private void figure(String row, double bare, double ours, String unit, double ratio) {
    line(row, number(bare, unit), number(ours, unit), ratio, Double.NaN);
    Map<String, Object> entry = entry(row, unit);
    entry.put("bare", bare);
    entry.put("ours", ours);
    entry.put("ratio", ratio);
  }

  /**
   * Ours alone (the bare engine has no such thing); {@code ratio} against a bare figure where one
   * compares.
   */
  void oursOnly(String row, String ours, double ratio, Map<String, Object> figures) {
    line(row, "-", ours, ratio, Double.NaN);
    Map<String, Object> entry = entry(row, null);
    entry.put("ours", figures);
    entry.put("ratio", ratio);
  }

  void footprint(String when, Side bare, Side ours) {
    section("Footprint " + when);
    if (when.equals("at start")) {
      cost(
          "time to ready (JVM start to Spring ready)",
          bare.application().secondsToReady(),
          ours.application().secondsToReady(),
          "s");
    }
    cost(
        "live heap after a full GC",
        bare.application().liveHeapMiB(),
        ours.application().liveHeapMiB(),
        "MiB");
    cost("resident set (RSS)", bare.application().rssMiB(), ours.application().rssMiB(), "MiB");
  }

  void finish() {
    json.put("loadAfter", loadAverage());
    json.put("seconds", (System.nanoTime() - started) / 1e9);
    try {
      Files.createDirectories(settings.output());
      String stamp = OffsetDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
      Path file =
          settings.output().resolve("side-by-side-" + settings.database() + "-" + stamp + ".json");
      Caller.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), json);
      Files.writeString(
          settings.output().resolve("side-by-side-" + settings.database() + "-" + stamp + ".txt"),
          String.join("\n", header()) + "\n" + String.join("\n", table) + "\n");
      System.out.println();
      header().forEach(System.out::println);
      table.forEach(System.out::println);
      say("written to %s", file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<String> header() {
    return List.of(
        "Side-by-side benchmark, "
            + json.get("date")
            + ", "
            + settings.database()
            + (settings.quick() ? " (quick)" : ""),
        "load before "
            + json.get("loadBefore")
            + ", after "
            + json.get("loadAfter")
            + " (1, 5, 15 min); "
            + json.get("cores")
            + " cores; "
            + json.get("javaVm"),
        "ratio: how ours compares with the bare engine, higher is better, 1.0 the same (rates ours/bare, times and sizes bare/ours);"
            + " ratio95 on the 95th percentiles; times p50 / p95 / p99 ms (requests, errors)");
  }

  private Map<String, Object> entry(String row, String unit) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("section", section);
    entry.put("row", row);
    if (unit != null) {
      entry.put("unit", unit);
    }
    rows.add(entry);
    return entry;
  }

  private void line(String row, String bare, String ours, double ratio, double ratio95) {
    String line =
        String.format(
            Locale.ROOT,
            "%-52s %-30s %-30s %7s %7s",
            row,
            bare,
            ours,
            format(ratio),
            format(ratio95));
    table.add(line);
    print(line);
  }

  private static void print(String... lines) {
    for (String line : lines) {
      System.out.println(line);
    }
    System.out.flush();
  }

  private static Map<String, Object> summary(Latencies.Summary s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("requests", s.count());
    m.put("errors", s.errors());
    m.put("p50", s.p50());
    m.put("p95", s.p95());
    m.put("p99", s.p99());
    return m;
  }

  static String times(Latencies.Summary s) {
    if (s.count() == 0 && s.errors() == 0) {
      return "-";
    }
    return String.format(
        Locale.ROOT,
        "%s/%s/%s (%d%s)",
        ms(s.p50()),
        ms(s.p95()),
        ms(s.p99()),
        s.count(),
        s.errors() == 0 ? "" : ", " + s.errors() + " err");
  }

  private static String ms(double value) {
    if (Double.isNaN(value)) {
      return "-";
    }
    return value >= 100
        ? String.format(Locale.ROOT, "%.0f", value)
        : String.format(Locale.ROOT, "%.1f", value);
  }

  private static String number(double value, String unit) {
    return Double.isNaN(value)
        ? "-"
        : String.format(Locale.ROOT, value >= 100 ? "%.0f %s" : "%.2f %s", value, unit);
  }

  static double ratio(double numerator, double denominator) {
    return denominator == 0 || Double.isNaN(numerator) || Double.isNaN(denominator)
        ? Double.NaN
        : numerator / denominator;
  }

  private static String format(double ratio) {
    return Double.isNaN(ratio) ? "" : String.format(Locale.ROOT, "%.2f", ratio);
  }

  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      return "unknown";
    }
  }
}
