package org.invisiblebars.entry.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.invisiblebars.entry.usecase.EntryProcess;
import org.invisiblebars.entry.usecase.IncidentReviewProcess;
import org.invisiblebars.organisation.domain.MandateType;
import org.invisiblebars.support.AccreditedOrganisations.Accredited;
import org.invisiblebars.support.ApiTest;
import org.invisiblebars.support.BusinessKeys;
import org.invisiblebars.support.TasklistBrowser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The visit's task forms filled in Tasklist in a real headless Chromium, as the people involved
 * fill them: the director decides an incident the organisation contested, and security briefs and
 * checks in a formal monitor who arrived unannounced. Each form is refused once where a rule of its
 * own applies, with the field's label and the reason, and nothing is saved by the refusal.
 */
class VisitFormsBrowserIT extends ApiTest {

  @Autowired TaskService taskService;
  @Autowired FilterService filterService;

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
  void directorUpholdsAContestedIncidentWithReasonsTheOrganisationReads() throws Exception {
    Accredited ngo = fixture.accredited(MandateType.NGO, 1);
    String visit = checkedIn(ngo, requestVisit(ngo).get("id").asText());
    engine.complete(
        "sam",
        visit,
        EntryProcess.Element.CHECK_OUT_VISITORS,
        Map.of("incidentOccurred", true, "incidentDescription", "Photographed a cell door's lock"));
    ResponseEntity<String> contested =
        post(
            ngo.user(),
            "/api/v1/incidents/" + visit + "/contest",
            Map.of("account", "She photographed the corridor's notice board"),
            null);
    assertThat(contested.getStatusCode()).as(contested.getBody()).isEqualTo(HttpStatus.OK);
    String task =
        engine.awaitTaskId(
            "martha", visit, IncidentReviewProcess.Element.DECIDE_CONTESTED_INCIDENT);
    String reference = BusinessKeys.of(visit);

    browser.logIn(baseUrl(), "martha", "demo");
    assertThat(browser.claimFromQueue(baseUrl(), queue("Directors"), task, reference))
        .contains("Decide contested incident", reference);
    assertThat(browser.valueOf("What security recorded"))
        .contains("Photographed a cell door's lock");
    assertThat(browser.valueOf("The organisation's account")).contains("notice board");

    browser.choose("Upheld");
    browser.type("Reasons", "   ");
    browser.complete();
    assertThat(browser.errorMessages("incident-refused")).containsExactly("Reasons: is required");
    browser.screenshot("decide-contested-incident-refused");
    assertThat(taskService.createTaskQuery().taskId(task).count()).as("still open").isOne();
    assertThat(decisions(visit, "UPHELD")).as("nothing decided").isZero();

    browser.dismissErrors();
    browser.type("Reasons", "The escort saw the photograph of the lock");
    browser.screenshot("decide-contested-incident");
    browser.complete();
    JsonNode decided =
        browser.await("incident-decided", page -> incidentOnceDecided(ngo.user(), visit));

    assertThat(decided.get("status").asText()).isEqualTo("UPHELD");
    assertThat(decided.get("decisionReasons").asText())
        .isEqualTo("The escort saw the photograph of the lock");
    assertThat(decided.get("decidedByRole").asText()).isEqualTo("director");
    assertThat(decided.get("countsInRiskAssessment").asBoolean()).isTrue();
    assertThat(decisions(visit, "UPHELD")).isOne();
  }

  @Test
  void securityBriefsAndChecksInAMonitorWhoArrivedUnannounced() throws Exception {
    Accredited npm = fixture.accredited(MandateType.NPM, 1);
    ResponseEntity<String> registered =
        post(
            "sam",
            "/api/v1/visits/unannounced",
            Map.of(
                "organisationId", npm.organisationId(),
                "facilityId", fixture.facility("Central Prison"),
                "representativeIds", List.of(npm.alice()),
                "windowEnd", Instant.now().plus(3, ChronoUnit.HOURS).toString(),
                "activity", "OPCAT inspection",
                "areas", List.of(),
                "equipment", List.of()),
            null);
    assertThat(registered.getStatusCode()).as(registered.getBody()).isEqualTo(HttpStatus.CREATED);
    String visit = engine.read(registered.getBody()).get("id").asText();
    String reference = BusinessKeys.of(visit);
    String alice = person(visit).get("name").asText();
    String security = queue("Security staff");

    browser.logIn(baseUrl(), "sam", "demo");
    String briefing = engine.awaitTaskId("sam", visit, EntryProcess.Element.HOLD_SECURITY_BRIEFING);
    assertThat(browser.claimFromQueue(baseUrl(), security, briefing, reference))
        .contains("Hold security briefing", reference);
    assertThat(browser.valueOf("Representative")).isEqualTo(alice);
    browser.type("Notes", "Shown the alarm points and the assembly yard");
    browser.complete();
    // form-js refuses an unticked required box itself; the handler's own refusal is never reached
    assertThat(browser.fieldError("The briefing on emergency procedures was held"))
        .isEqualTo("Field is required.");
    browser.screenshot("hold-security-briefing-refused");
    assertThat(briefings(npm)).as("nobody briefed by the refusal").isZero();

    browser.dismissErrors();
    browser.choose("The briefing on emergency procedures was held");
    browser.screenshot("hold-security-briefing");
    browser.complete();

    String checkIn =
        browser.await(
            "check-in-appears",
            page -> firstTaskId("sam", visit, EntryProcess.Element.CHECK_IN_VISITOR));
    assertThat(briefings(npm)).isOne();
    assertThat(browser.claimFromQueue(baseUrl(), security, checkIn, reference))
        .contains("Check in visitor", reference);
    assertThat(browser.valueOf("Representative")).isEqualTo(alice);
    browser.choose("Entered after the search");
    browser.choose("Screening");
    browser.complete();
    assertThat(browser.errorMessages("check-in-refused"))
        .containsExactly("Outcome: the search notice has not been acknowledged: no entry");
    assertThat(person(visit).hasNonNull("entryOutcome")).as("not let in").isFalse();

    browser.dismissErrors();
    browser.choose("The visitor read and acknowledged the search notice");
    browser.screenshot("check-in-visitor");
    browser.complete();
    JsonNode entered =
        browser.await(
            "checked-in",
            page -> {
              JsonNode person = person(visit);
              return person.hasNonNull("entryOutcome") ? person : null;
            });

    assertThat(entered.get("entryOutcome").asText()).isEqualTo("ENTERED");
    assertThat(entered.get("noticeAcknowledgedAt").isNull())
        .as("acknowledged at the gate")
        .isFalse();
    assertThat(visit(npm.user(), visit).get("status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(decisions(visit, "ENTERED_SCREENING")).isOne();
  }

  /** The id of an open task of {@code taskKey} in the case, or null while there is none. */
  private String firstTaskId(String user, String caseId, String taskKey) {
    JsonNode tasks = engine.tasks(user, caseId, taskKey);
    return tasks.isEmpty() ? null : tasks.get(0).get("id").asText();
  }

  /** The id of the queue of the group Tasklist shows as {@code group}. */
  private String queue(String group) {
    return filterService.createFilterQuery().filterName(group + " queue").singleResult().getId();
  }

  /** The incident of the visit as its organisation reads it, once the director decided it. */
  private JsonNode incidentOnceDecided(String user, String visit) {
    JsonNode incident =
        engine.read(user(user).getForObject("/api/v1/incidents/" + visit, String.class));
    return "CONTESTED".equals(incident.get("status").asText()) ? null : incident;
  }

  private JsonNode visit(String user, String visit) {
    return engine.read(user(user).getForObject("/api/v1/visits/" + visit, String.class));
  }

  /** The visit's one representative as security reads it. */
  private JsonNode person(String visit) {
    JsonNode people = visit("sam", visit).get("representatives");
    assertThat(people).hasSize(1);
    return people.get(0);
  }

  /** How many of the organisation's people were ever briefed. */
  private long briefings(Accredited ngo) {
    return jdbc.queryForObject(
        "select count(*) from security_briefing where representative_id = ?",
        Long.class,
        ngo.alice());
  }
}
