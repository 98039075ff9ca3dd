package org.invisiblebars.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.invisiblebars.organisation.domain.RepresentativeRepository;
import org.invisiblebars.platform.security.AuthorizationMatrix.Cell;
import org.invisiblebars.platform.security.AuthorizationMatrix.Role;
import org.invisiblebars.platform.security.AuthorizationMatrix.Row;
import org.invisiblebars.support.Fixtures;
import org.invisiblebars.support.IntegrationTest;
import org.invisiblebars.support.WebappSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "What to build" 1 of issue 10: every role against every route of the running application, as
 * {@code authorization-matrix.csv} says. A route the application answers without a row in the table
 * fails the build, and so does a row for a route that no longer exists. Engine REST rows are
 * asserted with HTTP Basic on {@code /engine-rest} and with a session of the web applications on
 * their engine API ({@code /camunda/api/engine/engine/default}), where a caller without a session
 * (NGO users cannot sign in, anonymous callers) gets the row's {@code no-session} cell (see {@link
 * #probes}). No response may carry a confidential text to a role that may not read it.
 */
class AuthorizationMatrixIT extends IntegrationTest {

  private static final String WEBAPP_ENGINE = "/camunda/api/engine/engine/default";
  private static final String ANY_MEDIA_TYPE = "*/*";
  private static final int PARALLEL = 6;
  private static final Path REPORT = Path.of("target", "authorization-matrix.txt");
  private static final Path ROUTES = Path.of("target", "authorization-matrix-routes.txt");

  @Autowired ApplicationContext context;
  @Autowired ProcessEngine engine;
  @Autowired TaskService taskService;
  @Autowired RepresentativeRepository representatives;
  @Autowired TransactionTemplate transactions;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  @Test
  void everyRouteOfTheRunningApplicationHasARowAndEveryRowARoute() throws IOException {
    Set<String> routes = RouteInventory.of(context);
    Files.createDirectories(ROUTES.getParent());
    Files.write(ROUTES, routes);
    Set<String> rows =
        AuthorizationMatrix.load().rows().stream()
            .map(Row::route)
            .collect(Collectors.toCollection(TreeSet::new));

    Set<String> withoutRow = new TreeSet<>(routes);
    withoutRow.removeAll(rows);
    Set<String> withoutRoute = new TreeSet<>(rows);
    withoutRoute.removeAll(routes);

    assertThat(withoutRow).as("routes without a row in " + AuthorizationMatrix.RESOURCE).isEmpty();
    assertThat(withoutRoute).as("rows of routes the application does not answer").isEmpty();
  }

  @Test
  void everyRoleGetsWhatItsCellSays() throws Exception {
    AuthorizationMatrix matrix = AuthorizationMatrix.load();
    MatrixFixtures fixtures =
        new MatrixFixtures(
            engine, new Fixtures(rest, this::as, taskService), representatives, transactions);
    long started = System.nanoTime();
    List<Outcome> outcomes = new ArrayList<>();
    try {
      Transport transport = new Transport(baseUrl(), http);
      Map<Role, Caller> callers = callers(fixtures, transport);
      // Rows run in parallel; the requests of one row one after the other, so two cells never race
      // for one object.
      ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
      try {
        List<Future<List<Outcome>>> running = new ArrayList<>();
        for (Row row : matrix.rows()) {
          List<Probe> probes = probes(row, fixtures);
          running.add(
              pool.submit(
                  () ->
                      probes.stream()
                          .map(probe -> probe.run(callers.get(probe.role()), fixtures, transport))
                          .toList()));
        }
        for (Future<List<Outcome>> row : running) {
          outcomes.addAll(row.get());
        }
      } finally {
        pool.shutdownNow();
      }
    } finally {
      fixtures.cleanUp();
    }
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    Map<String, List<AuthorizationMatrix.Role>> secrets = fixtures.secrets();
    List<String> failures = new ArrayList<>();
    for (Outcome outcome : outcomes) {
      outcome.judge(secrets).ifPresent(failures::add);
    }
    String summary =
        "Authorization matrix: "
            + outcomes.size()
            + " requests in "
            + took.toSeconds()
            + " s; "
            + failures.size()
            + " cells do not hold";
    Files.createDirectories(REPORT.getParent());
    Files.writeString(
        REPORT,
        summary
            + "\n\n"
            + timings(outcomes)
            + "\nCells that do not hold:\n"
            + String.join("\n", failures)
            + "\n");
    System.out.println(summary + " (see " + REPORT + ")");
    assertThat(failures).as("cells that do not hold; see " + REPORT).isEmpty();
  }

  /** Where the time went, to keep the matrix fast. */
  private static String timings(List<Outcome> outcomes) {
    return "Fixtures "
        + Duration.ofNanos(outcomes.stream().mapToLong(Outcome::fixtureNanos).sum()).toSeconds()
        + " s and requests "
        + Duration.ofNanos(outcomes.stream().mapToLong(Outcome::requestNanos).sum()).toSeconds()
        + " s, summed over "
        + PARALLEL
        + " threads. Slowest:\n"
        + outcomes.stream()
            .sorted(
                Comparator.comparingLong((Outcome o) -> o.fixtureNanos() + o.requestNanos())
                    .reversed())
            .limit(10)
            .map(o -> o.probe() + ": " + (o.fixtureNanos() + o.requestNanos()) / 1_000_000 + " ms")
            .collect(Collectors.joining("\n"))
        + "\n";
  }

  /**
   * The requests of a row: every role through HTTP Basic; for engine rows also, through the web
   * applications, a caller without a session and, for each different answer the staff columns give,
   * the first staff role with that answer. The web applications' engine API runs the same resources
   * on the same engine with the same grants (what differs is the session, which the no-session cell
   * covers), so every answer is shown through it without asking each role twice; this keeps the
   * matrix fast. Cells that refuse share one set of fresh objects; a cell that succeeds changes
   * them, so it gets its own.
   */
  private static List<Probe> probes(Row row, MatrixFixtures fixtures) {
    MatrixFixtures.Cell refused = fixtures.cell();
    List<Probe> probes = new ArrayList<>();
    Set<Cell> shownThroughTheWebApplications = new HashSet<>();
    for (Role role : Role.values()) {
      if (row.throughBasic()) {
        probes.add(new Probe(row, role, false, refused));
      }
      boolean newAnswer =
          role.isStaff() && shownThroughTheWebApplications.add(row.cells().get(role));
      if (row.throughTheWebApplications() && (newAnswer || role == Role.ANONYMOUS)) {
        probes.add(new Probe(row, role, true, refused));
      }
    }
    return probes;
  }

  /** Where the requests go. */
  record Transport(String baseUrl, HttpClient client) {

    /**
     * A web application session, signed in if the user may (NGO users are refused, and stay without
     * one).
     */
    WebappSession session(String user, String password) {
      WebappSession session = new WebappSession(baseUrl);
      if (user != null) {
        session.login(user, password, "welcome");
      }
      return session;
    }
  }

  /**
   * How a role calls: HTTP Basic for our API, the engine REST API and the pages; a web application
   * session for the web applications.
   */
  record Caller(Role role, String user, String password, WebappSession session) {

    /**
     * The template with the caller's own user id and password for {@code {self}} and {@code
     * {selfPassword}}.
     */
    String own(String template) {
      return template
          .replace("{selfPassword}", password)
          .replace("{self}", user == null ? "" : user);
    }
  }

  private static Map<Role, Caller> callers(MatrixFixtures fixtures, Transport transport) {
    Map<Role, String> users =
        new EnumMap<>(
            Map.of(
                Role.DIRECTOR,
                "martha",
                Role.SECURITY,
                "sam",
                Role.NGO_LIAISON,
                "lena",
                Role.MANAGER,
                "maria",
                Role.PROCESS_OWNER,
                "paula",
                Role.CAMUNDA_ADMIN,
                "admin",
                Role.NGO_A,
                fixtures.a.user(),
                Role.NGO_B,
                fixtures.b.user()));
    Map<Role, Caller> callers = new EnumMap<>(Role.class);
    for (Role role : Role.values()) {
      String user = users.get(role);
      String password = user == null ? "" : role.isStaff() ? "demo" : Fixtures.PASSWORD;
      callers.put(role, new Caller(role, user, password, transport.session(user, password)));
    }
    return callers;
  }

  /**
   * One request of one role for one row, through HTTP Basic or through the web applications'
   * session.
   */
  record Probe(Row row, Role role, boolean webapp, MatrixFixtures.Cell refused) {

    Outcome run(Caller caller, MatrixFixtures fixtures, Transport transport) {
      long started = System.nanoTime();
      boolean changes = expected().expected().startsWith("2");
      MatrixFixtures.Cell cell = changes ? fixtures.cell() : refused;
      String path = cell.resolve(caller.own(row.path()));
      String accept = row.accept().isBlank() ? ANY_MEDIA_TYPE : row.accept();
      Body body = Body.of(caller.own(row.body()), cell);
      long prepared = System.nanoTime();
      try {
        HttpResponse<String> response =
            webapp || path.startsWith("/camunda/")
                ? throughTheWebApplications(caller, transport, path, accept, body)
                : withBasic(caller, fixtures, transport, path, accept, body);
        return new Outcome(
            this,
            response.statusCode(),
            response.body(),
            prepared - started,
            System.nanoTime() - prepared);
      } catch (IOException e) {
        throw new UncheckedIOException(this + ": " + e.getMessage(), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    /** Signing in or out changes a session: such requests get one of their own. */
    private HttpResponse<String> throughTheWebApplications(
        Caller caller, Transport transport, String path, String accept, Body body) {
      boolean signsIn = path.contains("/auth/user/") && path.contains("/login/");
      boolean signsOut = path.contains("/auth/user/") && path.endsWith("/logout");
      WebappSession session =
          signsIn
              ? transport.session(null, null)
              : signsOut ? transport.session(caller.user(), caller.password()) : caller.session();
      return session.send(
          row.method(),
          webapp ? webappEngine(path) : path,
          body.contentType(),
          accept,
          body.bytes());
    }

    private HttpResponse<String> withBasic(
        Caller caller,
        MatrixFixtures fixtures,
        Transport transport,
        String path,
        String accept,
        Body body)
        throws IOException, InterruptedException {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(transport.baseUrl() + path))
              .timeout(Duration.ofSeconds(60))
              .header("Accept", accept)
              .method(
                  row.method(),
                  body.bytes() == null
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofByteArray(body.bytes()));
      if (body.contentType() != null) {
        request.header("Content-Type", body.contentType());
      }
      if (caller.user() != null) {
        request.header(
            "Authorization",
            "Basic "
                + Base64.getEncoder()
                    .encodeToString(
                        (caller.user() + ":" + caller.password())
                            .getBytes(StandardCharsets.UTF_8)));
      }
      boolean ourApi = path.startsWith("/api/");
      if (ourApi) {
        fixtures.api.lock();
      }
      try {
        return transport.client().send(request.build(), HttpResponse.BodyHandlers.ofString());
      } finally {
        if (ourApi) {
          fixtures.api.unlock();
        }
      }
    }

    private static String webappEngine(String path) {
      String resource = path.substring(RouteInventory.ENGINE_REST.length());
      return resource.equals("/engine") || resource.startsWith("/engine?")
          ? "/camunda/api/engine" + resource
          : WEBAPP_ENGINE + resource;
    }

    Cell expected() {
      return webapp && !role.isStaff() ? row.noSession() : row.cells().get(role);
    }

    @Override
    public String toString() {
      return row + " | " + role.column + (webapp ? " via the web applications' engine API" : "");
    }
  }

  /**
   * A request body: JSON (with placeholders), {@code form:} URL-encoded fields, or {@code
   * multipart:} a named multipart body.
   */
  record Body(String contentType, byte[] bytes) {

    private static final String BOUNDARY = "authorization-matrix-boundary";

    static Body of(String template, MatrixFixtures.Cell cell) {
      if (template == null || template.isBlank()) {
        return new Body(null, null);
      }
      String resolved = cell.resolve(template);
      if (resolved.startsWith("form:")) {
        return new Body(
            "application/x-www-form-urlencoded",
            resolved.substring("form:".length()).getBytes(StandardCharsets.UTF_8));
      }
      if (resolved.startsWith("multipart:")) {
        return multipart(resolved.substring("multipart:".length()), cell);
      }
      return new Body("application/json", resolved.getBytes(StandardCharsets.UTF_8));
    }

    private static Body multipart(String kind, MatrixFixtures.Cell cell) {
      Map<String, String[]> parts =
          switch (kind) {
            case "deployment" ->
                deployment(MatrixFixtures.model("matrix-" + cell.resolve("{fresh.unique.value}")));
            case "deployment-with-expression" ->
                deployment(
                    MatrixFixtures.expressionModel(
                        "matrix-" + cell.resolve("{fresh.unique.value}")));
            case "variable-data" ->
                Map.of(
                    "data",
                    new String[] {"bytes", "data.bin"},
                    "valueType",
                    new String[] {"Bytes"});
            case "attachment" ->
                Map.of(
                    "attachment-name",
                    new String[] {"minutes.txt"},
                    "attachment-type",
                    new String[] {"text/plain"},
                    "content",
                    new String[] {"minutes", "minutes.txt"});
            default -> throw new IllegalArgumentException("no multipart body " + kind);
          };
      StringBuilder body = new StringBuilder();
      parts.forEach(
          (name, value) -> {
            body.append("--")
                .append(BOUNDARY)
                .append("\r\nContent-Disposition: form-data; name=\"")
                .append(name)
                .append('"');
            if (value.length > 1) {
              body.append("; filename=\"")
                  .append(value[1])
                  .append("\"\r\nContent-Type: application/octet-stream");
            }
            body.append("\r\n\r\n").append(value[0]).append("\r\n");
          });
      body.append("--").append(BOUNDARY).append("--\r\n");
      return new Body(
          "multipart/form-data; boundary=" + BOUNDARY,
          body.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, String[]> deployment(BpmnModelInstance model) {
      String key = model.getModelElementsByType(Process.class).iterator().next().getId();
      return Map.of(
          "deployment-name",
          new String[] {MatrixFixtures.DEPLOYMENT_NAME},
          "deployment-source",
          new String[] {"Camunda Modeler"},
          "data",
          new String[] {Bpmn.convertToString(model), key + ".bpmn"});
    }
  }

  /** What one probe got, judged against its cell and the confidential texts. */
  record Outcome(Probe probe, int status, String body, long fixtureNanos, long requestNanos) {

    /**
     * What is wrong with this answer, if anything: another status than the cell's, or a
     * confidential text the role may not read.
     */
    Optional<String> judge(Map<String, List<Role>> secrets) {
      Cell cell = probe.expected();
      Role reader = probe.webapp() && !probe.role().isStaff() ? Role.ANONYMOUS : probe.role();
      List<String> leaked =
          secrets.entrySet().stream()
              .filter(
                  secret ->
                      !secret.getValue().contains(reader)
                          && body != null
                          && body.contains(secret.getKey()))
              .map(Map.Entry::getKey)
              .toList();
      if (cell.matches(status) && leaked.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(
          probe
              + ": got "
              + status
              + (leaked.isEmpty() ? "" : " with confidential text")
              + ", expected "
              + cell.expected()
              + " — "
              + abbreviate(body));
    }

    private static String abbreviate(String body) {
      String flat = body == null ? "" : body.replaceAll("\\s+", " ");
      return flat.length() > 160 ? flat.substring(0, 160) + "…" : flat;
    }
  }
}
