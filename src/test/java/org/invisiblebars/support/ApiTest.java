package org.invisiblebars.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.invisiblebars.organisation.domain.MandateType;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An integration test through HTTP as the people involved: organisations of its own ({@link
 * AccreditedOrganisations}), the gate of a visit ({@link VisitGate}), a client per person and per
 * call, the engine REST API as Tasklist uses it, and the decision log to count what happened. Adds
 * no configuration: it shares the one Spring context of {@link IntegrationTest}.
 */
public abstract class ApiTest extends IntegrationTest {

  @Autowired protected ApplicationContext context;
  @Autowired protected JdbcTemplate jdbc;

  protected final EngineTasks engine = new EngineTasks(this::user);
  protected AccreditedOrganisations fixture;
  protected VisitGate gate;

  @BeforeEach
  void apiFixtures() {
    fixture = new AccreditedOrganisations(context);
    gate = new VisitGate(context);
  }

  /**
   * A client of its own, signed in as {@code user}: a demo user, a test's NGO user or a test's
   * staff member.
   */
  protected TestRestTemplate user(String user) {
    return user.startsWith(AccreditedOrganisations.USER_PREFIX) || StaffUsers.made(user)
        ? rest.withBasicAuth(user, AccreditedOrganisations.PASSWORD)
        : as(user);
  }

  /** A JSON POST as {@code user}, with an {@code Idempotency-Key} when {@code key} is given. */
  protected ResponseEntity<String> post(String user, String path, Object body, String key) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    if (key != null) {
      headers.set("Idempotency-Key", key);
    }
    return user(user).postForEntity(path, new HttpEntity<>(body, headers), String.class);
  }

  /**
   * The body that registers facility {@code name}, open on weekdays from 09:00 to 17:00 in {@code
   * zone} (an IANA id), with {@code areas} and no high-security area.
   */
  protected static Map<String, Object> facilityBody(String name, String zone, List<String> areas) {
    return Map.of(
        "name",
        name,
        "liaisonCapacity",
        50,
        "securityLevel",
        "MEDIUM",
        "highSecurityAreas",
        List.of(),
        "visitingDays",
        List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"),
        "visitingFrom",
        "09:00",
        "visitingUntil",
        "17:00",
        "zone",
        zone,
        "areas",
        areas);
  }

  /** Registers {@link #facilityBody a facility} as the administrator. */
  protected void registerFacility(String name, String zone, List<String> areas) {
    ResponseEntity<String> registered =
        post("admin", "/api/v1/facilities", facilityBody(name, zone, areas), null);
    assertThat(registered.getStatusCode()).as(registered.getBody()).isEqualTo(HttpStatus.CREATED);
  }

  /**
   * A new organisation's application to monitor Central Prison, naming one representative; returns
   * its id (the business key of its accreditation process).
   */
  protected String applied() {
    return appliedBy(fixture.accredited(MandateType.NGO, 1));
  }

  /**
   * {@code ngo}'s new application to monitor Central Prison, naming one representative; returns its
   * id.
   */
  protected String appliedBy(AccreditedOrganisations.Accredited ngo) {
    ResponseEntity<String> created =
        post(
            ngo.user(),
            "/api/v1/accreditations",
            AccreditationForms.application(
                "Monitoring", fixture.facility("Central Prison"), List.of("Ana Reyes")),
            null);
    assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
    return engine.read(created.getBody()).get("id").asText();
  }

  /**
   * A visit {@code ngo} requests with all its people at North Women's Prison, as the API answered
   * it (201 asserted).
   */
  protected JsonNode requestVisit(AccreditedOrganisations.Accredited ngo) {
    ResponseEntity<String> answer =
        post(
            ngo.user(),
            "/api/v1/visits",
            fixture.visitRequest("North Women's Prison", ngo.people(), List.of(), List.of()),
            null);
    assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.CREATED);
    return engine.read(answer.getBody());
  }

  /** A visit of Alice's alone that {@code ngo} requests at North Women's Prison; its id. */
  protected String requestedByAlice(AccreditedOrganisations.Accredited ngo) {
    ResponseEntity<String> created =
        post(
            ngo.user(),
            "/api/v1/visits",
            fixture.visitRequest(
                "North Women's Prison", List.of(ngo.alice()), List.of(), List.of()),
            null);
    assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
    return engine.read(created.getBody()).get("id").asText();
  }

  /**
   * How many decisions like {@code decision} (SQL {@code like}) the log holds on {@code subjectId}.
   */
  protected long decisions(String subjectId, String decision) {
    return jdbc.queryForObject(
        "select count(*) from decision_log where subject_id = ?::uuid and decision like ?",
        Long.class,
        subjectId,
        decision);
  }

  /**
   * Exactly one request took effect (200); every other was told 409 with problem details saying
   * why.
   */
  protected void assertOneOkOthersConflict(List<ResponseEntity<String>> answers) {
    assertThat(answers.stream().map(ResponseEntity::getStatusCode))
        .as(answers.stream().map(ResponseEntity::getBody).toList().toString())
        .containsOnly(HttpStatus.OK, HttpStatus.CONFLICT)
        .containsOnlyOnce(HttpStatus.OK);
    answers.stream()
        .filter(a -> a.getStatusCode() == HttpStatus.CONFLICT)
        .forEach(this::assertProblem);
  }

  /** An RFC 9457 problem with a detail for the person. */
  protected void assertProblem(ResponseEntity<String> answer) {
    assertThat(answer.getHeaders().getContentType())
        .hasToString(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    assertThat(engine.read(answer.getBody()).get("detail").asText()).isNotBlank();
  }

  /**
   * Drives a requested low-risk visit of Alice's to the gate, as the people involved do: security
   * confirms the risk, the liaison officer schedules it, the organisation acknowledges the notice,
   * Alice is briefed and enters. Returns the visit id, waiting for check-out.
   */
  protected String checkedIn(AccreditedOrganisations.Accredited ngo, String visit) {
    engine.complete("sam", visit, "Task_AssessVisitRisk", Map.of("riskDecision", "CONFIRM"));
    engine.complete(
        "lena",
        visit,
        "Task_ScheduleVisit",
        Map.of("escort", "Officer Grey", "meetingPoint", "Gate"));
    user(ngo.user())
        .postForEntity(
            "/api/v1/visits/" + visit + "/representatives/" + ngo.alice() + "/acknowledgement",
            EngineTasks.jsonBody(Map.of()),
            String.class);
    gate.open(visit);
    engine.complete("sam", visit, "Task_HoldSecurityBriefing", Map.of("briefingHeld", true));
    assertThat(
            engine
                .completeTask(
                    "sam",
                    gate.checkInTask(visit, ngo.alice()),
                    Map.of("entryOutcome", "ENTERED", "appliedSearchLevel", "SCREENING"))
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    return visit;
  }
}
