package org.invisiblebars.entry.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.invisiblebars.organisation.domain.MandateType;
import org.invisiblebars.platform.identity.UserPreferences;
import org.invisiblebars.platform.identity.UserPreferences.Digest;
import org.invisiblebars.platform.identity.UserPreferences.Preference;
import org.invisiblebars.platform.mail.OutboxSender;
import org.invisiblebars.support.AccreditedOrganisations;
import org.invisiblebars.support.ApiTest;
import org.invisiblebars.support.EngineTasks;
import org.invisiblebars.support.GreenMailServer;
import org.invisiblebars.support.GreenMailServer.Received;
import org.invisiblebars.support.Race;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A visit's organisation is told that the visit is authorised, then reminded, a week and a day
 * before the visit starts, that a representative has not acknowledged the search notice: each
 * reminder once, however many scans run at once; none once every representative acknowledged; all
 * in the user's language with the visit's portal page.
 */
class SearchNoticeReminderIT extends ApiTest {

  @Autowired SearchNoticeReminderScan scan;
  @Autowired OutboxSender sender;
  @Autowired IdentityService identityService;
  @Autowired UserPreferences preferences;

  @Test
  void theOrganisationIsRemindedOnceToAcknowledgeTheSearchNoticeBeforeTheVisit() {
    AccreditedOrganisations.Accredited ngo = fixture.accredited(MandateType.NGO, 1);
    String address = fixture.withAddress(ngo);
    preferences.save(
        ngo.user(), new Preference(Locale.forLanguageTag("es"), Digest.IMMEDIATE, true));
    String visit = requestedByAlice(ngo);
    engine.complete("sam", visit, "Task_AssessVisitRisk", Map.of("riskDecision", "CONFIRM"));
    engine.complete(
        "lena",
        visit,
        "Task_ScheduleVisit",
        Map.of("escort", "Officer Grey", "meetingPoint", "Gate"));

    startsIn(visit, Duration.ofDays(3));
    Race.times(2, node -> scan.scan());
    scan.scan();
    assertThat(reminders(ngo.user(), "reminder-week")).as("a week before, once").isEqualTo(1);
    startsIn(visit, Duration.ofHours(20));
    Race.times(2, node -> scan.scan());
    assertThat(reminders(ngo.user(), "reminder-day")).as("the day before, once").isEqualTo(1);

    user(ngo.user())
        .postForEntity(
            "/api/v1/visits/" + visit + "/representatives/" + ngo.alice() + "/acknowledgement",
            EngineTasks.jsonBody(Map.of()),
            String.class);
    startsIn(visit, Duration.ofHours(19));
    scan.scan();
    assertThat(reminders(ngo.user(), "reminder-day")).as("acknowledged: no more").isEqualTo(1);

    sender.sendDue();
    // Each awaited on its own: the application's sender may be delivering some of them meanwhile.
    String page = "/portal/visits/" + visit;
    assertThat(
            GreenMailServer.awaitTo(
                address, m -> m.text().contains(page) && m.subject().startsWith("Visita VIS-")))
        .extracting(Received::subject)
        .singleElement()
        .satisfies(subject -> assertThat(subject).endsWith("autorizada"));
    assertThat(
            GreenMailServer.awaitTo(
                address,
                m -> m.text().contains(page) && m.subject().startsWith("Aviso de registro")))
        .hasSize(1);
    assertThat(
            GreenMailServer.awaitTo(
                address,
                m -> m.text().contains(page) && m.subject().startsWith("Último día: VIS-")))
        .extracting(Received::subject)
        .singleElement()
        .satisfies(
            subject -> assertThat(subject).contains("el acuse de recibo del aviso de registro"));
  }

  /** Moves the visit's window, as the clock moving towards it would. */
  private void startsIn(String visit, Duration in) {
    Instant start = Instant.now().plus(in);
    jdbc.update(
        "update visit set window_start = ?, window_end = ? where id = ?::uuid",
        Timestamp.from(start),
        Timestamp.from(start.plus(Duration.ofHours(3))),
        visit);
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
