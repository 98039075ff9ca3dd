package org.invisiblebars.report.adapter.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.invisiblebars.facility.usecase.ManageFacilities;
import org.invisiblebars.organisation.domain.MandateType;
import org.invisiblebars.platform.identity.UserPreferences;
import org.invisiblebars.platform.identity.UserPreferences.Digest;
import org.invisiblebars.platform.identity.UserPreferences.Preference;
import org.invisiblebars.platform.mail.Notice;
import org.invisiblebars.platform.mail.OutboxSender;
import org.invisiblebars.report.usecase.ReportReviewProcess;
import org.invisiblebars.support.AccreditedOrganisations;
import org.invisiblebars.support.ApiTest;
import org.invisiblebars.support.GreenMailServer;
import org.invisiblebars.support.GreenMailServer.Received;
import org.invisiblebars.support.Race;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The director asked for more time to review a report: its organisation is reminded to answer a
 * week before the review period ends, once although two scans race, in its language, with the
 * answer page's link and the end on the facility's clock; once it answered, nothing more.
 */
class ExtensionReminderIT extends ApiTest {

  @Autowired ExtensionReminderScan scan;
  @Autowired OutboxSender sender;
  @Autowired ManagementService management;
  @Autowired RuntimeService runtime;
  @Autowired UserPreferences preferences;
  @Autowired ManageFacilities facilities;

  @Test
  void theOrganisationIsRemindedToAnswerTheExtensionRequestUntilItAnswers() {
    AccreditedOrganisations.Accredited ngo = fixture.accredited(MandateType.NGO, 1);
    String address = fixture.withAddress(ngo);
    preferences.save(ngo.user(), new Preference(Locale.FRENCH, Digest.IMMEDIATE, true));
    ResponseEntity<String> submitted =
        post(ngo.user(), "/api/v1/reports", fixture.reportRequest("Central Prison"), null);
    assertThat(submitted.getStatusCode()).as(submitted.getBody()).isEqualTo(HttpStatus.CREATED);
    String id = engine.read(submitted.getBody()).get("id").asText();
    assertThat(
            post(
                    "martha",
                    "/api/v1/reports/" + id + "/extension-request",
                    Map.of("days", 10, "reasons", "The health unit needs the budget decision"),
                    null)
                .getStatusCode())
        .isEqualTo(HttpStatus.OK);
    Job period = periodTimer(id);

    Instant ends = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.MINUTES);
    management.setJobDuedate(period.getId(), Date.from(ends));
    Race.times(2, node -> scan.scan());
    scan.scan();
    assertThat(reminders(ngo.user(), "reminder-week")).as("a week before, once").isEqualTo(1);
    sender.sendDue();
    List<Received> told =
        GreenMailServer.awaitTo(address, m -> m.text().contains("/extension-answer"));
    assertThat(told).hasSize(1);
    assertThat(told.get(0).text())
        .contains(
            "votre r\u00e9ponse \u00e0 la demande du directeur de prolonger l'examen",
            "http://localhost:8080/portal/reports/" + id + "/extension-answer",
            Notice.at(
                ends,
                facilities.get(UUID.fromString(fixture.facility("Central Prison"))).getZone()));

    assertThat(
            post(
                    ngo.user(),
                    "/api/v1/reports/" + id + "/extension-answer",
                    Map.of("agree", false),
                    null)
                .getStatusCode())
        .isEqualTo(HttpStatus.OK);
    management.setJobDuedate(period.getId(), Date.from(Instant.now().plus(Duration.ofHours(20))));
    scan.scan();
    assertThat(reminders(ngo.user(), "reminder-day"))
        .as("answered: no reminder the day before")
        .isZero();
  }

  private Job periodTimer(String reportId) {
    return management
        .createJobQuery()
        .processInstanceId(
            runtime
                .createProcessInstanceQuery()
                .processDefinitionKey(ReportReviewProcess.KEY)
                .variableValueEquals(ReportReviewProcess.Variable.REPORT_ID, reportId)
                .singleResult()
                .getId())
        .activityId(ReportReviewProcess.Element.REVIEW_PERIOD_ENDED)
        .singleResult();
  }

  private long reminders(String userId, String kind) {
    return jdbc.queryForObject(
        "select count(*) from mail_outbox where recipient_user_id = ? and kind = ? and"
            + " recipient_address is null and link like '%/extension-answer'",
        Long.class, userId, kind);
  }
}
