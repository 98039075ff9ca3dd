package org.invisiblebars.benchmark;

import java.io.IOException;
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
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Not a test: the cost of each request, before and after a change, paired in one run. Two running
 * applications (A and B: e.g. a build of main and a build of the branch, or one build with two
 * settings) are driven in turn, A B B A A B …, with the same three-task process as the issue's
 * probe: start (as {@code admin}), then per task, as {@code martha}: the task query by instance,
 * the claim, the completion. Each turn runs {@code clients} closed-loop clients for {@code
 * seconds}; the first turn of each is a warm-up. It prints, per request kind, the median over the
 * turns of each turn's p50 and p95 for A and B and their ratio B/A, and the instances per second.
 *
 * <p>Run it with {@code java src/test/java/org/invisiblebars/benchmark/RequestCostBenchmark.java
 * http://localhost:18081 http://localhost:18082 [clients] [seconds] [turns]} against two
 * applications started with the demo profile (users {@code admin} and {@code martha}, password
 * {@code demo}). The figures are in docs/performance.md.
 */
public final class RequestCostBenchmark {

  private static final String PROCESS = "bench-three-tasks";
  private static final List<String> KINDS = List.of("query", "claim", "complete");
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

  private RequestCostBenchmark() {}

  public static void main(String[] args) throws Exception {
    String a = args[0];
    String b = args[1];
    int clients = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 10;
    int turns = args.length > 4 ? Integer.parseInt(args[4]) : 4;
    for (String app : List.of(a, b)) {
      deploy(app);
    }
    Map<String, List<Turn>> byApp = new LinkedHashMap<>();
    byApp.put(a, new ArrayList<>());
    byApp.put(b, new ArrayList<>());
    for (int turn = 0; turn <= turns; turn++) {
      List<String> order = turn % 2 == 0 ? List.of(a, b) : List.of(b, a);
      for (String app : order) {
        Turn measured = drive(app, clients, seconds);
        System.out.printf("turn %d %s: %s%n", turn, app, measured.summary());
        if (turn > 0) {
          byApp.get(app).add(measured);
        }
      }
    }
    System.out.printf(
        "%n%d client(s), %d s per turn, %d turns after a warm-up; load %s%n",
        clients, seconds, turns, new String(Files.readAllBytes(Path.of("/proc/loadavg"))).trim());
    System.out.printf(
        "%-10s %12s %12s %8s %12s %12s %8s%n",
        "kind", "A p50 ms", "B p50 ms", "B/A", "A p95 ms", "B p95 ms", "B/A");
    for (String kind : KINDS) {
      double a50 = median(byApp.get(a).stream().map(t -> t.percentile(kind, 50)).toList());
      double b50 = median(byApp.get(b).stream().map(t -> t.percentile(kind, 50)).toList());
      double a95 = median(byApp.get(a).stream().map(t -> t.percentile(kind, 95)).toList());
      double b95 = median(byApp.get(b).stream().map(t -> t.percentile(kind, 95)).toList());
      System.out.printf(
          "%-10s %12.2f %12.2f %8.2f %12.2f %12.2f %8.2f%n",
          kind, a50, b50, b50 / a50, a95, b95, b95 / a95);
    }
    double aRate = median(byApp.get(a).stream().map(Turn::instancesPerSecond).toList());
    double bRate = median(byApp.get(b).stream().map(Turn::instancesPerSecond).toList());
    System.out.printf(
        "%-10s %12.1f %12.1f %8.2f   (instances/s, median of turns)%n",
        "throughput", aRate, bRate, bRate / aRate);
    long errors =
        byApp.values().stream().flatMap(List::stream).mapToLong(t -> t.errors.get()).sum();
    System.out.printf("errors: %d%n", errors);
  }

  /**
   * One turn on one application: {@code clients} loops for {@code seconds}, each instance through
   * its three tasks.
   */
  private static Turn drive(String app, int clients, int seconds) throws InterruptedException {
    Turn turn = new Turn(seconds);
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    for (int i = 0; i < clients; i++) {
      pool.submit(
          () -> {
            while (System.nanoTime() < end) {
              try {
                String instance =
                    id(
                        send(
                            app,
                            "admin",
                            "POST",
                            "/engine-rest/process-definition/key/" + PROCESS + "/start",
                            "{}"));
                for (int task = 0; task < 3; task++) {
                  long t0 = System.nanoTime();
                  String found =
                      send(
                          app,
                          "martha",
                          "GET",
                          "/engine-rest/task?processInstanceId=" + instance,
                          null);
                  long t1 = System.nanoTime();
                  String taskId = id(found);
                  send(
                      app,
                      "martha",
                      "POST",
                      "/engine-rest/task/" + taskId + "/claim",
                      "{\"userId\":\"martha\"}");
                  long t2 = System.nanoTime();
                  send(app, "martha", "POST", "/engine-rest/task/" + taskId + "/complete", "{}");
                  long t3 = System.nanoTime();
                  turn.add("query", t1 - t0);
                  turn.add("claim", t2 - t1);
                  turn.add("complete", t3 - t2);
                }
                turn.instances.incrementAndGet();
              } catch (RuntimeException e) {
                turn.errors.incrementAndGet();
              }
            }
            return null;
          });
    }
    pool.shutdown();
    pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
    return turn;
  }

  private static void deploy(String app) throws Exception {
    String bpmn =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
            targetNamespace="http://invisible-bars.org/bench">
          <process id="%s" isExecutable="true" camunda:historyTimeToLive="1">
            <startEvent id="StartEvent_Started"/>
            <sequenceFlow id="SequenceFlow_1" sourceRef="StartEvent_Started" targetRef="Task_One"/>
            <userTask id="Task_One" camunda:candidateGroups="director"/>
            <sequenceFlow id="SequenceFlow_2" sourceRef="Task_One" targetRef="Task_Two"/>
            <userTask id="Task_Two" camunda:candidateGroups="director"/>
            <sequenceFlow id="SequenceFlow_3" sourceRef="Task_Two" targetRef="Task_Three"/>
            <userTask id="Task_Three" camunda:candidateGroups="director"/>
            <sequenceFlow id="SequenceFlow_4" sourceRef="Task_Three" targetRef="EndEvent_Done"/>
            <endEvent id="EndEvent_Done"/>
          </process>
        </definitions>
        """
            .formatted(PROCESS);
    String boundary = "bench-" + UUID.randomUUID();
    String body =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nbench\r\n"
            + "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"deploy-changed-only\"\r\n\r\ntrue\r\n"
            + "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\""
            + PROCESS
            + ".bpmn\"; filename=\""
            + PROCESS
            + ".bpmn\"\r\nContent-Type: application/octet-stream\r\n\r\n"
            + bpmn
            + "\r\n--"
            + boundary
            + "--\r\n";
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(app + "/engine-rest/deployment/create"))
                .header("Authorization", basic("admin"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "deployment to " + app + ": " + response.statusCode() + " " + response.body());
    }
  }

  private static String send(String app, String user, String method, String path, String json) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(app + path))
            .header("Authorization", basic(user))
            .header("Accept", "application/json")
            .timeout(Duration.ofSeconds(30));
    if (json != null) {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(json));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    try {
      HttpResponse<String> response =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() >= 300) {
        throw new IllegalStateException(
            method + " " + path + ": " + response.statusCode() + " " + response.body());
      }
      return response.body();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String id(String json) {
    Matcher matcher = ID.matcher(json);
    if (!matcher.find()) {
      throw new IllegalStateException("no id in " + json);
    }
    return matcher.group(1);
  }

  private static String basic(String user) {
    return "Basic "
        + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  /** The latencies of one turn by request kind, in nanoseconds. */
  private static final class Turn {

    private final Map<String, List<Long>> latencies = new LinkedHashMap<>();
    private final AtomicLong instances = new AtomicLong();
    private final int seconds;
    private final AtomicLong errors = new AtomicLong();

    Turn(int seconds) {
      this.seconds = seconds;
      KINDS.forEach(kind -> latencies.put(kind, Collections.synchronizedList(new ArrayList<>())));
    }

    void add(String kind, long nanos) {
      latencies.get(kind).add(nanos);
    }

    double percentile(String kind, int p) {
      List<Long> sorted = new ArrayList<>(latencies.get(kind));
      Collections.sort(sorted);
      if (sorted.isEmpty()) {
        return Double.NaN;
      }
      int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
      return sorted.get(Math.max(0, index)) / 1e6;
    }

    double instancesPerSecond() {
      return (double) instances.get() / seconds;
    }

    String summary() {
      StringBuilder out = new StringBuilder(String.format("%.1f inst/s", instancesPerSecond()));
      for (String kind : KINDS) {
        out.append(
            String.format(
                ", %s p50 %.2f p95 %.2f ms", kind, percentile(kind, 50), percentile(kind, 95)));
      }
      return out.append(errors.get() > 0 ? ", errors " + errors.get() : "").toString();
    }
  }
}
