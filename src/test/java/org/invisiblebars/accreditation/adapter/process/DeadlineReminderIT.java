package org.invisiblebars.accreditation.adapter.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.invisiblebars.accreditation.usecase.AccreditationProcess.Element;
import org.invisiblebars.organisation.domain.MandateType;
import org.invisiblebars.platform.identity.UserPreferences;
import org.invisiblebars.platform.identity.UserPreferences.Digest;
import org.invisiblebars.platform.identity.UserPreferences.Preference;
import org.invisiblebars.platform.mail.OutboxSender;
import org.invisiblebars.support.AccreditedOrganisations;
import org.invisiblebars.support.ApiTest;
import org.invisiblebars.support.Eventually;
import org.invisiblebars.support.GreenMailServer;
import org.invisiblebars.support.GreenMailServer.Received;
import org.invisiblebars.support.Race;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Reminders before an organisation's deadline, read from the process's timer: a week before and the
 * day before, each stored once even when two scans run at the same moment or a scan runs again, in
 * the user's language, with the portal's link; a deadline moved by the engine is reminded at its
 * new date.
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
    String address = ngo.user() + "@ngo.example";
    User user = identityService.createUserQuery().userId(ngo.user()).singleResult();
    user.setEmail(address);
    identityService.saveUser(user);
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

  private long reminders(String userId, String kind) {
    return jdbc.queryForObject(
        "select count(*) from mail_outbox where recipient_user_id = ? and kind = ? and"
            + " recipient_address is null",
        Long.class,
        userId,
        kind);
  }
}
