package org.invisiblebars.report.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.invisiblebars.organisation.domain.MandateType;
import org.invisiblebars.support.AccreditedOrganisations.Accredited;
import org.invisiblebars.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A follow-up visit through HTTP: the organisation names the answered recommendations of its own
 * reports on the facility it visits, records its finding on each after the visit, and both sides
 * read each recommendation's follow-up with the administration's record and the organisation's
 * finding side by side. Another organisation reaches none of it.
 */
class FollowUpVisitIT extends ApiTest {

  private static final String NORTH = "North Women's Prison";
  private static final String CENTRAL = "Central Prison";

  @Test
  void followUpVisitNamesAnsweredRecommendationsAndRecordsFindingsBesideTheFollowUp() {
    Accredited ngo = fixture.accredited(MandateType.NGO);
    Accredited other = fixture.accredited(MandateType.NGO);
    String report = submit(ngo, NORTH);
    List<String> ours = recommendations(ngo, report);
    String elsewhere = recommendations(ngo, submit(ngo, CENTRAL)).get(0);
    String theirs = recommendations(other, submit(other, NORTH)).get(0);

    ResponseEntity<String> unanswered = request(ngo, List.of(ours.get(0)));
    assertThat(unanswered.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(unanswered.getBody()).contains("recommendationIds[0]", "answered recommendation");

    answer(ours.get(0), ours.get(1), elsewhere, theirs);
    ResponseEntity<String> foreign = request(ngo, List.of(ours.get(0), theirs, elsewhere));
    assertThat(foreign.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(foreign.getBody())
        .contains("recommendationIds[1]", "recommendationIds[2]")
        .doesNotContain("recommendationIds[0]");
    assertThat(request(ngo, List.of(ours.get(0), ours.get(0))).getBody())
        .contains("names a recommendation twice");

    ResponseEntity<String> created = request(ngo, ours);
    assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
    JsonNode visit = engine.read(created.getBody());
    String id = visit.get("id").asText();
    assertThat(visit.get("recommendationIds")).hasSize(2);

    Map<String, Object> findings =
        Map.of(
            "findings",
            List.of(
                Map.of(
                    "recommendationId",
                    ours.get(0),
                    "status",
                    "PARTLY_IMPLEMENTED",
                    "text",
                    "Two of five cells painted"),
                Map.of(
                    "recommendationId",
                    ours.get(1),
                    "status",
                    "NOT_IMPLEMENTED",
                    "text",
                    "No work begun")));
    ResponseEntity<String> early = post(ngo.user(), findingsOf(id), findings, null);
    assertThat(early.getStatusCode()).as("not before the visit").isEqualTo(HttpStatus.CONFLICT);

    checkedIn(ngo, id);
    engine.complete("sam", id, "Task_CheckOutVisitors", Map.of("incidentOccurred", false));

    assertThat(post(other.user(), findingsOf(id), findings, null).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(post("lena", findingsOf(id), findings, null).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> wrong =
        post(
            ngo.user(),
            findingsOf(id),
            Map.of(
                "findings",
                List.of(
                    Map.of("recommendationId", theirs, "status", "IMPLEMENTED", "text", "Done"),
                    Map.of("recommendationId", ours.get(0), "status", "IMPLEMENTED"))),
            null);
    assertThat(wrong.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(wrong.getBody()).contains("findings[0].recommendationId", "findings[1].text");

    ResponseEntity<String> recorded = post(ngo.user(), findingsOf(id), findings, null);
    assertThat(recorded.getStatusCode()).as(recorded.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(engine.read(recorded.getBody())).hasSize(2);
    assertThat(post(ngo.user(), findingsOf(id), findings, null).getStatusCode())
        .as("recorded once per visit")
        .isEqualTo(HttpStatus.CONFLICT);
    assertThat(decisions(report, "PARTLY_IMPLEMENTED")).isOne();

    for (String reader : List.of(ngo.user(), "lena", "martha")) {
      JsonNode followUp = followUp(reader, report);
      assertThat(followUp).as(reader).hasSize(2);
      JsonNode first = followUp.get(0);
      assertThat(first.get("recommendationId").asText()).isEqualTo(ours.get(0));
      assertThat(first.at("/ngoFinding/status").asText()).isEqualTo("PARTLY_IMPLEMENTED");
      assertThat(first.at("/ngoFinding/text").asText()).isEqualTo("Two of five cells painted");
      assertThat(first.has("administration")).as("the administration's own record beside").isTrue();
      assertThat(followUp.get(1).at("/ngoFinding/status").asText()).isEqualTo("NOT_IMPLEMENTED");
    }
    assertThat(
            user(other.user())
                .getForEntity(
                    "/api/v1/reports/" + report + "/recommendation-follow-up", String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    for (String outsider : List.of("sam", "maria")) {
      assertThat(
              user(outsider)
                  .getForEntity(
                      "/api/v1/reports/" + report + "/recommendation-follow-up", String.class)
                  .getStatusCode())
          .as(outsider)
          .isEqualTo(HttpStatus.FORBIDDEN);
    }
    assertThat(user(other.user()).getForEntity(findingsOf(id), String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(engine.read(user(ngo.user()).getForObject(findingsOf(id), String.class))).hasSize(2);
  }

  private static String findingsOf(String visit) {
    return "/api/v1/visits/" + visit + "/findings";
  }

  private ResponseEntity<String> request(Accredited ngo, List<String> recommendationIds) {
    Map<String, Object> request =
        fixture.visitRequest(NORTH, List.of(ngo.alice()), List.of(), List.of());
    request.put("recommendationIds", recommendationIds);
    return post(ngo.user(), "/api/v1/visits", request, null);
  }

  private String submit(Accredited ngo, String facility) {
    ResponseEntity<String> created =
        post(ngo.user(), "/api/v1/reports", fixture.reportRequest(facility), null);
    assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
    return engine.read(created.getBody()).get("id").asText();
  }

  private List<String> recommendations(Accredited ngo, String report) {
    List<String> ids = new ArrayList<>();
    engine
        .read(user(ngo.user()).getForObject("/api/v1/reports/" + report, String.class))
        .get("recommendations")
        .forEach(r -> ids.add(r.get("id").asText()));
    return ids;
  }

  /**
   * The authorities' answers, as the plan of action leaves them (the report-review tasks that give
   * them are tested in ReportReviewIT).
   */
  private void answer(String... recommendationIds) {
    for (String id : recommendationIds) {
      jdbc.update(
          "update report_recommendation set answer = 'ACCEPTED', reasons = 'Agreed',"
              + " action = 'Do it', owner = 'Head of facilities', deadline = ?"
              + " where id = ?::uuid",
          LocalDate.now().plusDays(30),
          id);
    }
  }

  private JsonNode followUp(String user, String report) {
    ResponseEntity<String> answer =
        user(user)
            .getForEntity("/api/v1/reports/" + report + "/recommendation-follow-up", String.class);
    assertThat(answer.getStatusCode()).as(user + ": " + answer.getBody()).isEqualTo(HttpStatus.OK);
    return engine.read(answer.getBody());
  }
}
