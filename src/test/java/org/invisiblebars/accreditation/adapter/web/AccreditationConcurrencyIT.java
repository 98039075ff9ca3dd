package org.invisiblebars.accreditation.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.invisiblebars.support.AccreditationForms.everyCriterionRated;
import static org.invisiblebars.support.AccreditationForms.mouClauses;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.invisiblebars.organisation.domain.MandateType;
import org.invisiblebars.support.AccreditationForms;
import org.invisiblebars.support.AccreditedOrganisations.Accredited;
import org.invisiblebars.support.ApiTest;
import org.invisiblebars.support.BusinessKeys;
import org.invisiblebars.support.Race;
import org.invisiblebars.support.StaffUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The accreditation under concurrent requests, each race run several times: one application per
 * idempotency key, one answer, countersignature and revocation however many arrive at once, and the
 * parallel review (vetting and staff consultation, completed by several people at the same instant)
 * joining into exactly one *Decide accreditation*.
 */
class AccreditationConcurrencyIT extends ApiTest {

  private static final int ROUNDS = 3;
  private static final String RUN = Long.toString(System.nanoTime(), 36);

  /** A second security officer, so that two people vet at the same time. */
  private static final String SECOND_OFFICER = "sara";

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;

  @BeforeEach
  void secondOfficer() {
    StaffUsers.ensure(identityService, SECOND_OFFICER, "security");
  }

  @Test
  void theSameIdempotencyKeyTwentyTimesAtOnceCreatesOneApplication() {
    for (int round = 0; round < ROUNDS; round++) {
      Accredited ngo = fixture.accredited(MandateType.NGO, 1);
      String key = "apply-race-" + round + "-" + RUN;
      Map<String, Object> application = application("Monitoring " + round);

      List<ResponseEntity<String>> answers =
          Race.times(20, i -> submit(ngo.user(), application, key));

      assertThat(answers)
          .allSatisfy(
              a -> assertThat(a.getStatusCode()).as(a.getBody()).isEqualTo(HttpStatus.CREATED));
      Set<String> ids = new HashSet<>();
      answers.forEach(answer -> ids.add(engine.read(answer.getBody()).get("id").asText()));
      assertThat(ids).as("every answer names the same application").hasSize(1);
      assertThat(
              answers.stream()
                  .filter(a -> "true".equals(a.getHeaders().getFirst("Idempotent-Replayed"))))
          .hasSize(19);
      String id = ids.iterator().next();
      assertThat(
              jdbc.queryForObject(
                  "select count(*) from accreditation where organisation_id = ?::uuid and idempotency_key = ?",
                  Long.class,
                  ngo.organisationId().toString(),
                  key))
          .isOne();
      assertThat(
              runtimeService
                  .createProcessInstanceQuery()
                  .processInstanceBusinessKey(BusinessKeys.of(id))
                  .count())
          .isOne();
      assertThat(
              jdbc.queryForObject(
                  "select count(*) from representative where organisation_id = ?::uuid",
                  Long.class,
                  ngo.organisationId().toString()))
          .as("the fixture's person and the two applied for, once each")
          .isEqualTo(3);
      assertThat(
              jdbc.queryForObject(
                  "select count(*) from accreditation_representative where accreditation_id = ?::uuid",
                  Long.class,
                  id))
          .isEqualTo(2);
    }
  }

  @Test
  void parallelAnswersToARequestForInformationAreTakenOnce() {
    for (int round = 0; round < ROUNDS; round++) {
      String id = applied(fixture.accredited(MandateType.NGO, 1));
      engine.complete(
          "lena",
          id,
          "Task_CheckApplicationCompleteness",
          Map.of(
              "completeness",
              "INCOMPLETE",
              "informationRequested",
              "Please attach your audited accounts."));
      String user = ngoUserOf(id);

      List<ResponseEntity<String>> answers =
          Race.times(
              10,
              i ->
                  post(
                      user,
                      "/api/v1/accreditations/" + id + "/information",
                      Map.of("information", "Accounts attached, version " + i),
                      null));

      assertOneOkOthersConflict(answers);
      assertThat(decisions(id, "INFORMATION_SUPPLIED")).isOne();
      assertThat(
              taskService
                  .createTaskQuery()
                  .processInstanceBusinessKey(BusinessKeys.of(id))
                  .taskDefinitionKey("Task_CheckApplicationCompleteness")
                  .count())
          .as("the check comes back once")
          .isOne();
    }
  }

  @Test
  void vettingAndStaffConsultationCompletedAtTheSameInstantJoinIntoOneDecision() {
    for (int round = 0; round < ROUNDS; round++) {
      String id = reviewStarted(fixture.accredited(MandateType.NGO, 1));
      JsonNode vettings = engine.tasks("sam", id, "Task_VetRepresentatives");
      assertThat(vettings).hasSize(3);
      String consultation = engine.tasks("lena", id, "Task_ConsultStaff").get(0).get("id").asText();
      List<Callable<ResponseEntity<String>>> people = new ArrayList<>();
      for (int i = 0; i < vettings.size(); i++) {
        String task = vettings.get(i).get("id").asText();
        String officer = i % 2 == 0 ? "sam" : SECOND_OFFICER;
        people.add(
            () ->
                engine.completeTask(
                    officer, task, Map.of("vetting", "CLEARED", "vettingReasons", "No record")));
      }
      people.add(
          () ->
              engine.completeTask(
                  "lena", consultation, Map.of("staffViews", "Wing staff welcome the programme")));

      List<ResponseEntity<String>> answers = Race.run(people);

      assertThat(answers)
          .as("nobody's work is refused: the tasks are different")
          .allSatisfy(
              a -> assertThat(a.getStatusCode()).as(a.getBody()).isEqualTo(HttpStatus.NO_CONTENT));
      awaitDecision(id);
      assertThat(decisions(id, "CLEARED %")).isEqualTo(3);
      assertThat(decisions(id, "CONSULTED")).isOne();
      assertThat(
              jdbc.queryForObject(
                  "select count(*) from accreditation_representative where accreditation_id = ?::uuid"
                      + " and vetting = 'CLEARED'",
                  Long.class,
                  id))
          .isEqualTo(3);
      assertThat(
              taskService.createTaskQuery().processInstanceBusinessKey(BusinessKeys.of(id)).count())
          .as("nothing but the decision is open")
          .isOne();
    }
  }

  @Test
  void parallelCountersignaturesAreTakenOnce() {
    for (int round = 0; round < ROUNDS; round++) {
      String id = mouShared();
      String user = ngoUserOf(id);
      assertThat(
              post(
                      user,
                      "/api/v1/accreditations/" + id + "/mou/agreement",
                      Map.of("version", 1),
                      null)
                  .getStatusCode())
          .isEqualTo(HttpStatus.OK);

      List<ResponseEntity<String>> answers =
          Race.times(
              10,
              i ->
                  post(
                      user,
                      "/api/v1/accreditations/" + id + "/countersignature",
                      Map.of("signatory", "Signatory " + i),
                      null));

      assertOneOkOthersConflict(answers);
      assertThat(decisions(id, "MOU_COUNTERSIGNED")).isOne();
      assertThat(
              taskService
                  .createTaskQuery()
                  .processInstanceBusinessKey(BusinessKeys.of(id))
                  .taskDefinitionKey("Task_SignMou")
                  .count())
          .isOne();
    }
  }

  /** Approved, its MoU drafted and shared with the NGO, which reads version 1. */
  private String mouShared() {
    String id = reviewStarted(fixture.accredited(MandateType.NGO, 1));
    for (JsonNode vetting : engine.tasks("sam", id, "Task_VetRepresentatives")) {
      assertThat(
              engine
                  .completeTask(
                      "sam",
                      vetting.get("id").asText(),
                      Map.of("vetting", "CLEARED", "vettingReasons", "No record"))
                  .getStatusCode())
          .isEqualTo(HttpStatus.NO_CONTENT);
    }
    engine.complete("lena", id, "Task_ConsultStaff", Map.of("staffViews", "Fine"));
    awaitDecision(id);
    engine.complete(
        "martha",
        id,
        "Task_DecideAccreditation",
        Map.of(
            "decision",
            "APPROVE",
            "decisionReasons",
            "Meets the criteria",
            "againstRecommendationReason",
            "Liaison capacity is planned for"));
    engine.complete("lena", id, "Task_DraftMou", mouClauses());
    return id;
  }

  @Test
  void parallelAgreementsAndAmendmentsTakeOne() {
    for (int round = 0; round < ROUNDS; round++) {
      String id = mouShared();
      String user = ngoUserOf(id);

      List<ResponseEntity<String>> answers =
          Race.times(
              10,
              i ->
                  i % 2 == 0
                      ? post(
                          user,
                          "/api/v1/accreditations/" + id + "/mou/agreement",
                          Map.of("version", 1),
                          null)
                      : post(
                          user,
                          "/api/v1/accreditations/" + id + "/mou/amendments",
                          Map.of(
                              "version",
                              1,
                              "amendments",
                              List.of(Map.of("clause", 4, "text", "Day " + i, "reason", "Staff"))),
                          null));

      assertOneOkOthersConflict(answers);
      assertThat(decisions(id, "MOU_AGREED") + decisions(id, "MOU_AMENDMENTS_PROPOSED")).isOne();
      assertThat(
              jdbc.queryForObject(
                  "select count(*) from mou_amendment a join mou m on m.id = a.mou_id"
                      + " where m.accreditation_id = ?::uuid",
                  Long.class,
                  id))
          .isLessThanOrEqualTo(1);
    }
  }

  @Test
  void parallelRevocationsRevokeOnce() {
    for (int round = 0; round < ROUNDS; round++) {
      String id = applied(fixture.accredited(MandateType.NGO, 1));

      List<ResponseEntity<String>> answers =
          Race.times(
              6,
              i ->
                  post(
                      "martha",
                      "/api/v1/accreditations/" + id + "/revocation",
                      Map.of("reasons", "Breach of the rules, report " + i),
                      null));

      assertOneOkOthersConflict(answers);
      assertThat(decisions(id, "REVOKED")).isOne();
      assertThat(
              engine
                  .read(as("martha").getForObject("/api/v1/accreditations/" + id, String.class))
                  .get("status")
                  .asText())
          .isEqualTo("REVOKED");
      assertThat(
              runtimeService
                  .createProcessInstanceQuery()
                  .processInstanceBusinessKey(BusinessKeys.of(id))
                  .count())
          .isZero();
    }
  }

  // ------------------------------------------------------------------ fixture

  /** An application of the NGO naming two people, as submitted through the API. */
  private String applied(Accredited ngo) {
    ResponseEntity<String> created = submit(ngo.user(), application("Monitoring"), null);
    assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
    return engine.read(created.getBody()).get("id").asText();
  }

  /**
   * An application naming three people, checked and rated: vetting and staff consultation are open.
   */
  private String reviewStarted(Accredited ngo) {
    Map<String, Object> application =
        AccreditationForms.application(
            "Monitoring",
            fixture.facility("Central Prison"),
            List.of("Ana Reyes", "Ben Okafor", "Cleo Hart"));
    ResponseEntity<String> created = submit(ngo.user(), application, null);
    String id = engine.read(created.getBody()).get("id").asText();
    engine.complete(
        "lena", id, "Task_CheckApplicationCompleteness", Map.of("completeness", "COMPLETE"));
    engine.complete("lena", id, "Task_RateAccreditationCriteria", everyCriterionRated(4));
    return id;
  }

  private Map<String, Object> application(String activity) {
    return AccreditationForms.application(
        activity, fixture.facility("Central Prison"), List.of("Ana Reyes", "Ben Okafor"));
  }

  /** The review joins in the job executor: waits for the one *Decide accreditation*. */
  private void awaitDecision(String id) {
    assertThat(engine.awaitTasks("martha", id, "Task_DecideAccreditation"))
        .as("one decision")
        .hasSize(1);
  }

  private String ngoUserOf(String accreditationId) {
    return jdbc.queryForObject(
        "select submitted_by from accreditation where id = ?::uuid", String.class, accreditationId);
  }

  private ResponseEntity<String> submit(String user, Map<String, Object> body, String key) {
    return post(user, "/api/v1/accreditations", body, key);
  }
}
