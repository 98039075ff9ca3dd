package org.invisiblebars.accreditation.adapter.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.invisiblebars.accreditation.usecase.AccreditationProcess.Element;
import org.invisiblebars.organisation.domain.MandateType;
import org.invisiblebars.platform.identity.UserPreferences;
import org.invisiblebars.platform.identity.UserPreferences.Digest;
import org.invisiblebars.platform.identity.UserPreferences.Preference;
import org.invisiblebars.platform.mail.OutboxSender;
import org.invisiblebars.support.AccreditationForms;
import org.invisiblebars.support.AccreditationReview;
import org.invisiblebars.support.AccreditedOrganisations;
import org.invisiblebars.support.ApiTest;
import org.invisiblebars.support.Eventually;
import org.invisiblebars.support.GreenMailServer;
import org.invisiblebars.support.GreenMailServer.Received;
import org.invisiblebars.support.Race;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Reminders before an organisation's deadline, read from the process's timer: a week before and the
 * day before, each stored once even when two scans run at the same moment or a scan runs again, in
 * the user's language, with the portal's link; a deadline moved by the engine is reminded at its
 * new date; the end of an active accreditation's term is reminded on the clock of its facility,
 * until the organisation applies for renewal.
 */
class DeadlineReminderIT extends ApiTest {

  @Autowired DeadlineReminderScan scan;
  @Autowired OutboxSender sender;
  @Autowired ManagementService management;
  @Autowired RuntimeService runtime;
  @Autowired IdentityService identityService;
  @Autowired UserPreferences preferences;

  @Test
  void theOrganisationIsRemindedAWeekAndADayBeforeItsDeadlineOnceEach() {
    AccreditedOrganisations.Accredited ngo = fixture.accredited(MandateType.NGO, 1);
    String address = fixture.withAddress(ngo);
    preferences.save(ngo.user(), new Preference(Locale.FRENCH, Digest.IMMEDIATE, true));
    String id = appliedBy(ngo);
    engine.complete(
        "lena",
        id,
        "Task_CheckApplicationCompleteness",
        Map.of("completeness", "INCOMPLETE", "informationRequested", "Your statutes, please."));
    Job timer =
        management
            .createJobQuery()
            .processInstanceId(
                runtime
                    .createProcessInstanceQuery()
                    .variableValueEquals("accreditationId", id)
                    .singleResult()
                    .getId())
            .activityId(Element.INFORMATION_OVERDUE)
            .timers()
            .singleResult();
    assertThat(timer).as("the withdrawal timer").isNotNull();

    management.setJobDuedate(timer.getId(), Date.from(Instant.now().plus(Duration.ofDays(3))));
    Race.times(2, node -> scan.scan());
    scan.scan();
    assertThat(reminders(ngo.user(), "reminder-week")).as("a week before, once").isEqualTo(1);
    assertThat(reminders(ngo.user(), "reminder-day")).isZero();

    management.setJobDuedate(timer.getId(), Date.from(Instant.now().plus(Duration.ofHours(20))));
    Race.times(2, node -> scan.scan());
    assertThat(reminders(ngo.user(), "reminder-day")).as("the day before, once").isEqualTo(1);
    sender.sendDue();

    // The application's own sender may be delivering one of them meanwhile.
    Eventually.within(Duration.ofSeconds(30), "two reminders")
        .until(
            () ->
                GreenMailServer.awaitTo(address, m -> m.subject().contains("attend")).size() >= 2);
    List<Received> told = GreenMailServer.awaitTo(address, m -> m.subject().contains("attend"));
    assertThat(told).extracting(Received::subject).hasSize(2);
    assertThat(told)
        .anySatisfy(
            m ->
                assertThat(m.subject())
                    .startsWith("Dernier jour : ACC-")
                    .contains("votre réponse à la demande d'informations"));
    assertThat(told)
        .allSatisfy(
            m ->
                assertThat(m.text()).contains("http://localhost:8080/portal/accreditations/" + id));
  }

  @Test
  void anActiveOrganisationIsRemindedToRenewOnTheClockOfItsFacilityUnlessItHasApplied() {
    String facility = "Lisbon Remand Centre " + Long.toString(System.nanoTime(), 36);
    registerFacility(facility, "Europe/Lisbon", List.of("Visits hall"));
    AccreditedOrganisations.Accredited ngo = fixture.accredited(MandateType.NGO, 1);
    String address = fixture.withAddress(ngo);
    preferences.save(
        ngo.user(), new Preference(Locale.forLanguageTag("es"), Digest.IMMEDIATE, true));
    ResponseEntity<String> applied =
        post(
            ngo.user(),
            "/api/v1/accreditations",
            AccreditationForms.application(
                "Monitoring", fixture.facility(facility), List.of("Ana Reyes")),
            null);
    assertThat(applied.getStatusCode()).as(applied.getBody()).isEqualTo(HttpStatus.CREATED);
    String id = engine.read(applied.getBody()).get("id").asText();
    AccreditationReview.approve(engine, id, null);
    engine.complete("lena", id, "Task_DraftMou", AccreditationForms.mouClauses());
    post(ngo.user(), "/api/v1/accreditations/" + id + "/mou/agreement", Map.of("version", 1), null);
    post(
        ngo.user(),
        "/api/v1/accreditations/" + id + "/countersignature",
        Map.of("signatory", "Ana Reyes"),
        null);
    engine.complete("martha", id, "Task_SignMou", Map.of("mouSigned", true));
    Job termEnds = timer(id, Element.TERM_ENDED);
    assertThat(termEnds).as("the end of the term").isNotNull();

    Instant deadline = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.MINUTES);
    management.setJobDuedate(termEnds.getId(), Date.from(deadline));
    Race.times(2, node -> scan.scan());
    assertThat(reminders(ngo.user(), "reminder-week")).as("a week before, once").isEqualTo(1);
    sender.sendDue();
    String onLisbonsClock =
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .format(deadline.atZone(ZoneId.of("Europe/Lisbon")))
            + " Europe/Lisbon";
    Received told =
        GreenMailServer.awaitTo(address, m -> m.subject().startsWith("Recordatorio")).get(0);
    assertThat(told.text())
        .contains(
            "su solicitud de renovaci\u00f3n de la acreditaci\u00f3n",
            onLisbonsClock,
            "http://localhost:8080/portal/accreditations/" + id);

    ResponseEntity<String> renewal =
        post(ngo.user(), "/api/v1/accreditations/" + id + "/renewal", Map.of(), null);
    assertThat(renewal.getStatusCode()).as(renewal.getBody()).isEqualTo(HttpStatus.CREATED);
    management.setJobDuedate(termEnds.getId(), Date.from(Instant.now().plus(Duration.ofHours(20))));
    scan.scan();
    assertThat(reminders(ngo.user(), "reminder-day"))
        .as("no reminder to renew once the renewal is under way")
        .isZero();
  }

  private Job timer(String accreditationId, String activityId) {
    return management
        .createJobQuery()
        .processInstanceId(
            runtime
                .createProcessInstanceQuery()
                .variableValueEquals("accreditationId", accreditationId)
                .singleResult()
                .getId())
        .activityId(activityId)
        .timers()
        .singleResult();
  }

  private long reminders(String userId, String kind) {
    return jdbc.queryForObject(
        "select count(*) from mail_outbox where recipient_user_id = ? and kind = ? and"
            + " recipient_address is null",
        Long.class,
        userId,
        kind);
  }
}
