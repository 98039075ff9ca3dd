package org.invisiblebars.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.invisiblebars.benchmark.agent.BenchAgent;
import org.invisiblebars.benchmark.agent.StatementCounter;
import org.invisiblebars.support.ApplicationProcess;

/**
 * One of the two applications the benchmark compares, in a JVM of its own started from its
 * executable jar ({@code java -cp JAR PropertiesLauncher}, as {@code java -jar} would, plus the
 * benchmark's agent through {@code loader.path}); both with the same JVM options. Its output goes
 * to {@code target/benchmark/logs/NAME.log}.
 */
final class BenchApplication implements AutoCloseable {

  /**
   * The same for both: a heap large enough for 50,000 open tasks, the collector of the machine's
   * choice.
   */
  static final List<String> JVM_OPTIONS = List.of("-Xms256m", "-Xmx1g");

  private static final Duration START_TIMEOUT = Duration.ofMinutes(5);
  private static final String LAUNCHER =
      "org.springframework.boot.loader.launch.PropertiesLauncher";

  private final String name;
  private final int port;
  private final Process process;
  private final Path log;
  private final Caller control;
  private double secondsToReady;

  private BenchApplication(String name, int port, int agentPort, Process process, Path log) {
    this.name = name;
    this.port = port;
    this.process = process;
    this.log = log;
    this.control = Caller.of("http://127.0.0.1:" + agentPort, "benchmark", null);
  }

  /**
   * Starts {@code jar} with the agent and {@code arguments} (Spring properties), in {@code
   * target/benchmark/work/NAME}, and waits until Spring reports it ready to accept traffic.
   */
  static BenchApplication start(
      String name, Path jar, Path output, List<String> arguments, Map<String, String> environment) {
    try {
      int port = ApplicationProcess.freePort();
      int agentPort = ApplicationProcess.freePort();
      Path work = Files.createDirectories(output.resolve("work").resolve(name)).toAbsolutePath();
      Path log =
          Files.createDirectories(output.resolve("logs")).resolve(name + ".log").toAbsolutePath();
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(JVM_OPTIONS);
      command.add("-Djava.io.tmpdir=" + work);
      command.add(
          "-Dloader.path="
              + agentDirectory(output)
              + ","
              + classPathEntryOf(ProxyDataSourceBuilder.class));
      command.addAll(List.of("-cp", jar.toAbsolutePath().toString(), LAUNCHER));
      command.add("--server.port=" + port);
      command.add("--" + BenchAgent.PORT + "=" + agentPort);
      command.add("--spring.main.sources=" + BenchAgent.class.getName());
      command.addAll(arguments);
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(work.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      builder.environment().putAll(environment);
      long start = System.nanoTime();
      Process process = builder.start();
      Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, name + "-kill"));
      BenchApplication application = new BenchApplication(name, port, agentPort, process, log);
      application.awaitReady();
      application.secondsToReady = (System.nanoTime() - start) / 1e9;
      return application;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The agent's classes alone, copied out of the test classes: the whole test output on the
   * application's class path would bring test configurations into its component scan.
   */
  private static synchronized Path agentDirectory(Path output) throws IOException {
    Path classes = classPathEntryOf(BenchAgent.class);
    String pkg = BenchAgent.class.getPackageName().replace('.', '/');
    Path target = output.resolve("agent").toAbsolutePath();
    Files.createDirectories(target.resolve(pkg));
    try (var files = Files.list(classes.resolve(pkg))) {
      for (Path file : files.toList()) {
        Files.copy(
            file,
            target.resolve(pkg).resolve(file.getFileName()),
            StandardCopyOption.REPLACE_EXISTING);
      }
    }
    return target;
  }

  private static Path classPathEntryOf(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private void awaitReady() {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            name + " ended while starting (exit " + process.exitValue() + "); see " + log);
      }
      if (control.get("/ready").status() == 200) {
        return;
      }
      sleep(100);
    }
    process.destroyForcibly();
    throw new IllegalStateException(
        name + " was not ready within " + START_TIMEOUT + "; see " + log);
  }

  String name() {
    return name;
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  long pid() {
    return process.pid();
  }

  /** From starting the JVM to Spring's readiness, as seen from outside. */
  double secondsToReady() {
    return secondsToReady;
  }

  /** The statements and commits the application ran serving requests, so far. */
  StatementCounter.Counts counts() {
    JsonNode counts = control.get("/counts").json();
    return new StatementCounter.Counts(
        counts.get("statements").asLong(), counts.get("commits").asLong());
  }

  /** The live heap after a full collection, in MiB. */
  double liveHeapMiB() {
    return control.get("/heap").json().get("liveHeapBytes").asLong() / 1048576.0;
  }

  /** The resident set of the JVM now, in MiB ({@code VmRSS} of {@code /proc/PID/status}). */
  double rssMiB() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
        }
      }
    } catch (IOException e) {
      return Double.NaN;
    }
    return Double.NaN;
  }

  /** Starts {@code count} instances of {@code key} through the engine. */
  void seed(String key, int count) {
    Caller.Answer answer =
        control
            .waitingAtMost(Duration.ofMinutes(30))
            .post("/seed?key=" + key + "&count=" + count, "");
    if (!answer.ok()) {
      throw new IllegalStateException(name + ": seeding failed: " + answer.body());
    }
  }

  /** {@code ANALYZE} on this application's database (the agent's {@code /analyze}). */
  void analyze() {
    Caller.Answer answer = control.waitingAtMost(Duration.ofMinutes(10)).post("/analyze", "");
    if (!answer.ok()) {
      throw new IllegalStateException(name + ": ANALYZE failed: " + answer.body());
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
