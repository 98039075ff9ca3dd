package org.invisiblebars.entry.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.invisiblebars.organisation.domain.MandateType;
import org.invisiblebars.support.AccreditedOrganisations.Accredited;
import org.invisiblebars.support.ApiTest;
import org.invisiblebars.support.BusinessKeys;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A formal monitor's visit (NPM, ICRC) through HTTP as the people involved: the NPM's own user, sam
 * at the gate, lena and martha. Its access is a right (OPCAT art. 19–20): never refused, never
 * expired for want of a staff decision, unannounced straight to the gate while the director is
 * told, cancelled only by the monitor; and no task is ever due before it is created. The timers are
 * run as the job executor would when their time comes.
 */
class FormalMonitorVisitIT extends ApiTest {

  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired TaskService taskService;

  @Test
  void unannouncedMonitorsGoStraightToTheGateWhileTheDirectorIsTold() {
    Accredited npm = fixture.accredited(MandateType.NPM);

    String id = unannounced(npm);

    JsonNode visit = read("sam", id);
    assertThat(visit.get("status").asText()).isEqualTo("SCHEDULED");
    assertThat(visit.get("authorisedSearchLevel").asText()).isEqualTo("SCREENING");
    assertThat(visit.get("admittedByRightAt").isNull()).isFalse();
    assertThat(openTaskKeys(id))
        .as("no risk assessment, authorisation or scheduling before entry")
        .containsExactlyInAnyOrder(
            "Task_HoldSecurityBriefing", "Task_HoldSecurityBriefing", "Task_NoteMonitorVisit");
    assertThat(engine.tasks("lena", id, "Task_ScheduleVisit")).isEmpty();
    JsonNode note = engine.tasks("martha", id, "Task_NoteMonitorVisit");
    assertThat(note).as("the director is told at once").hasSize(1);
    assertThat(engine.tasks("sam", id, "Task_NoteMonitorVisit")).isEmpty();
    assertDueNeverBeforeCreated(id);

    // the director's task holds nothing up: both are briefed and checked in while it is open
    for (JsonNode briefing : engine.tasks("sam", id, "Task_HoldSecurityBriefing")) {
      assertThat(
              engine
                  .completeTask("sam", briefing.get("id").asText(), Map.of("briefingHeld", true))
                  .getStatusCode())
          .isEqualTo(HttpStatus.NO_CONTENT);
    }
    assertDueNeverBeforeCreated(id);
    ResponseEntity<String> unacknowledged =
        engine.completeTask(
            "sam",
            gate.checkInTask(id, npm.alice()),
            Map.of("entryOutcome", "ENTERED", "appliedSearchLevel", "SCREENING"));
    assertThat(unacknowledged.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(unacknowledged.getBody()).contains("not been acknowledged");
    ResponseEntity<String> tooFar =
        engine.completeTask(
            "sam",
            gate.checkInTask(id, npm.alice()),
            Map.of(
                "entryOutcome",
                "ENTERED",
                "appliedSearchLevel",
                "PAT_DOWN",
                "acknowledgedAtGate",
                true));
    assertThat(tooFar.getBody()).contains("exceeds the authorised level SCREENING");
    checkIn(id, npm.alice());
    checkIn(id, npm.bob());
    assertThat(read(npm.user(), id).get("status").asText()).isEqualTo("IN_PROGRESS");
    assertDueNeverBeforeCreated(id);
    assertThat(engine.tasks("martha", id, "Task_NoteMonitorVisit")).hasSize(1);

    engine.complete(
        "martha",
        id,
        "Task_NoteMonitorVisit",
        Map.of("directorNote", "Deputy asked to meet the delegation"));
    assertThat(decisions(id, "NOTED")).isOne();
    assertThat(decisions(id, "ADMITTED_BY_RIGHT")).isOne();

    // the next unannounced visit of the same people: both were briefed once, never again
    String next = unannounced(npm);
    assertThat(openTaskKeys(next))
        .containsExactlyInAnyOrder(
            "Task_CheckInVisitor", "Task_CheckInVisitor", "Task_NoteMonitorVisit");
    assertDueNeverBeforeCreated(next);
  }

  @Test
  void anAnnouncedMonitorStillUndecidedWhenTheGateOpensGoesToTheGate() {
    Accredited npm = fixture.accredited(MandateType.NPM);
    Instant start = Instant.now().plus(4, ChronoUnit.HOURS);
    String id = requested(npm, start);
    assertThat(read("sam", id).get("status").asText()).isEqualTo("UNDER_REVIEW");
    assertDueNeverBeforeCreated(id);

    runTimersDueBy(id, start.minus(2, ChronoUnit.HOURS));

    JsonNode visit = read(npm.user(), id);
    assertThat(visit.get("status").asText())
        .as("never expired nor held up for want of a decision")
        .isEqualTo("SCHEDULED");
    assertThat(visit.get("authorisedSearchLevel").asText()).isEqualTo("SCREENING");
    assertThat(visit.get("awaiting").asText()).contains("at the gate");
    assertThat(engine.tasks("sam", id, "Task_AssessVisitRisk"))
        .as("the open risk assessment ended")
        .isEmpty();
    assertThat(engine.tasks("martha", id, "Task_NoteMonitorVisit")).hasSize(1);
    assertThat(engine.tasks("sam", id, "Task_HoldSecurityBriefing")).hasSize(2);
    assertThat(
            jdbc.queryForObject(
                "select reasons from decision_log where subject_id = ?::uuid and decision ="
                    + " 'ADMITTED_BY_RIGHT'",
                String.class,
                id))
        .contains("still undecided when the gate opened", "risk assessment", "left open");
    assertDueNeverBeforeCreated(id);
  }

  @Test
  void aMonitorAuthorisedButNeverScheduledGoesToTheGateWithItsEscortAssignedThere() {
    Accredited npm = fixture.accredited(MandateType.NPM);
    Instant start = Instant.now().plus(4, ChronoUnit.HOURS);
    String id = requested(npm, start);
    engine.complete("sam", id, "Task_AssessVisitRisk", Map.of("riskDecision", "CONFIRM"));
    assertThat(read("lena", id).get("status").asText()).isEqualTo("SCHEDULING");
    assertDueNeverBeforeCreated(id);

    runTimersDueBy(id, start.minus(2, ChronoUnit.HOURS));

    JsonNode visit = read("sam", id);
    assertThat(visit.get("status").asText()).isEqualTo("SCHEDULED");
    assertThat(visit.has("escort")).as("assigned at the gate").isFalse();
    assertThat(engine.tasks("lena", id, "Task_ScheduleVisit")).isEmpty();
    for (JsonNode briefing : engine.tasks("sam", id, "Task_HoldSecurityBriefing")) {
      engine.completeTask("sam", briefing.get("id").asText(), Map.of("briefingHeld", true));
    }
    checkIn(id, npm.alice());
    assertThat(read(npm.user(), id).get("status").asText()).isEqualTo("IN_PROGRESS");
  }

  @Test
  void onlyTheMonitorCancelsItsVisitThroughEveryRoute() {
    Accredited npm = fixture.accredited(MandateType.NPM);
    String id = requested(npm, Instant.now().plus(4, ChronoUnit.HOURS));

    for (String staff : List.of("lena", "martha")) {
      ResponseEntity<String> refused = cancel(staff, id);
      assertThat(refused.getStatusCode()).as(staff).isEqualTo(HttpStatus.CONFLICT);
      assertProblem(refused);
      assertThat(refused.getBody()).contains("only the NPM itself cancels its visit");
    }
    assertThat(cancel("sam", id).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> correlated =
        post(
            "admin",
            "/engine-rest/message",
            Map.of("messageName", "VisitCancelled", "businessKey", BusinessKeys.of(id)),
            null);
    assertThat(correlated.getStatusCode())
        .as("a message correlated through the engine API: " + correlated.getBody())
        .isEqualTo(HttpStatus.CONFLICT);
    assertThat(correlated.getBody()).contains("was not cancelled");
    assertThat(read("sam", id).get("status").asText()).isEqualTo("UNDER_REVIEW");
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(BusinessKeys.of(id))
                .count())
        .as("the visit goes on")
        .isOne();
    assertThat(decisions(id, "CANCELLED")).isZero();

    ResponseEntity<String> byTheMonitor = cancel(npm.user(), id);
    assertThat(byTheMonitor.getStatusCode()).as(byTheMonitor.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(engine.read(byTheMonitor.getBody()).get("status").asText()).isEqualTo("CANCELLED");
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(BusinessKeys.of(id))
                .count())
        .isZero();

    // an NGO's visit, as before: the liaison officer may cancel it
    Accredited ngo = fixture.accredited(MandateType.NGO);
    ResponseEntity<String> created =
        post(
            ngo.user(),
            "/api/v1/visits",
            fixture.visitRequest(
                "North Women's Prison", List.of(ngo.alice()), List.of(), List.of()),
            null);
    String ngoVisit = engine.read(created.getBody()).get("id").asText();
    assertThat(cancel("lena", ngoVisit).getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void shortNoticeTasksAreNeverDueBeforeTheyAreCreated() {
    Accredited npm = fixture.accredited(MandateType.NPM);
    Instant start = Instant.now().plus(6, ChronoUnit.HOURS);
    String id = requested(npm, start);
    Set<String> seen = new TreeSet<>(assertDueNeverBeforeCreated(id));

    engine.complete(
        "sam",
        id,
        "Task_AssessVisitRisk",
        Map.of("riskDecision", "OVERRIDE", "risk", "HIGH", "overrideReasons", "Unrest"));
    seen.addAll(assertDueNeverBeforeCreated(id));
    engine.complete(
        "martha",
        id,
        "Task_AuthoriseVisit",
        Map.of("authorisation", "AUTHORISE", "authorisedSearchLevel", "PAT_DOWN"));
    seen.addAll(assertDueNeverBeforeCreated(id));
    engine.complete(
        "lena",
        id,
        "Task_ScheduleVisit",
        Map.of("escort", "Officer Grey", "meetingPoint", "Main gate"));
    runTimersDueBy(id, start.minus(2, ChronoUnit.HOURS));
    seen.addAll(assertDueNeverBeforeCreated(id));
    for (JsonNode briefing : engine.tasks("sam", id, "Task_HoldSecurityBriefing")) {
      engine.completeTask("sam", briefing.get("id").asText(), Map.of("briefingHeld", true));
    }
    seen.addAll(assertDueNeverBeforeCreated(id));
    checkIn(id, npm.alice());
    engine.completeTask(
        "sam", gate.checkInTask(id, npm.bob()), Map.of("entryOutcome", "NOT_ADMITTED"));
    seen.addAll(assertDueNeverBeforeCreated(id));
    runTimersDueBy(id, start.plus(4, ChronoUnit.HOURS));
    seen.addAll(assertDueNeverBeforeCreated(id));

    assertThat(seen)
        .containsExactlyInAnyOrder(
            "Task_AssessVisitRisk",
            "Task_AuthoriseVisit",
            "Task_ScheduleVisit",
            "Task_HoldSecurityBriefing",
            "Task_CheckInVisitor",
            "Task_CheckOutVisitors",
            "Task_AccountForVisitors");
  }

  // ------------------------------------------------------------------ helpers

  /** Security registers an unannounced visit of both the NPM's people, until three hours on. */
  private String unannounced(Accredited npm) {
    Map<String, Object> request = new HashMap<>();
    request.put("organisationId", npm.organisationId());
    request.put("facilityId", fixture.facility("Central Prison"));
    request.put("representativeIds", List.of(npm.alice(), npm.bob()));
    request.put("windowEnd", Instant.now().plus(3, ChronoUnit.HOURS).toString());
    request.put("activity", "OPCAT inspection");
    request.put("areas", List.of("Segregation unit"));
    request.put("equipment", List.of("CAMERA"));
    ResponseEntity<String> registered = post("sam", "/api/v1/visits/unannounced", request, null);
    assertThat(registered.getStatusCode()).as(registered.getBody()).isEqualTo(HttpStatus.CREATED);
    return engine.read(registered.getBody()).get("id").asText();
  }

  /** The NPM's user announces a visit of both its people at short notice, from {@code start}. */
  private String requested(Accredited npm, Instant start) {
    Map<String, Object> request =
        fixture.visitRequest(
            "Central Prison", List.of(npm.alice(), npm.bob()), List.of(), List.of());
    // a window on one day (UTC, the tests' zone), three hours long where the day allows
    Instant dayEnds =
        start
            .atZone(ZoneOffset.UTC)
            .toLocalDate()
            .plusDays(1)
            .atStartOfDay(ZoneOffset.UTC)
            .toInstant()
            .minusSeconds(1);
    Instant end = start.plus(3, ChronoUnit.HOURS);
    request.put("windowStart", start.truncatedTo(ChronoUnit.SECONDS).toString());
    request.put(
        "windowEnd",
        (end.isAfter(dayEnds) ? dayEnds : end).truncatedTo(ChronoUnit.SECONDS).toString());
    ResponseEntity<String> created = post(npm.user(), "/api/v1/visits", request, null);
    assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
    assertThat(engine.read(created.getBody()).get("status").asText())
        .as(created.getBody())
        .isEqualTo("UNDER_REVIEW");
    return engine.read(created.getBody()).get("id").asText();
  }

  private void checkIn(String id, UUID person) {
    ResponseEntity<String> entered =
        engine.completeTask(
            "sam",
            gate.checkInTask(id, person),
            Map.of(
                "entryOutcome",
                "ENTERED",
                "appliedSearchLevel",
                "SCREENING",
                "acknowledgedAtGate",
                true));
    assertThat(entered.getStatusCode()).as(entered.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
  }

  private ResponseEntity<String> cancel(String user, String id) {
    return post(
        user, "/api/v1/visits/" + id + "/cancellation", Map.of("reasons", "Lockdown"), null);
  }

  /**
   * Runs the visit's timers due by {@code until}, as the job executor would when that time comes
   * (it may run those already due first).
   */
  private void runTimersDueBy(String id, Instant until) {
    for (int round = 0; round < 10; round++) {
      List<Job> due =
          managementService
              .createJobQuery()
              .processInstanceId(instance(id))
              .timers()
              .duedateLowerThan(Date.from(until.plusMillis(1)))
              .list();
      if (due.isEmpty()) {
        return;
      }
      for (Job job : due) {
        try {
          managementService.executeJob(job.getId());
        } catch (ProcessEngineException firedByTheJobExecutor) {
          // the job executor ran it concurrently, or had already deleted it
        }
      }
    }
  }

  private String instance(String id) {
    return runtimeService
        .createProcessInstanceQuery()
        .processInstanceBusinessKey(BusinessKeys.of(id))
        .singleResult()
        .getId();
  }

  /** Every open task of the visit is due no earlier than it was created; returns their keys. */
  private List<String> assertDueNeverBeforeCreated(String id) {
    List<Task> open =
        taskService.createTaskQuery().processInstanceBusinessKey(BusinessKeys.of(id)).list();
    assertThat(open)
        .allSatisfy(
            task ->
                assertThat(task.getDueDate())
                    .as(
                        "%s due %s, created %s",
                        task.getTaskDefinitionKey(), task.getDueDate(), task.getCreateTime())
                    .isAfter(task.getCreateTime()));
    return open.stream().map(Task::getTaskDefinitionKey).toList();
  }

  private List<String> openTaskKeys(String id) {
    return taskService
        .createTaskQuery()
        .processInstanceBusinessKey(BusinessKeys.of(id))
        .list()
        .stream()
        .map(Task::getTaskDefinitionKey)
        .toList();
  }

  private JsonNode read(String user, String visitId) {
    return engine.read(user(user).getForObject("/api/v1/visits/" + visitId, String.class));
  }
}
