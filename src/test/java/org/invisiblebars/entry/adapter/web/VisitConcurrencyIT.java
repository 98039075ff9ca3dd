package org.invisiblebars.entry.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.invisiblebars.organisation.domain.MandateType;
import org.invisiblebars.support.AccreditedOrganisations.Accredited;
import org.invisiblebars.support.ApiTest;
import org.invisiblebars.support.BusinessKeys;
import org.invisiblebars.support.Race;
import org.invisiblebars.support.StaffUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The visit API under concurrent requests, each race run several times with threads released at
 * once: every request answers as if it had come alone (a creation, the first answer replayed, or a
 * 409 with problem details), never 500, and the database holds each effect exactly once.
 */
class VisitConcurrencyIT extends ApiTest {

  private static final int ROUNDS = 3;

  /** A second security officer, so that two people check in at the same time. */
  private static final String SECOND_OFFICER = "sara";

  private static final String RUN = Long.toString(System.nanoTime(), 36);
  private static final List<String> AREAS = List.of("Library", "Chapel");
  private static final List<String> EQUIPMENT = List.of("LAPTOP", "DOCUMENTS");

  @Autowired RuntimeService runtimeService;
  @Autowired IdentityService identityService;

  @Test
  void parallelRequestsOfOneOrganisationEachCreateOneWholeVisit() {
    for (int round = 0; round < ROUNDS; round++) {
      Accredited ngo = fixture.accredited(MandateType.NGO, 3);

      List<ResponseEntity<String>> answers =
          Race.times(
              8,
              i ->
                  post(
                      ngo.user(),
                      "/api/v1/visits",
                      fixture.visitRequest(
                          "North Women's Prison",
                          ngo.people().subList(0, 1 + i % 3),
                          AREAS,
                          EQUIPMENT),
                      null));

      Set<String> ids = new HashSet<>();
      for (int i = 0; i < answers.size(); i++) {
        ResponseEntity<String> answer = answers.get(i);
        assertThat(answer.getStatusCode())
            .as("request %d of round %d: %s", i, round, answer.getBody())
            .isEqualTo(HttpStatus.CREATED);
        JsonNode visit = engine.read(answer.getBody());
        ids.add(visit.get("id").asText());
        assertThat(visit.get("status").asText()).isEqualTo("UNDER_REVIEW");
        assertThat(visit.get("representatives")).as("each person once").hasSize(1 + i % 3);
        assertThat(rows("visit_representative", visit.get("id").asText())).isEqualTo(1 + i % 3);
        assertThat(rows("visit_area", visit.get("id").asText())).isEqualTo(AREAS.size());
        assertThat(rows("visit_equipment", visit.get("id").asText())).isEqualTo(EQUIPMENT.size());
      }
      assertThat(ids).hasSize(8);
      assertThat(
              jdbc.queryForObject(
                  "select count(*) from visit where organisation_id = ?::uuid",
                  Long.class,
                  ngo.organisationId().toString()))
          .isEqualTo(8);
      assertThat(ids)
          .allSatisfy(id -> assertThat(instances(id)).as("one process per visit").isOne());
      assertThat(
              jdbc.queryForObject(
                  "select count(*) from accreditation_representative where accreditation_id = ?::uuid",
                  Long.class,
                  ngo.accreditationId().toString()))
          .as("the accreditation's people are untouched")
          .isEqualTo(3);
    }
  }

  @Test
  void theSameIdempotencyKeyTwentyTimesAtOnceCreatesOneVisitAndReplaysItToTheOthers() {
    for (int round = 0; round < ROUNDS; round++) {
      Accredited ngo = fixture.accredited(MandateType.NGO, 2);
      String key = "visit-race-" + round + "-" + RUN;
      Map<String, Object> request =
          fixture.visitRequest("North Women's Prison", ngo.people(), AREAS, EQUIPMENT);

      List<ResponseEntity<String>> answers =
          Race.times(20, i -> post(ngo.user(), "/api/v1/visits", request, key));

      assertThat(answers)
          .allSatisfy(
              answer ->
                  assertThat(answer.getStatusCode())
                      .as(answer.getBody())
                      .isEqualTo(HttpStatus.CREATED));
      Set<String> ids = new HashSet<>();
      answers.forEach(answer -> ids.add(engine.read(answer.getBody()).get("id").asText()));
      assertThat(ids).as("every answer names the same visit").hasSize(1);
      assertThat(
              answers.stream()
                  .filter(a -> "false".equals(a.getHeaders().getFirst("Idempotent-Replayed"))))
          .hasSize(1);
      assertThat(
              answers.stream()
                  .filter(a -> "true".equals(a.getHeaders().getFirst("Idempotent-Replayed"))))
          .hasSize(19);
      String id = ids.iterator().next();
      assertThat(answers)
          .allSatisfy(
              answer ->
                  assertThat(answer.getHeaders().getLocation())
                      .hasToString("/api/v1/visits/" + id));
      assertThat(
              jdbc.queryForObject(
                  "select count(*) from visit where organisation_id = ?::uuid",
                  Long.class,
                  ngo.organisationId().toString()))
          .isOne();
      assertThat(instances(id)).isOne();
      assertThat(rows("visit_representative", id)).isEqualTo(2);
    }
  }

  @Test
  void parallelCancellationsCancelTheVisitOnceAndTheOthersAreTold() {
    for (int round = 0; round < ROUNDS; round++) {
      Accredited ngo = fixture.accredited(MandateType.NGO, 2);
      String id = requested(ngo);
      List<String> who = List.of(ngo.user(), ngo.user(), ngo.user(), "lena", "lena", "martha");

      List<ResponseEntity<String>> answers =
          Race.times(
              who.size(),
              i ->
                  post(
                      who.get(i),
                      "/api/v1/visits/" + id + "/cancellation",
                      Map.of("reasons", "Team unavailable " + i),
                      null));

      assertThat(answers.stream().map(ResponseEntity::getStatusCode))
          .as(answers.stream().map(ResponseEntity::getBody).toList().toString())
          .containsOnly(HttpStatus.OK, HttpStatus.CONFLICT)
          .containsOnlyOnce(HttpStatus.OK);
      assertThat(answers)
          .filteredOn(a -> a.getStatusCode() == HttpStatus.CONFLICT)
          .allSatisfy(this::assertProblem);
      assertThat(decisions(id, "CANCELLED")).as("cancelled once").isOne();
      assertThat(instances(id)).isZero();
      assertThat(
              engine
                  .read(user(ngo.user()).getForObject("/api/v1/visits/" + id, String.class))
                  .get("status")
                  .asText())
          .isEqualTo("CANCELLED");
    }
  }

  @Test
  void parallelAcknowledgementsOfOneRepresentativeAreRecordedOnce() {
    for (int round = 0; round < ROUNDS; round++) {
      Accredited ngo = fixture.accredited(MandateType.NGO, 2);
      String id = requested(ngo);
      engine.complete("sam", id, "Task_AssessVisitRisk", Map.of("riskDecision", "CONFIRM"));
      engine.complete(
          "lena",
          id,
          "Task_ScheduleVisit",
          Map.of("escort", "Officer Grey", "meetingPoint", "Main gate"));

      List<ResponseEntity<String>> answers =
          Race.times(
              10,
              i ->
                  post(
                      ngo.user(),
                      "/api/v1/visits/"
                          + id
                          + "/representatives/"
                          + ngo.people().get(i % 2)
                          + "/acknowledgement",
                      Map.of(),
                      null));

      assertThat(answers)
          .allSatisfy(
              answer ->
                  assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK));
      assertThat(decisions(id, "ACKNOWLEDGED")).as("once per person").isEqualTo(2);
      assertThat(
              engine
                  .read(user(ngo.user()).getForObject("/api/v1/visits/" + id, String.class))
                  .get("representatives"))
          .allSatisfy(person -> assertThat(person.hasNonNull("noticeAcknowledgedAt")).isTrue());
    }
  }

  @Test
  void aCancellationRacingTheRiskAssessmentLeavesOneConsistentOutcome() {
    for (int round = 0; round < ROUNDS; round++) {
      Accredited ngo = fixture.accredited(MandateType.NGO, 2);
      String id = requested(ngo);
      String task = engine.tasks("sam", id, "Task_AssessVisitRisk").get(0).get("id").asText();

      List<ResponseEntity<String>> answers =
          Race.run(
              List.of(
                  () -> engine.completeTask("sam", task, Map.of("riskDecision", "CONFIRM")),
                  () ->
                      post(
                          ngo.user(),
                          "/api/v1/visits/" + id + "/cancellation",
                          Map.of("reasons", "Changed our plans"),
                          null)));

      ResponseEntity<String> assessed = answers.get(0);
      ResponseEntity<String> cancelled = answers.get(1);
      assertThat(cancelled.getStatusCode()).as(cancelled.getBody()).isEqualTo(HttpStatus.OK);
      assertThat(assessed.getStatusCode())
          .as(assessed.getBody())
          .isIn(HttpStatus.NO_CONTENT, HttpStatus.CONFLICT);
      assertThat(decisions(id, "CANCELLED")).isOne();
      assertThat(decisions(id, "CONFIRMED_%"))
          .as("the assessment counts only if it was accepted")
          .isEqualTo(assessed.getStatusCode() == HttpStatus.NO_CONTENT ? 1 : 0);
      assertThat(instances(id)).isZero();
    }
  }

  /**
   * The gate's check-ins are parallel tasks of one visit that are not continued asynchronously (as
   * the accreditation's review is): two officers at the same instant may collide on the gate's
   * count of check-ins. The engine lets one through; the other is told with 409 and nothing of it
   * is saved, so they submit again. Either way each person is recorded once and the gate closes
   * once.
   */
  @Test
  void twoOfficersCheckingInTwoVisitorsAtTheSameMomentRecordEachOnce() {
    String secondOfficer = StaffUsers.ensure(identityService, SECOND_OFFICER, "security");
    for (int round = 0; round < ROUNDS; round++) {
      Accredited ngo = fixture.accredited(MandateType.NGO, 2);
      String id = requested(ngo);
      engine.complete("sam", id, "Task_AssessVisitRisk", Map.of("riskDecision", "CONFIRM"));
      if (!engine.tasks("martha", id, "Task_AuthoriseVisit").isEmpty()) {
        engine.complete(
            "martha",
            id,
            "Task_AuthoriseVisit",
            Map.of("authorisation", "AUTHORISE", "authorisedSearchLevel", "SCREENING"));
      }
      engine.complete(
          "lena",
          id,
          "Task_ScheduleVisit",
          Map.of("escort", "Officer Grey", "meetingPoint", "Main gate"));
      ngo.people()
          .forEach(
              person ->
                  post(
                      ngo.user(),
                      "/api/v1/visits/" + id + "/representatives/" + person + "/acknowledgement",
                      Map.of(),
                      null));
      gate.open(id);
      for (JsonNode briefing : engine.tasks("sam", id, "Task_HoldSecurityBriefing")) {
        engine.completeTask("sam", briefing.get("id").asText(), Map.of("briefingHeld", true));
      }
      List<String> officers = List.of("sam", secondOfficer);
      List<String> checkIns =
          ngo.people().stream().map(person -> gate.checkInTask(id, person)).toList();
      Map<String, Object> entered =
          Map.of("entryOutcome", "ENTERED", "appliedSearchLevel", "SCREENING");

      List<ResponseEntity<String>> answers =
          Race.times(2, i -> engine.completeTask(officers.get(i), checkIns.get(i), entered));

      assertThat(answers.stream().map(ResponseEntity::getStatusCode))
          .as(answers.toString())
          .isSubsetOf(HttpStatus.NO_CONTENT, HttpStatus.CONFLICT)
          .contains(HttpStatus.NO_CONTENT);
      for (int i = 0; i < answers.size(); i++) {
        if (answers.get(i).getStatusCode() == HttpStatus.CONFLICT) {
          assertThat(engine.read(answers.get(i).getBody()).get("message").asText())
              .contains("same moment");
          assertThat(engine.completeTask(officers.get(i), checkIns.get(i), entered).getStatusCode())
              .as("submitted again")
              .isEqualTo(HttpStatus.NO_CONTENT);
        }
      }
      assertThat(
              jdbc.queryForObject(
                  "select count(*) from decision_log where subject_id = ?::uuid and task = 'Task_CheckInVisitor'",
                  Long.class,
                  id))
          .as("each person recorded once")
          .isEqualTo(2);
      JsonNode inside = engine.read(as("sam").getForObject("/api/v1/visits/" + id, String.class));
      assertThat(inside.get("status").asText()).isEqualTo("IN_PROGRESS");
      assertThat(inside.get("representatives").findValuesAsText("entryOutcome"))
          .containsExactly("ENTERED", "ENTERED");
      assertThat(engine.tasks("sam", id, "Task_CheckOutVisitors"))
          .as("the gate closed once")
          .hasSize(1);
    }
  }

  private String requested(Accredited ngo) {
    ResponseEntity<String> created =
        post(
            ngo.user(),
            "/api/v1/visits",
            fixture.visitRequest("North Women's Prison", ngo.people(), AREAS, EQUIPMENT),
            null);
    assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
    return engine.read(created.getBody()).get("id").asText();
  }

  private long rows(String table, String visitId) {
    return jdbc.queryForObject(
        "select count(*) from " + table + " where visit_id = ?::uuid", Long.class, visitId);
  }

  private long instances(String visitId) {
    return runtimeService
        .createProcessInstanceQuery()
        .processInstanceBusinessKey(BusinessKeys.of(visitId))
        .count();
  }
}
