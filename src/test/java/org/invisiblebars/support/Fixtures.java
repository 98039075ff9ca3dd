package org.invisiblebars.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Organisations, their NGO users and process instances, made through the APIs as the people
 * involved make them: the administrator creates the user, the liaison officer registers the
 * organisation and binds the user, the organisation applies, staff complete their tasks. Every name
 * carries a run id, so the fixtures of one test never meet another test's.
 */
public final class Fixtures {

  /** The password of every NGO user the fixtures create; it satisfies the engine's policy. */
  public static final String PASSWORD = "Fx7#Lq2$Wm9!kR";

  private static final Duration TASK_APPEARS = Duration.ofSeconds(30);

  private final TestRestTemplate anonymous;
  private final Function<String, TestRestTemplate> staff;
  private final TaskService taskService;
  private final EngineTasks engine;
  private final String run = Long.toString(System.nanoTime(), 36);
  private int created;

  /**
   * {@code staff} signs in a demo user (password {@code demo}); {@code taskService} finds tasks
   * without authorization.
   */
  public Fixtures(
      TestRestTemplate anonymous,
      Function<String, TestRestTemplate> staff,
      TaskService taskService) {
    this.anonymous = anonymous;
    this.staff = staff;
    this.taskService = taskService;
    this.engine = new EngineTasks(staff);
  }

  /** An organisation's NGO user, the organisation and (once it applied) its accreditation. */
  public record Ngo(String user, String organisationId, String accreditationId) {}

  /**
   * A new organisation of {@code mandateType} and its NGO user, bound to it; nothing applied yet.
   */
  public Ngo organisation(String name, String mandateType) {
    String user = "fx" + run + (++created);
    assertThat(
            post(
                    staff.apply("admin"),
                    "/engine-rest/user/create",
                    Map.of(
                        "profile",
                        Map.of("id", user, "firstName", "Fay", "lastName", "Fixture " + created),
                        "credentials",
                        Map.of("password", PASSWORD)))
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(
            staff
                .apply("admin")
                .exchange(
                    "/engine-rest/group/ngo/members/" + user, HttpMethod.PUT, null, String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    ResponseEntity<String> organisation =
        post(
            staff.apply("lena"),
            "/api/v1/organisations",
            Map.of("name", name + " " + run, "mandateType", mandateType));
    assertThat(organisation.getStatusCode())
        .as(organisation.getBody())
        .isEqualTo(HttpStatus.CREATED);
    String organisationId = engine.read(organisation.getBody()).get("id").asText();
    assertThat(
            staff
                .apply("lena")
                .exchange(
                    "/api/v1/organisations/" + organisationId + "/members/" + user,
                    HttpMethod.PUT,
                    null,
                    String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    return new Ngo(user, organisationId, null);
  }

  /**
   * A new NGO that applied for accreditation: its application waits at lena's completeness check.
   */
  public Ngo applied(String name, String facilityId) {
    Ngo ngo = organisation(name, "NGO");
    return new Ngo(ngo.user(), ngo.organisationId(), apply(ngo, application("NGO", facilityId)));
  }

  /**
   * A national preventive mechanism whose mandate lena verified ({@code MANDATE_REGISTERED}): it
   * may report and be visited without an MoU, and may arrive unannounced.
   */
  public Ngo registeredMandate(String name, String facilityId) {
    Ngo npm = appliedWithMandate(name, facilityId);
    engine.complete(
        "lena",
        npm.accreditationId(),
        "Task_VerifyFormalMandate",
        Map.of("mandateVerified", "VERIFIED", "verificationNotes", "Designation act checked"));
    return npm;
  }

  /**
   * A national preventive mechanism that applied with its formal mandate: lena's verification
   * waits.
   */
  public Ngo appliedWithMandate(String name, String facilityId) {
    Ngo ngo = organisation(name, "NPM");
    Map<String, Object> npm = application("NPM", facilityId);
    npm.put("mandateReference", "OPCAT art. 17, designation " + run);
    npm.put("mandateIssuingBody", "Parliament");
    npm.put("mandateValidUntil", "2040-12-31");
    return new Ngo(ngo.user(), ngo.organisationId(), apply(ngo, npm));
  }

  /** The organisation's user, signed in with HTTP Basic. */
  public TestRestTemplate as(Ngo ngo) {
    return anonymous.withBasicAuth(ngo.user(), PASSWORD);
  }

  /** The id of the facility of that name. */
  public String facility(String name) {
    for (JsonNode facility :
        engine.read(staff.apply("lena").getForObject("/api/v1/facilities", String.class))) {
      if (facility.get("name").asText().equals(name)) {
        return facility.get("id").asText();
      }
    }
    throw new IllegalStateException("no facility " + name);
  }

  /** A monitoring report submitted by the organisation: the director's acknowledgement waits. */
  /** The recommendations of a test's report: one urgent, cheap one. */
  public static List<Map<String, Object>> oneRecommendation() {
    return List.of(
        Map.of(
            "text",
            "Paint the cells",
            "area",
            "Living conditions",
            "priority",
            "URGENT",
            "resourceEstimate",
            "LOW"));
  }

  public String report(Ngo ngo, String facilityId, String findings) {
    ResponseEntity<String> created =
        post(
            as(ngo),
            "/api/v1/reports",
            Map.of(
                "title",
                "Remand wing " + run,
                "facilityId",
                facilityId,
                "visitsCovered",
                "Visit of 3 November",
                "goodPractices",
                "Clean kitchen",
                "findings",
                findings,
                "allegation",
                false,
                "recommendations",
                oneRecommendation()));
    assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
    return engine.read(created.getBody()).get("id").asText();
  }

  /** A coordination meeting lena arranges with the organisation: her meeting task waits. */
  public String meeting(Ngo ngo, String agenda) {
    ResponseEntity<String> created =
        post(
            staff.apply("lena"),
            "/api/v1/meetings",
            Map.of("organisationId", ngo.organisationId(), "agenda", agenda));
    assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
    return engine.read(created.getBody()).get("id").asText();
  }

  /**
   * A visit the organisation requests for {@code day}, 10:00–13:00 UTC: security's risk assessment
   * waits.
   */
  public String visit(Ngo ngo, String facilityId, List<UUID> representatives, LocalDate day) {
    Instant start = day.atTime(10, 0).toInstant(ZoneOffset.UTC);
    ResponseEntity<String> requested =
        post(
            as(ngo),
            "/api/v1/visits",
            Map.of(
                "facilityId",
                facilityId,
                "representativeIds",
                representatives,
                "windowStart",
                start.toString(),
                "windowEnd",
                start.plus(3, ChronoUnit.HOURS).toString(),
                "activity",
                "Monitoring visit",
                "areas",
                List.of(),
                "equipment",
                List.of()));
    assertThat(requested.getStatusCode()).as(requested.getBody()).isEqualTo(HttpStatus.CREATED);
    return engine.read(requested.getBody()).get("id").asText();
  }

  /** A facility the administrator registers, open on weekdays. */
  public String newFacility(String name) {
    return newFacility(name, 2);
  }

  /** A facility with room for {@code liaisonCapacity} organisations, open on weekdays. */
  public String newFacility(String name, int liaisonCapacity) {
    ResponseEntity<String> created =
        post(
            staff.apply("admin"),
            "/api/v1/facilities",
            Map.of(
                "name",
                name,
                "liaisonCapacity",
                liaisonCapacity,
                "securityLevel",
                "MEDIUM",
                "highSecurityAreas",
                List.of(),
                "visitingDays",
                List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"),
                "visitingFrom",
                "09:00",
                "visitingUntil",
                "17:00"));
    assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
    return engine.read(created.getBody()).get("id").asText();
  }

  /** A visit of the formal monitor registered at the gate by security, arriving now. */
  public String unannouncedVisit(Ngo npm, String facilityId, List<UUID> representatives) {
    ResponseEntity<String> registered =
        post(
            staff.apply("sam"),
            "/api/v1/visits/unannounced",
            Map.of(
                "organisationId",
                npm.organisationId(),
                "facilityId",
                facilityId,
                "representativeIds",
                representatives,
                "windowEnd",
                Instant.now().plus(3, ChronoUnit.HOURS).toString(),
                "activity",
                "OPCAT inspection",
                "areas",
                List.of(),
                "equipment",
                List.of()));
    assertThat(registered.getStatusCode()).as(registered.getBody()).isEqualTo(HttpStatus.CREATED);
    return engine.read(registered.getBody()).get("id").asText();
  }

  /**
   * Takes an unannounced visit through the gate's briefings: it is at the gate from its
   * registration (no risk assessment, authorisation or scheduling), and sam holds the briefings.
   */
  public void toTheGate(String visitId) {
    for (Task briefing : awaitTasks(visitId, "Task_HoldSecurityBriefing")) {
      assertThat(
              engine
                  .completeTask("sam", briefing.getId(), Map.of("briefingHeld", true))
                  .getStatusCode())
          .isEqualTo(HttpStatus.NO_CONTENT);
    }
    awaitTasks(visitId, "Task_CheckInVisitor");
  }

  /**
   * The open tasks of {@code taskKey} of the instance with business key {@code businessKey}, once
   * there is one.
   */
  public List<Task> awaitTasks(String businessKey, String taskKey) {
    return Eventually.within(TASK_APPEARS, taskKey + " of " + businessKey + " appears")
        .until(
            () ->
                taskService
                    .createTaskQuery()
                    .processInstanceBusinessKey(BusinessKeys.of(businessKey))
                    .taskDefinitionKey(taskKey)
                    .list(),
            tasks -> !tasks.isEmpty());
  }

  /** The one open task of {@code taskKey} of the instance with business key {@code businessKey}. */
  public String taskId(String businessKey, String taskKey) {
    List<Task> tasks = awaitTasks(businessKey, taskKey);
    assertThat(tasks).as(taskKey + " of " + businessKey).hasSize(1);
    return tasks.get(0).getId();
  }

  private String apply(Ngo ngo, Map<String, Object> application) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.set("Idempotency-Key", "fixture-" + run + "-" + (++created));
    ResponseEntity<String> submitted =
        as(ngo)
            .postForEntity(
                "/api/v1/accreditations", new HttpEntity<>(application, headers), String.class);
    assertThat(submitted.getStatusCode()).as(submitted.getBody()).isEqualTo(HttpStatus.CREATED);
    return engine.read(submitted.getBody()).get("id").asText();
  }

  private static Map<String, Object> application(String mandateType, String facilityId) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("mandateType", mandateType);
    body.put("programmeType", "MONITORING");
    body.put("proposedActivity", "Monthly monitoring of detention conditions");
    body.put("sustainabilityMonths", 18);
    body.put("facilityIds", List.of(facilityId));
    body.put(
        "representatives",
        List.of(
            Map.of("fullName", "Ada Monitor", "role", "Monitor"),
            Map.of("fullName", "Ben Doctor", "role", "Medical doctor")));
    return body;
  }

  private static ResponseEntity<String> post(TestRestTemplate client, String path, Object body) {
    return client.postForEntity(path, EngineTasks.jsonBody(body), String.class);
  }
}
