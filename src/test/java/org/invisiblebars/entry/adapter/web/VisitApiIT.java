package org.invisiblebars.entry.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.invisiblebars.organisation.domain.MandateType;
import org.invisiblebars.support.AccreditedOrganisations.Accredited;
import org.invisiblebars.support.ApiTest;
import org.invisiblebars.support.BusinessKeys;
import org.invisiblebars.support.EngineTasks;
import org.invisiblebars.support.TasklistBrowser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A visit through HTTP as the people involved: the NGO user requests and acknowledges through the
 * NGO API, security, the director and the liaison officer complete their tasks through the engine
 * REST API as Tasklist does, and the gate's timers are run as the job executor would. Each test has
 * its own freshly accredited organisation; the NGO user never sees the risk assessment.
 */
class VisitApiIT extends ApiTest {

  private static final String RUN = Long.toString(System.nanoTime(), 36);

  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;

  @Test
  void ngoVisitFromRequestToCheckOutAsThePeopleInvolved() throws Exception {
    Accredited ngo = accredited(MandateType.NGO);
    Map<String, Object> request =
        request(
            ngo,
            "North Women's Prison",
            List.of(ngo.alice(), ngo.bob()),
            List.of("Library"),
            List.of());

    ResponseEntity<String> created = post(ngo.user(), "/api/v1/visits", request, "visit-1-" + RUN);
    assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
    JsonNode visit = engine.read(created.getBody());
    String id = visit.get("id").asText();
    assertThat(created.getHeaders().getLocation()).hasToString("/api/v1/visits/" + id);
    assertThat(visit.get("status").asText()).isEqualTo("UNDER_REVIEW");
    assertThat(visit.has("riskAssessment")).isFalse();
    ResponseEntity<String> replayed = post(ngo.user(), "/api/v1/visits", request, "visit-1-" + RUN);
    assertThat(engine.read(replayed.getBody()).get("id").asText()).isEqualTo(id);
    assertThat(replayed.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");

    assertThat(read("sam", id).at("/riskAssessment/proposedRisk").asText()).isEqualTo("LOW");
    assertThat(
            user(ngo.user())
                .getForEntity("/api/v1/visits/" + id + "/search-notice", String.class)
                .getStatusCode())
        .as("no notice before scheduling")
        .isEqualTo(HttpStatus.CONFLICT);
    assertThat(engine.tasks("lena", id, "Task_AssessVisitRisk"))
        .as("security's task, not lena's")
        .isEmpty();
    engine.complete("sam", id, "Task_AssessVisitRisk", Map.of("riskDecision", "CONFIRM"));

    assertThat(read(ngo.user(), id).get("status").asText()).isEqualTo("SCHEDULING");
    engine.complete(
        "lena",
        id,
        "Task_ScheduleVisit",
        Map.of("escort", "Officer Grey", "meetingPoint", "Main gate, 09:45"));

    JsonNode scheduled = read(ngo.user(), id);
    assertThat(scheduled.get("status").asText()).isEqualTo("SCHEDULED");
    assertThat(scheduled.get("authorisedSearchLevel").asText()).isEqualTo("SCREENING");
    assertThat(scheduled.get("awaiting").asText())
        .contains("acknowledgement of the search notice by", "Alice", "Bob");
    JsonNode notice =
        engine.read(
            user(ngo.user()).getForObject("/api/v1/visits/" + id + "/search-notice", String.class));
    assertThat(notice.get("searchLevel").asText()).isEqualTo("SCREENING");
    assertThat(notice.get("rights").toString()).contains("You may refuse to be searched");
    byte[] pdf =
        user(ngo.user()).getForObject("/api/v1/visits/" + id + "/search-notice.pdf", byte[].class);
    try (var document = Loader.loadPDF(pdf)) {
      assertThat(new PDFTextStripper().getText(document))
          .contains("Search notice", "Why you are searched", "You may refuse", "Officer Grey");
    }
    assertThat(acknowledge(ngo.user(), id, ngo.alice()).getStatusCode()).isEqualTo(HttpStatus.OK);

    openGate(id);
    JsonNode briefings = engine.tasks("sam", id, "Task_HoldSecurityBriefing");
    assertThat(briefings).as("both enter for the first time").hasSize(2);
    for (JsonNode briefing : briefings) {
      assertThat(engine.completeTask("sam", briefing.get("id").asText(), Map.of()).getStatusCode())
          .as("the briefing must be confirmed")
          .isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(
              engine
                  .completeTask("sam", briefing.get("id").asText(), Map.of("briefingHeld", true))
                  .getStatusCode())
          .isEqualTo(HttpStatus.NO_CONTENT);
    }
    String aliceTask = checkInTask(id, ngo.alice());
    ResponseEntity<String> tooFar =
        engine.completeTask(
            "sam", aliceTask, Map.of("entryOutcome", "ENTERED", "appliedSearchLevel", "PAT_DOWN"));
    assertThat(tooFar.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(tooFar.getBody())
        .contains("appliedSearchLevel", "exceeds the authorised level SCREENING");
    assertThat(
            engine
                .completeTask(
                    "sam",
                    aliceTask,
                    Map.of(
                        "entryOutcome",
                        "ENTERED",
                        "appliedSearchLevel",
                        "SCREENING",
                        "itemsFound",
                        "A pen knife, kept at the gate"))
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    String bobTask = checkInTask(id, ngo.bob());
    ResponseEntity<String> unacknowledged =
        engine.completeTask(
            "sam", bobTask, Map.of("entryOutcome", "ENTERED", "appliedSearchLevel", "SCREENING"));
    assertThat(unacknowledged.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(unacknowledged.getBody()).contains("not been acknowledged");
    assertThat(
            engine
                .completeTask("sam", bobTask, Map.of("entryOutcome", "NOT_ADMITTED"))
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);

    assertThat(read(ngo.user(), id).get("status").asText()).isEqualTo("IN_PROGRESS");
    // not checked out an hour after the window: security is alerted, with the sla-policy's one hour
    // to act
    String instance =
        runtimeService
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(BusinessKeys.of(id))
            .singleResult()
            .getId();
    managementService.executeJob(
        managementService
            .createJobQuery()
            .processInstanceId(instance)
            .activityId("Timer_CheckOutOverdue")
            .singleResult()
            .getId());
    var alert =
        taskService
            .createTaskQuery()
            .processInstanceId(instance)
            .taskDefinitionKey("Task_AccountForVisitors")
            .singleResult();
    assertThat(alert.getDueDate())
        .isCloseTo(Date.from(alert.getCreateTime().toInstant().plus(1, ChronoUnit.HOURS)), 1000);
    var checkOut =
        taskService
            .createTaskQuery()
            .processInstanceId(instance)
            .taskDefinitionKey("Task_CheckOutVisitors")
            .singleResult();
    assertThat(checkOut.getDueDate())
        .as("the model's due date: an hour after the window")
        .isEqualTo(
            Date.from(
                Instant.parse(request.get("windowEnd").toString()).plus(1, ChronoUnit.HOURS)));
    engine.complete(
        "sam",
        id,
        "Task_AccountForVisitors",
        Map.of("account", "Found in the library with the escort"));
    engine.complete(
        "sam",
        id,
        "Task_CheckOutVisitors",
        Map.of(
            "incidentOccurred",
            true,
            "incidentDescription",
            "Photographed a cell without permission"));
    JsonNode done = read("sam", id);
    assertThat(done.get("status").asText()).isEqualTo("COMPLETED");
    assertThat(done.get("incident").asText()).contains("Photographed");
    assertThat(
            historyService
                .createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(BusinessKeys.of(id))
                .finished()
                .count())
        .isOne();

    // The next visit: both were briefed and are never asked again; Bob never entered (a first
    // visit); the incident does not count yet: the organisation may still contest it (only an
    // upheld incident raises the risk, IncidentApiIT).
    String next =
        engine
            .read(
                post(
                        ngo.user(),
                        "/api/v1/visits",
                        request(
                            ngo,
                            "North Women's Prison",
                            List.of(ngo.alice(), ngo.bob()),
                            List.of(),
                            List.of()),
                        null)
                    .getBody())
            .get("id")
            .asText();
    JsonNode assessment = read("sam", next).get("riskAssessment");
    assertThat(assessment.get("incidentsLast12Months").asInt()).isZero();
    assertThat(assessment.get("firstVisit").asBoolean()).isTrue();
    assertThat(assessment.get("proposedRisk").asText()).isEqualTo("LOW");
    engine.complete("sam", next, "Task_AssessVisitRisk", Map.of("riskDecision", "CONFIRM"));
    engine.complete(
        "lena",
        next,
        "Task_ScheduleVisit",
        Map.of("escort", "Officer Grey", "meetingPoint", "Main gate"));
    openGate(next);
    assertThat(engine.tasks("sam", next, "Task_HoldSecurityBriefing"))
        .as("both were briefed at the first visit")
        .isEmpty();
    assertThat(engine.tasks("sam", next, "Task_CheckInVisitor")).hasSize(2);
  }

  @Test
  void onePersonBringingALaptopAndDocumentsIsShownOnceAndTheVisitCanBeAssessedAndCancelled() {
    Accredited ngo = accredited(MandateType.NGO);
    ResponseEntity<String> created =
        post(
            ngo.user(),
            "/api/v1/visits",
            request(
                ngo,
                "North Women's Prison",
                List.of(ngo.alice()),
                List.of(),
                List.of("LAPTOP", "DOCUMENTS")),
            null);
    assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
    String id = engine.read(created.getBody()).get("id").asText();

    JsonNode visit = read("sam", id);
    assertThat(visit.get("representatives")).as("one person, shown once").hasSize(1);
    assertThat(visit.get("equipment")).hasSize(2);
    engine.complete("sam", id, "Task_AssessVisitRisk", Map.of("riskDecision", "CONFIRM"));
    assertThat(read("sam", id).get("status").asText()).isEqualTo("SCHEDULING");

    ResponseEntity<String> cancelled =
        post(ngo.user(), "/api/v1/visits/" + id + "/cancellation", Map.of("reasons", "Ill"), null);
    assertThat(cancelled.getStatusCode()).as(cancelled.getBody()).isEqualTo(HttpStatus.OK);
    JsonNode after = engine.read(cancelled.getBody());
    assertThat(after.get("status").asText()).isEqualTo("CANCELLED");
    assertThat(after.get("representatives")).hasSize(1);
    assertThat(after.get("equipment")).hasSize(2);
  }

  @Test
  void threePeopleThreeAreasAndThreeItemsGoThroughToTheGateEachCountedOnce() {
    Accredited ngo = fixture.accredited(MandateType.NGO, 3);
    List<String> areas = List.of("Library", "Chapel", "Workshop");
    List<String> items = List.of("LAPTOP", "DOCUMENTS", "AUDIO_RECORDER");
    String id =
        engine
            .read(
                post(
                        ngo.user(),
                        "/api/v1/visits",
                        request(ngo, "North Women's Prison", ngo.people(), areas, items),
                        null)
                    .getBody())
            .get("id")
            .asText();

    assertWhole(read(ngo.user(), id), areas, items);
    engine.complete("sam", id, "Task_AssessVisitRisk", Map.of("riskDecision", "CONFIRM"));
    if (!engine.tasks("martha", id, "Task_AuthoriseVisit").isEmpty()) {
      // another test may have raised the facility's alert level: then the director decides
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
    for (UUID person : ngo.people()) {
      assertThat(acknowledge(ngo.user(), id, person).getStatusCode()).isEqualTo(HttpStatus.OK);
    }
    assertWhole(read(ngo.user(), id), areas, items);

    openGate(id);
    JsonNode briefings = engine.tasks("sam", id, "Task_HoldSecurityBriefing");
    assertThat(briefings).as("one briefing per person").hasSize(3);
    for (JsonNode briefing : briefings) {
      assertThat(
              engine
                  .completeTask("sam", briefing.get("id").asText(), Map.of("briefingHeld", true))
                  .getStatusCode())
          .isEqualTo(HttpStatus.NO_CONTENT);
    }
    for (UUID person : ngo.people()) {
      assertThat(
              engine
                  .completeTask(
                      "sam",
                      checkInTask(id, person),
                      Map.of("entryOutcome", "ENTERED", "appliedSearchLevel", "SCREENING"))
                  .getStatusCode())
          .isEqualTo(HttpStatus.NO_CONTENT);
    }
    JsonNode inside = read("sam", id);
    assertThat(inside.get("status").asText()).isEqualTo("IN_PROGRESS");
    assertWhole(inside, areas, items);
    assertThat(inside.get("representatives"))
        .allSatisfy(person -> assertThat(person.get("entryOutcome").asText()).isEqualTo("ENTERED"));
  }

  /** Each person, area and item of the request exactly once. */
  private static void assertWhole(JsonNode visit, List<String> areas, List<String> items) {
    assertThat(visit.get("representatives")).hasSize(3);
    assertThat(visit.get("representatives").findValuesAsText("id")).doesNotHaveDuplicates();
    assertThat(visit.get("areas").toString()).contains(areas);
    assertThat(visit.get("areas")).hasSize(areas.size());
    assertThat(visit.get("equipment")).hasSize(items.size());
  }

  @Test
  void organisationCancelsAVisitBeforeTheGate() {
    Accredited ngo = accredited(MandateType.NGO);
    String id = requested(ngo, "North Women's Prison");

    ResponseEntity<String> noReasons =
        post(ngo.user(), "/api/v1/visits/" + id + "/cancellation", Map.of(), null);
    assertThat(noReasons.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(noReasons.getBody()).contains("reasons");
    assertThat(
            post("sam", "/api/v1/visits/" + id + "/cancellation", Map.of("reasons", "x"), null)
                .getStatusCode())
        .as("security does not cancel visits")
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(
            post("john", "/api/v1/visits/" + id + "/cancellation", Map.of("reasons", "x"), null)
                .getStatusCode())
        .as("another organisation's visit")
        .isEqualTo(HttpStatus.NOT_FOUND);

    ResponseEntity<String> cancelled =
        post(
            ngo.user(),
            "/api/v1/visits/" + id + "/cancellation",
            Map.of("reasons", "Our team is ill"),
            null);
    assertThat(cancelled.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(engine.read(cancelled.getBody()).get("status").asText()).isEqualTo("CANCELLED");
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(BusinessKeys.of(id))
                .count())
        .isZero();
    assertThat(
            post(
                    ngo.user(),
                    "/api/v1/visits/" + id + "/cancellation",
                    Map.of("reasons", "again"),
                    null)
                .getStatusCode())
        .isEqualTo(HttpStatus.CONFLICT);
  }

  @Test
  void highRiskVisitNeedsTheDirectorWhoAuthorisesWithConditions() {
    Accredited ngo = accredited(MandateType.NGO);
    String id = requested(ngo, "Central Prison");

    ResponseEntity<String> noReasons =
        engine.tryComplete(
            "sam", id, "Task_AssessVisitRisk", Map.of("riskDecision", "OVERRIDE", "risk", "HIGH"));
    assertThat(noReasons.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(noReasons.getBody()).contains("overrideReasons");
    engine.complete(
        "sam",
        id,
        "Task_AssessVisitRisk",
        Map.of(
            "riskDecision",
            "OVERRIDE",
            "risk",
            "HIGH",
            "overrideReasons",
            "Intelligence on smuggling attempts this week"));

    JsonNode assessed = read("martha", id).get("riskAssessment");
    assertThat(assessed.get("risk").asText()).isEqualTo("HIGH");
    assertThat(assessed.get("searchLevel").asText()).isEqualTo("ENHANCED");
    assertThat(assessed.get("directorAuthorisationRequired").asBoolean()).isTrue();
    assertThat(engine.tasks("sam", id, "Task_AuthoriseVisit")).isEmpty();
    engine.complete(
        "martha",
        id,
        "Task_AuthoriseVisit",
        Map.of(
            "authorisation",
            "AUTHORISE",
            "authorisedSearchLevel",
            "ENHANCED",
            "conditions",
            "No visit to the kitchen on the day"));

    JsonNode authorised = read(ngo.user(), id);
    assertThat(authorised.get("status").asText()).isEqualTo("SCHEDULING");
    assertThat(authorised.get("authorisedSearchLevel").asText()).isEqualTo("ENHANCED");
    assertThat(authorised.get("conditions").asText())
        .isEqualTo("No visit to the kitchen on the day");
  }

  @Test
  void directorDeniesAnNgoVisitWithReasonsTheOrganisationReads() {
    Accredited ngo = accredited(MandateType.NGO);
    String id = requested(ngo, "Central Prison");
    engine.complete(
        "sam",
        id,
        "Task_AssessVisitRisk",
        Map.of("riskDecision", "OVERRIDE", "risk", "HIGH", "overrideReasons", "Riot last night"));

    ResponseEntity<String> noReasons =
        engine.tryComplete("martha", id, "Task_AuthoriseVisit", Map.of("authorisation", "DENY"));
    assertThat(noReasons.getBody()).contains("denialReasons");
    engine.complete(
        "martha",
        id,
        "Task_AuthoriseVisit",
        Map.of("authorisation", "DENY", "denialReasons", "The facility is in lockdown"));

    JsonNode denied = read(ngo.user(), id);
    assertThat(denied.get("status").asText()).isEqualTo("DENIED");
    assertThat(denied.get("denialReasons").asText()).isEqualTo("The facility is in lockdown");
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(BusinessKeys.of(id))
                .count())
        .isZero();
  }

  @Test
  void visitOutsideTheMouIsRejectedWithEveryViolatedRule() {
    Accredited ngo = accredited(MandateType.NGO);
    Map<String, Object> request =
        request(ngo, "Central Prison", List.of(ngo.alice()), List.of("Kitchen"), List.of());
    request.put("activity", "Photography");
    LocalDate soon = LocalDate.now(ZoneOffset.UTC).plusDays(1);
    request.put("windowStart", soon.atTime(10, 0).toInstant(ZoneOffset.UTC).toString());
    request.put("windowEnd", soon.atTime(12, 0).toInstant(ZoneOffset.UTC).toString());

    JsonNode rejected = engine.read(post(ngo.user(), "/api/v1/visits", request, null).getBody());

    assertThat(rejected.get("status").asText()).isEqualTo("REJECTED");
    assertThat(rejected.get("rejectionReasons").toString())
        .contains("Photography", "Kitchen", "notice is required");
  }

  @Test
  void badInputNamesEachFieldAndStoresNothing() {
    Accredited ngo = accredited(MandateType.NGO);
    Map<String, Object> request =
        request(ngo, "Central Prison", List.of(UUID.randomUUID()), List.of(), List.of("TELESCOPE"));
    request.remove("facilityId");
    request.put("windowEnd", request.get("windowStart"));

    ResponseEntity<String> refused = post(ngo.user(), "/api/v1/visits", request, null);

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody())
        .contains("facilityId", "representativeIds[0]", "windowEnd", "equipment[0]");
    assertThat(engine.read(user(ngo.user()).getForObject("/api/v1/visits", String.class)))
        .isEmpty();
  }

  @Test
  void revokingTheAccreditationCancelsPendingVisits() {
    Accredited ngo = accredited(MandateType.NGO);
    String id = requested(ngo, "North Women's Prison");

    ResponseEntity<String> revoked =
        as("martha")
            .postForEntity(
                "/api/v1/accreditations/" + ngo.accreditationId() + "/revocation",
                EngineTasks.jsonBody(Map.of("reasons", "Breach of confidentiality")),
                String.class);
    assertThat(revoked.getStatusCode()).as(revoked.getBody()).isEqualTo(HttpStatus.OK);

    JsonNode cancelled = read(ngo.user(), id);
    assertThat(cancelled.get("status").asText()).isEqualTo("CANCELLED");
    assertThat(cancelled.get("cancellationReasons").asText())
        .contains("revoked", "Breach of confidentiality");
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(BusinessKeys.of(id))
                .count())
        .isZero();
  }

  @Test
  void formalMonitorCannotBeDeniedAndIsSearchedProportionately() {
    Accredited npm = accredited(MandateType.NPM);
    Map<String, Object> unannounced =
        new HashMap<>(
            Map.of(
                "organisationId",
                npm.organisationId(),
                "facilityId",
                facility("Central Prison"),
                "representativeIds",
                List.of(npm.alice()),
                "windowEnd",
                Instant.now().plus(3, ChronoUnit.HOURS).toString(),
                "activity",
                "OPCAT inspection",
                "areas",
                List.of("Segregation unit"),
                "equipment",
                List.of("CAMERA")));
    assertThat(post("lena", "/api/v1/visits/unannounced", unannounced, null).getStatusCode())
        .as("only security registers a monitor at the gate")
        .isEqualTo(HttpStatus.FORBIDDEN);

    // an announced visit: the director may set conditions and a pat-down, never deny or go further
    String id = requested(npm, "Central Prison");
    engine.complete(
        "sam",
        id,
        "Task_AssessVisitRisk",
        Map.of(
            "riskDecision", "OVERRIDE", "risk", "HIGH", "overrideReasons", "Unrest on the wing"));
    ResponseEntity<String> deny =
        engine.tryComplete(
            "martha",
            id,
            "Task_AuthoriseVisit",
            Map.of("authorisation", "DENY", "denialReasons", "No"));
    assertThat(deny.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(deny.getBody()).contains("cannot be denied");
    ResponseEntity<String> full =
        engine.tryComplete(
            "martha",
            id,
            "Task_AuthoriseVisit",
            Map.of("authorisation", "AUTHORISE", "authorisedSearchLevel", "FULL"));
    assertThat(full.getBody()).contains("no further than PAT_DOWN");
    engine.complete(
        "martha",
        id,
        "Task_AuthoriseVisit",
        Map.of(
            "authorisation",
            "AUTHORISE",
            "authorisedSearchLevel",
            "PAT_DOWN",
            "conditions",
            "Escorted in the segregation unit"));
    engine.complete(
        "lena",
        id,
        "Task_ScheduleVisit",
        Map.of("escort", "Officer Grey", "meetingPoint", "Main gate"));

    openGate(id);
    engine.complete("sam", id, "Task_HoldSecurityBriefing", Map.of("briefingHeld", true));
    engine.complete(
        "sam",
        id,
        "Task_CheckInVisitor",
        Map.of(
            "entryOutcome",
            "ENTERED",
            "appliedSearchLevel",
            "PAT_DOWN",
            "acknowledgedAtGate",
            true));
    assertThat(read("sam", id).get("status").asText()).isEqualTo("IN_PROGRESS");
  }

  @Test
  void ngoUsersNeverReadTheRiskAssessmentThroughAnyRoute() {
    Accredited ngo = accredited(MandateType.NGO);
    String id = requested(ngo, "Central Prison");
    engine.complete(
        "sam",
        id,
        "Task_AssessVisitRisk",
        Map.of(
            "riskDecision",
            "OVERRIDE",
            "risk",
            "MEDIUM",
            "overrideReasons",
            "Confidential intelligence report 77"));
    String rationale = read("sam", id).at("/riskAssessment/proposedRationale").asText();
    assertThat(rationale).isNotBlank();

    for (String path : List.of("/api/v1/visits/" + id, "/api/v1/visits")) {
      String body = user(ngo.user()).getForObject(path, String.class);
      assertThat(body)
          .contains(id)
          .doesNotContain("riskAssessment", "Confidential intelligence", rationale);
    }
    for (String staff : List.of("lena", "maria")) {
      assertThat(read(staff, id).has("riskAssessment"))
          .as(staff + " does not assess risks")
          .isFalse();
    }
    // managers read the engine's history, which keeps only the visit's ids, dates and flags
    String instance =
        historyService
            .createHistoricProcessInstanceQuery()
            .processInstanceBusinessKey(BusinessKeys.of(id))
            .singleResult()
            .getId();
    for (String history :
        List.of(
            "/engine-rest/history/variable-instance?processInstanceId=" + instance,
            "/engine-rest/history/detail?processInstanceId=" + instance,
            "/engine-rest/history/decision-instance")) {
      ResponseEntity<String> answer = as("maria").getForEntity(history, String.class);
      assertThat(answer.getStatusCode()).as(history).isEqualTo(HttpStatus.OK);
      assertThat(answer.getBody())
          .as(history)
          .doesNotContain("Confidential intelligence", rationale, "riskProposal");
    }
    assertThat(
            as("maria")
                .getForObject(
                    "/engine-rest/history/variable-instance?processInstanceId=" + instance,
                    String.class))
        .contains("visitId");
    assertThat(as("john").getForEntity("/api/v1/visits/" + id, String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(as("john").getForObject("/api/v1/visits", String.class)).doesNotContain(id);
    for (String engineRoute :
        List.of(
            "/engine-rest/task",
            "/engine-rest/variable-instance",
            "/engine-rest/history/variable-instance",
            "/engine-rest/history/task",
            "/engine-rest/history/decision-instance?includeInputs=true&includeOutputs=true",
            "/engine-rest/history/detail",
            "/engine-rest/process-instance/" + id)) {
      for (TestRestTemplate ngoUser : List.of(as("john"), user(ngo.user()))) {
        ResponseEntity<String> answer = ngoUser.getForEntity(engineRoute, String.class);
        assertThat(answer.getStatusCode())
            .as(engineRoute)
            .isIn(HttpStatus.FORBIDDEN, HttpStatus.UNAUTHORIZED);
        assertThat(String.valueOf(answer.getBody()))
            .doesNotContain("Confidential intelligence", rationale);
      }
    }
  }

  @Test
  void securityConfirmsTheRiskWithOneClickAndTheCheckInFormRefusesASearchAboveTheAuthorisedLevel()
      throws Exception {
    Accredited ngo = accredited(MandateType.NGO);
    String id = requested(ngo, "North Women's Prison");
    By claim = By.cssSelector("button.claim");
    By complete = By.cssSelector("button.btn-primary[ng-click='complete()']");

    try (TasklistBrowser browser = TasklistBrowser.start()) {
      browser.logIn(baseUrl(), "sam", "demo");
      browser.await(
          "tasklist-sam",
          ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "My tasks"));
      browser
          .driver()
          .get(
              baseUrl()
                  + "/camunda/app/tasklist/default/#/?task="
                  + engine.tasks("sam", id, "Task_AssessVisitRisk").get(0).get("id").asText());
      browser.click("assess-claim", claim);
      browser.await(
          "assess-proposal",
          ExpectedConditions.textToBePresentInElementLocated(
              By.tagName("body"), "Confirm the proposed risk"));
      assertThat(browser.driver().findElements(By.cssSelector("textarea[readonly]")))
          .anySatisfy(
              area ->
                  assertThat(area.getDomProperty("value"))
                      .contains("Proposed risk: LOW", "First visit of a representative: yes"));
      browser.click("assess-confirm", label("Confirm the proposed risk"));
      browser.screenshot("assess-visit-risk");
      browser.click("assess-complete", complete);
      browser.await(
          "assess-recorded",
          driver -> "SCHEDULING".equals(read("sam", id).get("status").asText()) ? true : null);

      engine.complete(
          "lena",
          id,
          "Task_ScheduleVisit",
          Map.of("escort", "Officer Grey", "meetingPoint", "Main gate"));
      acknowledge(ngo.user(), id, ngo.alice());
      openGate(id);
      engine.complete("sam", id, "Task_HoldSecurityBriefing", Map.of("briefingHeld", true));

      browser
          .driver()
          .get(baseUrl() + "/camunda/app/tasklist/default/#/?task=" + checkInTask(id, ngo.alice()));
      browser.click("check-in-claim", claim);
      browser.await(
          "check-in-form",
          ExpectedConditions.elementToBeClickable(label("Entered after the search")));
      browser.click("check-in-entered", label("Entered after the search"));
      browser.click("check-in-pat-down", label("Pat-down"));
      browser.click("check-in-complete", complete);
      browser.await(
          "check-in-refused",
          ExpectedConditions.textToBePresentInElementLocated(
              By.tagName("body"), "exceeds the authorised level SCREENING"));
      browser.screenshot("check-in-refused");
      assertThat(read("sam", id).get("status").asText())
          .as("nothing recorded")
          .isEqualTo("SCHEDULED");

      browser.click("check-in-screening", label("Screening"));
      browser.click("check-in-complete-again", complete);
      browser.await(
          "checked-in",
          driver -> "IN_PROGRESS".equals(read("sam", id).get("status").asText()) ? true : null);
    }
  }

  private static By label(String text) {
    return By.xpath("//label[starts-with(normalize-space(.), '" + text + "')]");
  }

  // ------------------------------------------------------------------ fixture

  private Accredited accredited(MandateType mandate) {
    return fixture.accredited(mandate);
  }

  private String requested(Accredited ngo, String facility) {
    ResponseEntity<String> created =
        post(
            ngo.user(),
            "/api/v1/visits",
            request(ngo, facility, List.of(ngo.alice()), List.of(), List.of()),
            null);
    assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
    return engine.read(created.getBody()).get("id").asText();
  }

  private Map<String, Object> request(
      Accredited ngo,
      String facility,
      List<UUID> people,
      List<String> areas,
      List<String> equipment) {
    return fixture.visitRequest(facility, people, areas, equipment);
  }

  private String facility(String name) {
    return fixture.facility(name);
  }

  private void openGate(String visitId) {
    gate.open(visitId);
  }

  private String checkInTask(String visitId, UUID representative) {
    return gate.checkInTask(visitId, representative);
  }

  private ResponseEntity<String> acknowledge(String user, String visitId, UUID representative) {
    return user(user)
        .postForEntity(
            "/api/v1/visits/" + visitId + "/representatives/" + representative + "/acknowledgement",
            EngineTasks.jsonBody(Map.of()),
            String.class);
  }

  private JsonNode read(String user, String visitId) {
    return engine.read(user(user).getForObject("/api/v1/visits/" + visitId, String.class));
  }
}
