package org.invisiblebars.report.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.invisiblebars.meeting.usecase.CoordinationMeetingProcess;
import org.invisiblebars.organisation.domain.MandateType;
import org.invisiblebars.report.usecase.ReportReviewProcess;
import org.invisiblebars.report.usecase.ReportReviewProcess.Element;
import org.invisiblebars.support.AccreditedOrganisations.Accredited;
import org.invisiblebars.support.ApiTest;
import org.invisiblebars.support.BusinessKeys;
import org.invisiblebars.support.Race;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The report API under concurrent requests, each race run several times: one report per idempotency
 * key, one extension request, one answer (the period moves once, the message is correlated once),
 * one waiver; everyone else is answered with the first result or a 409.
 */
class ReportConcurrencyIT extends ApiTest {

  private static final int ROUNDS = 3;
  private static final int EXTENSION_DAYS = 10;
  private static final String RUN = Long.toString(System.nanoTime(), 36);

  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired ManagementService managementService;

  @Test
  void theSameIdempotencyKeyTwentyTimesAtOnceCreatesOneReport() {
    for (int round = 0; round < ROUNDS; round++) {
      Accredited ngo = fixture.accredited(MandateType.NGO, 1);
      String key = "report-race-" + round + "-" + RUN;

      List<ResponseEntity<String>> answers = Race.times(20, i -> submit(ngo, key));

      assertThat(answers)
          .allSatisfy(
              a -> assertThat(a.getStatusCode()).as(a.getBody()).isEqualTo(HttpStatus.CREATED));
      Set<String> ids = new HashSet<>();
      answers.forEach(answer -> ids.add(engine.read(answer.getBody()).get("id").asText()));
      assertThat(ids).hasSize(1);
      assertThat(
              answers.stream()
                  .filter(a -> "true".equals(a.getHeaders().getFirst("Idempotent-Replayed"))))
          .hasSize(19);
      String id = ids.iterator().next();
      assertThat(
              jdbc.queryForObject(
                  "select count(*) from report where organisation_id = ?::uuid",
                  Long.class,
                  ngo.organisationId().toString()))
          .isOne();
      assertThat(
              jdbc.queryForObject(
                  "select count(*) from report_recommendation where report_id = ?::uuid",
                  Long.class,
                  id))
          .isEqualTo(2);
      assertThat(
              runtimeService
                  .createProcessInstanceQuery()
                  .processInstanceBusinessKey(BusinessKeys.of(id))
                  .count())
          .isOne();
    }
  }

  @Test
  void parallelExtensionRequestsAndAnswersTakeEffectOnceAndThePeriodMovesOnce() {
    for (int round = 0; round < ROUNDS; round++) {
      Accredited ngo = fixture.accredited(MandateType.NGO, 1);
      String id = engine.read(submit(ngo, null).getBody()).get("id").asText();
      Instant ends =
          Instant.parse(
              engine
                  .read(as("martha").getForObject("/api/v1/reports/" + id, String.class))
                  .get("reviewEndsAt")
                  .asText());

      List<ResponseEntity<String>> requests =
          Race.times(
              10,
              i ->
                  post(
                      "martha",
                      "/api/v1/reports/" + id + "/extension-request",
                      Map.of("days", EXTENSION_DAYS, "reasons", "Budget talks, round " + i),
                      null));
      assertOneOkOthersConflict(requests);
      assertThat(decisions(id, "EXTENSION_REQUESTED")).isOne();

      List<ResponseEntity<String>> answers =
          Race.times(
              20,
              i ->
                  post(
                      ngo.user(),
                      "/api/v1/reports/" + id + "/extension-answer",
                      Map.of("agree", true, "reasons", "Agreed, answer " + i),
                      null));
      assertOneOkOthersConflict(answers);
      assertThat(decisions(id, "EXTENSION_%")).as("one request, one answer").isEqualTo(2);
      Instant extended = ends.plus(EXTENSION_DAYS, ChronoUnit.DAYS);
      assertThat(
              Instant.parse(
                  engine
                      .read(as("martha").getForObject("/api/v1/reports/" + id, String.class))
                      .get("reviewEndsAt")
                      .asText()))
          .as("moved once")
          .isEqualTo(extended);
      String instance =
          runtimeService
              .createProcessInstanceQuery()
              .processInstanceBusinessKey(BusinessKeys.of(id))
              .singleResult()
              .getId();
      assertThat(
              historyService
                  .createHistoricActivityInstanceQuery()
                  .processInstanceId(instance)
                  .activityId(Element.EXTENSION_AGREED)
                  .count())
          .as("the message was correlated once")
          .isOne();
      assertThat(
              managementService
                  .createJobQuery()
                  .processInstanceId(instance)
                  .activityId(Element.REVIEW_PERIOD_ENDED)
                  .singleResult()
                  .getDuedate()
                  .toInstant())
          .isEqualTo(extended.truncatedTo(ChronoUnit.MILLIS));
    }
  }

  @Test
  void parallelWaiversReleaseTheReportOnce() {
    for (int round = 0; round < ROUNDS; round++) {
      Accredited ngo = fixture.accredited(MandateType.NGO, 1);
      String id = engine.read(submit(ngo, null).getBody()).get("id").asText();
      completeEach(
          "martha", id, Element.ACKNOWLEDGE_REPORT, Map.of("responsibleUnit", "Facilities"));
      engine.complete(
          "lena",
          id,
          CoordinationMeetingProcess.Element.HOLD_MEETING,
          Map.of(
              "meetingDate",
              LocalDate.now().toString(),
              "authorityParticipants",
              "Director",
              "ngoParticipants",
              "Rita Writer",
              "meetingMinutes",
              "Agreed to paint"));
      completeEach(
          "martha",
          id,
          Element.ANSWER_RECOMMENDATION,
          Map.of("answer", "REJECTED", "reasons", "No budget"));
      engine.complete("martha", id, Element.PREPARE_PLAN_OF_ACTION, Map.of());

      List<ResponseEntity<String>> answers =
          Race.times(
              6,
              i ->
                  post(
                      "martha",
                      "/api/v1/reports/" + id + "/waiver",
                      Map.of("reasons", "Nothing to hide, " + i),
                      null));

      assertOneOkOthersConflict(answers);
      assertThat(decisions(id, "CONFIDENTIALITY_WAIVED")).isOne();
      JsonNode status =
          engine.read(as("martha").getForObject("/api/v1/reports/" + id + "/status", String.class));
      assertThat(status.get("status").asText()).isEqualTo("RELEASED");
      assertThat(status.get("releaseReason").asText()).isEqualTo("WAIVED");
      assertThat(rest.getForEntity("/api/v1/public/reports/" + id, String.class).getStatusCode())
          .as("a waiver publishes nothing")
          .isEqualTo(HttpStatus.NOT_FOUND);
      String instance =
          historyService
              .createHistoricProcessInstanceQuery()
              .processDefinitionKey(ReportReviewProcess.KEY)
              .processInstanceBusinessKey(BusinessKeys.of(id))
              .singleResult()
              .getId();
      assertThat(
              historyService
                  .createHistoricActivityInstanceQuery()
                  .processInstanceId(instance)
                  .activityId(Element.CONFIDENTIALITY_WAIVED)
                  .count())
          .as("the message was correlated once")
          .isOne();
    }
  }

  /** Completes the task of each recommendation with the same fields. */
  private void completeEach(String user, String id, String taskKey, Map<String, Object> fields) {
    JsonNode open = engine.tasks(user, id, taskKey);
    assertThat(open).as("one %s per recommendation", taskKey).hasSize(2);
    open.forEach(
        task ->
            assertThat(engine.completeTask(user, task.get("id").asText(), fields).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT));
  }

  private ResponseEntity<String> submit(Accredited ngo, String key) {
    return post(ngo.user(), "/api/v1/reports", fixture.reportRequest("Central Prison"), key);
  }
}
