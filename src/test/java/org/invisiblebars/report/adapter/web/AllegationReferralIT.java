package org.invisiblebars.report.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.invisiblebars.organisation.domain.MandateType;
import org.invisiblebars.report.usecase.ReportReviewProcess.Element;
import org.invisiblebars.sla.adapter.BreachScan;
import org.invisiblebars.support.AccreditedOrganisations.Accredited;
import org.invisiblebars.support.ApiTest;
import org.invisiblebars.support.BusinessKeys;
import org.invisiblebars.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Allegations go outside the prison's chain (issue 13, item 3): the oversight body refers them,
 * reading only the allegation and which report it is in; the director has no referral task; the NGO
 * sees where its allegation went and records its own referral; a late referral is escalated to the
 * heads of the oversight body, never to the facility.
 */
class AllegationReferralIT extends ApiTest {

  private static final String RUN = Long.toString(System.nanoTime(), 36);
  private static final String ALLEGED = "Two prisoners beaten on night shift " + RUN;
  private static final String FINDINGS = "Cells hold three people in space for two " + RUN;

  @Autowired TaskService taskService;
  @Autowired BreachScan scan;

  @Test
  void theOversightBodyRefersReadingOnlyTheAllegationAndTheNgoSeesWhereItWent() {
    Accredited ngo = fixture.accredited(MandateType.NGO, 1);
    Accredited other = fixture.accredited(MandateType.NGO, 1);
    String id = submit(ngo, true);

    assertThat(engine.tasks("martha", id, Element.REFER_ALLEGATION))
        .as("the director, who may be implicated, has no referral task")
        .isEmpty();
    JsonNode referral = engine.awaitTasks("olivia", id, Element.REFER_ALLEGATION);
    String task = referral.get(0).get("id").asText();
    String form =
        user("olivia").getForObject("/engine-rest/task/" + task + "/form-variables", String.class);
    assertThat(form).contains(ALLEGED, "Prison visits " + RUN);
    assertThat(form)
        .as("nothing else of the report: no findings, good practices or recommendations")
        .doesNotContain(FINDINGS, "Clean kitchen", "Paint the cells");
    for (String route :
        List.of(
            "/engine-rest/task?processInstanceBusinessKey=" + BusinessKeys.of(id),
            "/engine-rest/variable-instance?processInstanceIdIn=" + instance(id),
            "/engine-rest/history/task?processInstanceBusinessKey=" + BusinessKeys.of(id),
            "/engine-rest/history/variable-instance?processInstanceId=" + instance(id))) {
      assertThat(user("olivia").getForObject(route, String.class))
          .as("olivia " + route)
          .doesNotContain(FINDINGS)
          .doesNotContain("Task_AcknowledgeReport");
    }
    assertThat(user("olivia").getForEntity("/api/v1/reports/" + id, String.class).getStatusCode())
        .as("the oversight body reads no report through our API")
        .isEqualTo(HttpStatus.FORBIDDEN);

    engine.complete(
        "olivia",
        id,
        Element.REFER_ALLEGATION,
        Map.of("competentBody", "Public prosecutor", "referralReference", "PP-2026-17"));

    JsonNode seen =
        engine.read(user(ngo.user()).getForObject("/api/v1/reports/" + id, String.class));
    assertThat(seen.at("/allegationReferral/competentBody").asText())
        .isEqualTo("Public prosecutor");
    assertThat(seen.at("/allegationReferral/reference").asText()).isEqualTo("PP-2026-17");
    assertThat(seen.at("/allegationReferral/referredAt").asText()).isNotBlank();
    assertThat(decisions(id, "REFERRED")).isOne();

    // the NGO's own referral, several times (two bodies), and refused where it should be
    ResponseEntity<String> own =
        post(
            ngo.user(),
            "/api/v1/reports/" + id + "/referrals",
            Map.of(
                "competentBody", "National ombudsperson",
                "reference", "OMB-" + RUN,
                "referredOn", "2026-01-05"),
            null);
    assertThat(own.getStatusCode()).as(own.getBody()).isEqualTo(HttpStatus.CREATED);
    post(
        ngo.user(),
        "/api/v1/reports/" + id + "/referrals",
        Map.of("competentBody", "Prosecutor", "reference", "P-1", "referredOn", "2026-01-06"),
        null);
    JsonNode after =
        engine.read(user(ngo.user()).getForObject("/api/v1/reports/" + id, String.class));
    assertThat(after.get("ownReferrals").findValuesAsText("competentBody"))
        .containsExactly("National ombudsperson", "Prosecutor");
    assertThat(after.get("ownReferrals").get(0).get("referredOn").asText()).isEqualTo("2026-01-05");
    assertThat(decisions(id, "REFERRED_BY_ORGANISATION")).isEqualTo(2);
    assertThat(
            engine
                .read(user("martha").getForObject("/api/v1/reports/" + id, String.class))
                .get("ownReferrals"))
        .as("the reviewing staff see it too")
        .hasSize(2);

    ResponseEntity<String> future =
        post(
            ngo.user(),
            "/api/v1/reports/" + id + "/referrals",
            Map.of("competentBody", "Prosecutor", "reference", "P-2", "referredOn", "2999-01-01"),
            null);
    assertThat(future.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(engine.read(future.getBody()).toString()).contains("referredOn");
    ResponseEntity<String> blank =
        post(ngo.user(), "/api/v1/reports/" + id + "/referrals", Map.of("reference", " "), null);
    assertThat(blank.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(engine.read(blank.getBody()).toString())
        .contains("competentBody", "reference", "referredOn");
    ResponseEntity<String> notTheirs =
        post(
            other.user(),
            "/api/v1/reports/" + id + "/referrals",
            Map.of("competentBody", "Prosecutor", "reference", "X", "referredOn", "2026-01-05"),
            null);
    assertThat(notTheirs.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    String plain = submit(ngo, false);
    ResponseEntity<String> nothingAlleged =
        post(
            ngo.user(),
            "/api/v1/reports/" + plain + "/referrals",
            Map.of("competentBody", "Prosecutor", "reference", "X", "referredOn", "2026-01-05"),
            null);
    assertThat(nothingAlleged.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertProblem(nothingAlleged);
    assertThat(
            user("martha")
                .postForEntity(
                    "/api/v1/reports/" + id + "/referrals",
                    Map.of("competentBody", "P", "reference", "X", "referredOn", "2026-01-05"),
                    String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void anAllegationNeedsItsDetailsAndAReportWithoutOneHasNone() {
    Accredited ngo = fixture.accredited(MandateType.NGO, 1);
    Map<String, Object> missing = report(true);
    missing.remove("allegationDetails");
    ResponseEntity<String> refused = post(ngo.user(), "/api/v1/reports", missing, null);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody()).contains("allegationDetails");
    Map<String, Object> stray = report(false);
    stray.put("allegationDetails", ALLEGED);
    ResponseEntity<String> strayRefused = post(ngo.user(), "/api/v1/reports", stray, null);
    assertThat(strayRefused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(strayRefused.getBody()).contains("allegationDetails");
  }

  @Test
  void aLateReferralIsEscalatedToTheHeadsOfTheOversightBodyNeverToTheFacility() {
    String id = submit(fixture.accredited(MandateType.NGO, 1), true);
    String task =
        engine.awaitTasks("olivia", id, Element.REFER_ALLEGATION).get(0).get("id").asText();
    taskService.setDueDate(task, Date.from(Instant.now().minus(Duration.ofMinutes(5))));

    scan.scan();

    assertThat(taskService.getIdentityLinksForTask(task))
        .extracting(IdentityLink::getGroupId)
        .as("the heads of the oversight body may refer it themselves; the director never")
        .containsExactlyInAnyOrder("oversight", "oversight-head");
    assertThat(
            engine
                .read(user("oscar").getForObject("/api/v1/sla/escalations", String.class))
                .findValuesAsText("taskId"))
        .contains(task);
    assertThat(
            engine
                .read(user("martha").getForObject("/api/v1/sla/escalations", String.class))
                .findValuesAsText("taskId"))
        .as("the facility's director is not told")
        .doesNotContain(task);
    engine.complete(
        "oscar",
        id,
        Element.REFER_ALLEGATION,
        Map.of("competentBody", "Public prosecutor", "referralReference", "PP-9"));
  }

  private String instance(String id) {
    return engine
        .read(
            user("admin")
                .getForObject(
                    "/engine-rest/process-instance?processDefinitionKey=report-review&businessKey="
                        + BusinessKeys.of(id),
                    String.class))
        .get(0)
        .get("id")
        .asText();
  }

  private String submit(Accredited ngo, boolean allegation) {
    ResponseEntity<String> created = post(ngo.user(), "/api/v1/reports", report(allegation), null);
    assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
    return engine.read(created.getBody()).get("id").asText();
  }

  private Map<String, Object> report(boolean allegation) {
    Map<String, Object> report = new HashMap<>();
    report.put("title", "Prison visits " + RUN);
    report.put("facilityId", fixture.facility("Central Prison"));
    report.put("visitsCovered", "Visit of 3 November");
    report.put("goodPractices", "Clean kitchen");
    report.put("findings", FINDINGS);
    report.put("allegation", allegation);
    if (allegation) {
      report.put("allegationDetails", ALLEGED);
    }
    report.put("recommendations", Fixtures.oneRecommendation());
    return report;
  }
}
