package org.invisiblebars.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.invisiblebars.accreditation.usecase.AccreditationProcess;
import org.invisiblebars.organisation.domain.MandateType;
import org.invisiblebars.organisation.domain.RepresentativeRepository;
import org.invisiblebars.report.usecase.ReportPublicationProcess;
import org.invisiblebars.support.AccreditationForms;
import org.invisiblebars.support.AccreditationReview;
import org.invisiblebars.support.AccreditedOrganisations.Accredited;
import org.invisiblebars.support.ApiTest;
import org.invisiblebars.support.BusinessKeys;
import org.invisiblebars.support.ReviewPeriod;
import org.invisiblebars.support.TasklistBrowser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The liaison officer's task forms filled in Tasklist in a real headless Chromium: Lena redacts a
 * released report for publication, and answers the organisation's amendment to a clause of its MoU.
 * Each form is refused once where a rule of its own applies, with the field's label and the reason,
 * and nothing is saved by the refusal; what the organisation reads afterwards is what Lena typed.
 */
class LiaisonFormsBrowserIT extends ApiTest {

  private static final String LIAISON_QUEUE = "NGO liaison officers queue";

  @Autowired TaskService taskService;
  @Autowired FilterService filterService;
  @Autowired RepresentativeRepository representatives;

  private TasklistBrowser browser;

  @BeforeEach
  void startBrowser() throws Exception {
    browser = TasklistBrowser.start();
  }

  @AfterEach
  void stopBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void liaisonOfficerRedactsAReleasedReportIntoThePreviewTheOrganisationReads() throws Exception {
    Accredited ngo = fixture.accredited(MandateType.NGO, 1);
    String alice = representatives.findById(ngo.alice()).orElseThrow().getFullName();
    ResponseEntity<String> submitted =
        post(ngo.user(), "/api/v1/reports", fixture.reportRequest("Central Prison"), null);
    assertThat(submitted.getStatusCode()).as(submitted.getBody()).isEqualTo(HttpStatus.CREATED);
    String report = engine.read(submitted.getBody()).get("id").asText();
    new ReviewPeriod(context).end(report);
    String publication = "/api/v1/reports/" + report + "/publication";
    ResponseEntity<String> asked = post(ngo.user(), publication, Map.of(), null);
    assertThat(asked.getStatusCode()).as(asked.getBody()).isEqualTo(HttpStatus.ACCEPTED);
    String task =
        engine.awaitTaskId("lena", report, ReportPublicationProcess.Element.REDACT_REPORT);
    String reference = BusinessKeys.of(report);
    assertThat(reference).startsWith("REP-");

    browser.logIn(baseUrl(), "lena", "demo");
    assertThat(browser.claimFromQueue(baseUrl(), queue(), task, reference))
        .contains("Redact report for publication", reference);
    assertThat(browser.valueOf("Report")).contains("Overcrowded cells");
    assertThat(browser.valueOf("Findings")).as("prefilled from the report").contains("Overcrowded");

    browser.type("Findings", "Overcrowded cells, as " + alice + " saw on the remand wing");
    browser.complete();
    assertThat(browser.errorMessages("redaction-refused"))
        .containsExactly("Findings: names a person, which a public text must not: " + alice);
    assertThat(taskService.createTaskQuery().taskId(task).count()).as("still open").isOne();
    assertThat(decisions(report, "PUBLIC_VERSION_REDACTED")).as("nothing redacted").isZero();

    browser.dismissErrors();
    browser.type("Title", "Remand wing, November");
    browser.type("Findings", "Overcrowded cells on the remand wing");
    browser.screenshot("redact-report");
    browser.complete();
    JsonNode preview =
        browser.await(
            "redaction-preview",
            page -> {
              JsonNode read = read(ngo.user(), publication);
              return "AWAITING_CONSENT".equals(read.get("status").asText()) ? read : null;
            });

    assertThat(preview.get("version").asInt()).isOne();
    assertThat(preview.at("/preview/title").asText()).isEqualTo("Remand wing, November");
    assertThat(preview.at("/preview/findings").asText())
        .isEqualTo("Overcrowded cells on the remand wing");
    assertThat(preview.at("/preview/recommendations").asText())
        .as("prefilled and left as it was")
        .contains("Paint the cells");
    assertThat(preview.toString()).doesNotContain(alice);
    assertThat(decisions(report, "PUBLIC_VERSION_REDACTED")).isOne();
    assertThat(rest.getForEntity("/api/v1/public/reports/" + report, String.class).getStatusCode())
        .as("nothing public before the organisation consents")
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void liaisonOfficerCounterProposesAnAmendedClauseWithReasonsTheOrganisationReads()
      throws Exception {
    Accredited ngo = fixture.accredited(MandateType.NGO);
    String accreditation = appliedBy(ngo);
    AccreditationReview.approve(engine, accreditation, null);
    engine.complete("lena", accreditation, "Task_DraftMou", AccreditationForms.mouClauses());
    String mou = "/api/v1/accreditations/" + accreditation + "/mou";
    ResponseEntity<String> amended =
        post(
            ngo.user(),
            mou + "/amendments",
            Map.of(
                "version",
                1,
                "amendments",
                List.of(Map.of("clause", 9, "text", "20", "reason", "Findings go stale"))),
            null);
    assertThat(amended.getStatusCode()).as(amended.getBody()).isEqualTo(HttpStatus.OK);
    String task =
        engine.awaitTaskId(
            "lena", accreditation, AccreditationProcess.Element.ANSWER_MOU_AMENDMENT);
    String reference = BusinessKeys.of(accreditation);
    assertThat(reference).startsWith("ACC-");

    browser.logIn(baseUrl(), "lena", "demo");
    assertThat(browser.claimFromQueue(baseUrl(), queue(), task, reference))
        .contains("Answer MoU amendment", reference);
    assertThat(browser.valueOf("Clause")).startsWith("9.");
    assertThat(browser.valueOf("Text in the version the organisation read")).contains("45");
    assertThat(browser.valueOf("Text the organisation proposes")).isEqualTo("20");
    assertThat(browser.valueOf("The organisation's reason")).isEqualTo("Findings go stale");

    browser.choose("Reject");
    browser.type("Reasons", "  ");
    browser.complete();
    assertThat(browser.errorMessages("amendment-refused")).containsExactly("Reasons: is required");
    assertThat(taskService.createTaskQuery().taskId(task).count()).as("still open").isOne();
    assertThat(decisions(accreditation, "%clause 9")).as("not answered").isZero();

    browser.dismissErrors();
    browser.choose("Counter-propose");
    browser.type("Your text for the clause", "40");
    browser.type("Reasons", "The plan of action needs more than 20 days");
    browser.screenshot("answer-mou-amendment");
    browser.complete();
    JsonNode revised =
        browser.await(
            "mou-version-2",
            page -> {
              JsonNode read = read(ngo.user(), mou);
              return read.get("version").asInt() == 2 ? read : null;
            });

    assertThat(revised.at("/clauses/8/number").asInt()).isEqualTo(9);
    assertThat(revised.at("/clauses/8/text").asText()).isEqualTo("40");
    assertThat(revised.at("/amendments/0/answer").asText()).isEqualTo("COUNTER_PROPOSED");
    assertThat(revised.at("/amendments/0/answeredBy").asText()).isEqualTo("lena");
    assertThat(revised.at("/versions/1/changeSummary").asText())
        .contains("Clause 9", "The plan of action needs more than 20 days");
  }

  private String queue() {
    return filterService.createFilterQuery().filterName(LIAISON_QUEUE).singleResult().getId();
  }

  private JsonNode read(String user, String path) {
    return engine.read(user(user).getForObject(path, String.class));
  }
}
