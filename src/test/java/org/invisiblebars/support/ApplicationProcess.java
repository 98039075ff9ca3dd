package org.invisiblebars.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.invisiblebars.InvisibleBarsApplication;

/**
 * The application in a JVM of its own, started from the test classpath as {@code java -cp ...}
 * would start it, so that a test can kill it with SIGKILL (a crash: no shutdown hook, no flush),
 * start it again on the same database, or run two of them side by side. Its output goes to {@code
 * target/apps/NAME.log}.
 */
public final class ApplicationProcess implements AutoCloseable {

  private static final String DEMO_PASSWORD = "demo";

  private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final String name;
  private final int port;
  private final Path log;
  private final Process process;

  private ApplicationProcess(String name, int port, Path log, Process process) {
    this.name = name;
    this.port = port;
    this.log = log;
    this.process = process;
  }

  /**
   * Starts the application in {@code workingDirectory} (where {@code ./data} lies) with the
   * environment variables and command-line properties given, and waits until its health is UP.
   */
  public static ApplicationProcess start(
      String name,
      int port,
      Path workingDirectory,
      Map<String, String> environment,
      List<String> arguments) {
    try {
      Path log = Path.of("target", "apps", name + ".log").toAbsolutePath();
      Files.createDirectories(log.getParent());
      // The classpath is long: an argument file keeps the command line short.
      Path argFile = Files.createTempFile("classpath", ".args");
      argFile.toFile().deleteOnExit();
      Files.writeString(
          argFile, "-cp \"" + System.getProperty("java.class.path").replace("\\", "\\\\") + "\"\n");
      List<String> command =
          new ArrayList<>(
              List.of(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "@" + argFile,
                  "-Xmx512m",
                  "-XX:TieredStopAtLevel=1",
                  "-Djava.io.tmpdir=" + workingDirectory,
                  InvisibleBarsApplication.class.getName(),
                  "--server.port=" + port));
      command.addAll(arguments);
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(workingDirectory.toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      builder.environment().putAll(environment);
      Files.writeString(
          log,
          "%n==== %s: %s starts ====%n".formatted(Instant.now(), name),
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
      Process process = builder.start();
      // Never outlive the test JVM, whatever ends it.
      Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, name + "-kill"));
      ApplicationProcess app = new ApplicationProcess(name, port, log, process);
      app.awaitHealthy();
      return app;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A free port on the loopback interface, to give an application that is started again the same
   * address.
   */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String baseUrl() {
    return "http://localhost:" + port;
  }

  public String name() {
    return name;
  }

  /** SIGKILL: the JVM ends at once, as in a power cut of the process (no shutdown hook runs). */
  public void kill() {
    process.destroyForcibly();
    awaitExit(Duration.ofSeconds(30));
  }

  /** SIGTERM: Spring closes the application gracefully. */
  public void stop() {
    process.destroy();
    if (!awaitExit(Duration.ofSeconds(60))) {
      kill();
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      stop();
    }
  }

  public HttpResponse<String> get(String user, String path) {
    return send(user, HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET());
  }

  public HttpResponse<String> postJson(String user, String path, Object body) {
    return postJson(user, DEMO_PASSWORD, path, body);
  }

  /** A JSON POST as a user of the test's own, with its password. */
  public HttpResponse<String> postJson(String user, String password, String path, Object body) {
    try {
      return send(
          user,
          password,
          HttpRequest.newBuilder(URI.create(baseUrl() + path))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The body as JSON; fails with the status and body when the answer is not 2xx. */
  public static JsonNode json(HttpResponse<String> response) {
    if (response.statusCode() / 100 != 2) {
      throw new AssertionError(
          response.request().method()
              + " "
              + response.uri()
              + " answered "
              + response.statusCode()
              + ": "
              + response.body());
    }
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A PUT without a body as a demo user (a membership). */
  public HttpResponse<String> put(String user, String path) {
    return send(
        user,
        HttpRequest.newBuilder(URI.create(baseUrl() + path))
            .PUT(HttpRequest.BodyPublishers.noBody()));
  }

  /**
   * Sends with HTTP Basic as a demo user (password {@code demo}); {@code user} null sends no
   * credentials.
   */
  public static HttpResponse<String> send(String user, HttpRequest.Builder request) {
    return send(user, DEMO_PASSWORD, request);
  }

  private static HttpResponse<String> send(
      String user, String password, HttpRequest.Builder request) {
    if (user != null) {
      request.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder()
                  .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    try {
      return HTTP.send(
          request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void awaitHealthy() {
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            name + " ended while starting (exit " + process.exitValue() + "); see " + log);
      }
      try {
        // Ready: started and seeded (the health of the database alone is UP before the seeders
        // ran).
        if (get(null, "/actuator/health/readiness").body().contains("\"UP\"")) {
          return;
        }
      } catch (UncheckedIOException notListeningYet) {
        // still starting
      }
      sleep(Duration.ofMillis(500));
    }
    kill();
    throw new IllegalStateException(
        name + " did not become healthy within " + START_TIMEOUT + "; see " + log);
  }

  private boolean awaitExit(Duration timeout) {
    try {
      return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  public static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
