package org.invisiblebars.platform.resilience;

import static org.invisiblebars.support.ApplicationProcess.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;
import org.invisiblebars.support.ApplicationProcess;

/**
 * Work that is in flight when a node dies: visits the national preventive mechanism announces at
 * short notice, whose escalation timer and SLA due date fall due within seconds, and clients
 * registering organisations (lena) and applying for accreditation (john) as fast as they are
 * answered. Remembers every write that was answered 2xx.
 */
final class InFlightWork {

  /**
   * When a visit announced at short notice escalates (its timer) and its risk assessment is due
   * (its SLA): the earliest a short-notice visit escalates after its request.
   */
  static final Duration ESCALATE_AFTER = Duration.ofSeconds(12);

  /** How far ahead the mechanism announces its visits: well inside the 48 hours of escalation. */
  private static final Duration NOTICE = Duration.ofHours(3);

  /** The password of the mechanism's own user, whom the test creates. */
  private static final String NPM_PASSWORD = "Rz4#Tn8$Qc1!wV";

  /**
   * What makes timers and breaches come due in seconds rather than hours: the same on every node.
   */
  static List<String> fastTimers() {
    return List.of(
        "--invisible-bars.entry.short-notice-escalate-after=" + ESCALATE_AFTER,
        // A visit lies within one local day: a zone where it is now about noon keeps the window
        // (and its timers) well inside one day whenever the test runs.
        "--invisible-bars.entry.zone=" + zoneAtNoon(),
        "--invisible-bars.sla.scan-interval=PT2S",
        "--camunda.bpm.job-execution.wait-time-in-millis=1000",
        "--camunda.bpm.job-execution.max-wait=2000",
        // A job the dead node had locked is taken again once its lock expires (default 5 minutes).
        "--camunda.bpm.job-execution.lock-time-in-millis=15000");
  }

  /** A write answered 2xx: what and its id. */
  record Acknowledged(String kind, String id) {}

  private final JsonNode npmVisit;
  private final String npmUser = "npm" + Long.toString(System.nanoTime(), 36);
  private final String facilityForJohn;
  private final Queue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
  private final List<String> visits = new ArrayList<>();

  /**
   * Looks up, on a running node, what the writes refer to: the demo mechanism and its people, a
   * facility.
   */
  InFlightWork(ApplicationProcess node) {
    this.npmVisit =
        StreamSupport.stream(json(node.get("sam", "/api/v1/visits")).spliterator(), false)
            .filter(visit -> "NPM".equals(visit.path("mandateType").asText()))
            .findFirst()
            .orElseThrow(
                () -> new AssertionError("the demo visit of the national preventive mechanism"));
    this.facilityForJohn = json(node.get("john", "/api/v1/facilities")).get(0).path("id").asText();
    // the mechanism's own user, who announces its visits
    json(
        node.postJson(
            "admin",
            "/engine-rest/user/create",
            Map.of(
                "profile",
                Map.of(
                    "id",
                    npmUser,
                    "firstName",
                    "Nadia",
                    "lastName",
                    "NPM",
                    "email",
                    npmUser + "@npm.example"),
                "credentials",
                Map.of("password", NPM_PASSWORD))));
    expectNoContent(node.put("admin", "/engine-rest/group/ngo/members/" + npmUser));
    expectNoContent(
        node.put(
            "lena",
            "/api/v1/organisations/"
                + npmVisit.path("organisationId").asText()
                + "/members/"
                + npmUser));
  }

  private static void expectNoContent(HttpResponse<String> response) {
    if (response.statusCode() != 204) {
      throw new AssertionError(
          response.uri() + " answered " + response.statusCode() + ": " + response.body());
    }
  }

  /**
   * The demo mechanism announces a visit of its people three hours ahead; its escalation is due in
   * {@link #ESCALATE_AFTER}, long before the gate opens.
   */
  String shortNoticeVisit(ApplicationProcess node) {
    List<String> people =
        StreamSupport.stream(npmVisit.path("representatives").spliterator(), false)
            .map(person -> person.path("id").asText())
            .toList();
    Instant start = Instant.now().plus(NOTICE).truncatedTo(ChronoUnit.SECONDS);
    JsonNode visit =
        json(
            node.postJson(
                npmUser,
                NPM_PASSWORD,
                "/api/v1/visits",
                Map.of(
                    "facilityId",
                    npmVisit.path("facilityId").asText(),
                    "representativeIds",
                    people,
                    "windowStart",
                    start.toString(),
                    "windowEnd",
                    start.plus(Duration.ofHours(1)).toString(),
                    "activity",
                    "OPCAT visit at short notice",
                    "areas",
                    List.of("Segregation unit"),
                    "equipment",
                    List.of("CAMERA"))));
    String id = visit.path("id").asText();
    synchronized (visits) {
      visits.add(id);
    }
    acknowledged.add(new Acknowledged("visit", id));
    return id;
  }

  List<String> visits() {
    synchronized (visits) {
      return List.copyOf(visits);
    }
  }

  List<Acknowledged> acknowledged() {
    return List.copyOf(acknowledged);
  }

  /**
   * Clients writing until stopped, spread over the nodes; a node that is gone simply does not
   * answer.
   */
  Writers startWriters(List<ApplicationProcess> nodes, int clients) {
    return new Writers(nodes, clients);
  }

  final class Writers {
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger answered = new AtomicInteger();
    private final List<Thread> threads = new ArrayList<>();
    private final Instant started = Instant.now();

    private Writers(List<ApplicationProcess> nodes, int clients) {
      for (int client = 0; client < clients; client++) {
        int number = client;
        Thread thread =
            new Thread(() -> write(nodes.get(number % nodes.size()), number), "writer-" + client);
        threads.add(thread);
        thread.start();
      }
    }

    private void write(ApplicationProcess node, int client) {
      for (int round = 0; running.get(); round++) {
        String name = "Crash test " + client + "-" + round + "-" + System.nanoTime();
        try {
          if (round % 2 == 0) {
            remember(
                "organisation",
                node.postJson(
                    "lena",
                    "/api/v1/organisations",
                    Map.of("name", name, "mandateType", "NGO", "religiousBased", false)));
          } else {
            remember(
                "accreditation",
                node.postJson(
                    "john",
                    "/api/v1/accreditations",
                    Map.of(
                        "mandateType",
                        "NGO",
                        "programmeType",
                        "MONITORING",
                        "proposedActivity",
                        "Monthly monitoring visits",
                        "sustainabilityMonths",
                        18,
                        "facilityIds",
                        List.of(facilityForJohn),
                        "representatives",
                        List.of(Map.of("fullName", name, "role", "Monitor")))));
          }
        } catch (UncheckedIOException nodeGone) {
          ApplicationProcess.sleep(Duration.ofMillis(200));
        }
      }
    }

    private void remember(String kind, HttpResponse<String> response) {
      sent.incrementAndGet();
      if (response.statusCode() / 100 == 2) {
        acknowledged.add(new Acknowledged(kind, json(response).path("id").asText()));
        answered.incrementAndGet();
      } else {
        refused.incrementAndGet();
      }
    }

    /** Writes answered 2xx per second from the start until now. */
    double answeredPerSecond() {
      return answered.get() * 1000.0 / Duration.between(started, Instant.now()).toMillis();
    }

    int answered() {
      return answered.get();
    }

    /** Stops the clients and waits for their last requests. */
    void stop() {
      running.set(false);
      for (Thread thread : threads) {
        try {
          thread.join(Duration.ofSeconds(90).toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }

    int sent() {
      return sent.get();
    }

    int refused() {
      return refused.get();
    }
  }

  private static ZoneOffset zoneAtNoon() {
    int hour = Instant.now().atZone(ZoneOffset.UTC).getHour();
    int offset = 12 - hour;
    return ZoneOffset.ofHours(Math.max(-12, Math.min(14, offset)));
  }
}
