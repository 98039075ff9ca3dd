package org.invisiblebars.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The benchmark's options, as system properties ({@code mvn -Pbenchmark verify -Dbenchmark.x=...};
 * docs/performance.md lists them). The quick mode is a smoke run: one volume of 1,000 open tasks, 1
 * and 4 clients, short runs.
 */
record BenchSettings(
    String database,
    boolean quick,
    List<Integer> clients,
    List<Double> rates,
    Duration run,
    int rounds,
    Duration warmUp,
    int lifecycles,
    List<Integer> volumes,
    int finished,
    Path oursJar,
    Path bareJar,
    Path output) {

  static BenchSettings fromSystemProperties() {
    boolean quick = Boolean.getBoolean("benchmark.quick");
    return new BenchSettings(
        System.getProperty("benchmark.db", "postgres"),
        quick,
        list("benchmark.clients", quick ? "1,4" : "1,4,16", Integer::valueOf),
        list("benchmark.rates", quick ? "5" : "5,15", Double::valueOf),
        Duration.ofSeconds(Long.getLong("benchmark.seconds", quick ? 4 : 15)),
        Integer.getInteger("benchmark.rounds", quick ? 1 : 2),
        Duration.ofSeconds(Long.getLong("benchmark.warmup", quick ? 5 : 20)),
        Integer.getInteger("benchmark.lifecycles", quick ? 2 : 6),
        list("benchmark.volumes", quick ? "1000" : "1000,10000,50000", Integer::valueOf),
        Integer.getInteger("benchmark.finished", quick ? 1000 : 100_000),
        Path.of(required("benchmark.ours.jar")),
        Path.of(required("benchmark.bare.jar")),
        Path.of(System.getProperty("benchmark.output", "target/benchmark")));
  }

  private static <T> List<T> list(String property, String fallback, Function<String, T> parse) {
    return Arrays.stream(System.getProperty(property, fallback).split(","))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .map(parse)
        .toList();
  }

  private static String required(String property) {
    String value = System.getProperty(property);
    if (value == null) {
      throw new IllegalStateException(property + " is not set: run mvn -Pbenchmark verify");
    }
    return value;
  }
}
