package org.invisiblebars.entry.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.invisiblebars.entry.usecase.VisitProcessPort.Deadlines;
import org.junit.jupiter.api.Test;

/** The timers' and decision tasks' dates of a visit, at ordinary and at short notice. */
class VisitDeadlinesTest {

  private static final Instant NOW = Instant.parse("2030-12-10T08:00:00Z");
  private static final EntrySettings SETTINGS =
      new EntrySettings(
          Duration.ofDays(3),
          Duration.ofHours(48),
          Duration.ofHours(1),
          Duration.ofHours(2),
          Duration.ofHours(1),
          ZoneId.of("UTC"));

  @Test
  void aVisitRequestedInGoodTimeEscalates48HoursBeforeItsWindowAsBefore() {
    Instant start = NOW.plus(5, ChronoUnit.DAYS);

    Deadlines d =
        RequestVisit.deadlines(true, start, start.plus(4, ChronoUnit.HOURS), NOW, SETTINGS);

    assertThat(d.escalateAt()).isEqualTo(start.minus(48, ChronoUnit.HOURS));
    assertThat(d.gateOpensAt()).isEqualTo(start.minus(2, ChronoUnit.HOURS));
    assertThat(d.windowEndsAt()).isEqualTo(start.plus(4, ChronoUnit.HOURS));
    assertThat(d.checkOutAlertAt()).isEqualTo(start.plus(5, ChronoUnit.HOURS));
  }

  @Test
  void atShortNoticeTheDecisionsAreNeverDueBeforeTheyAreAsked() {
    for (Duration notice :
        List.of(
            Duration.ofHours(47),
            Duration.ofHours(48),
            Duration.ofHours(6),
            Duration.ofHours(1),
            Duration.ofMinutes(10))) {
      Instant start = NOW.plus(notice);

      Deadlines d =
          RequestVisit.deadlines(true, start, start.plus(3, ChronoUnit.HOURS), NOW, SETTINGS);

      assertThat(d.escalateAt())
          .as("escalation of a visit %s ahead", notice)
          .isAfter(NOW)
          .isAfterOrEqualTo(
              NOW.plus(
                  notice.dividedBy(2).compareTo(Duration.ofHours(1)) < 0
                      ? notice.dividedBy(2)
                      : Duration.ofHours(1)))
          .isBefore(start);
    }
    Instant inSixHours = NOW.plus(6, ChronoUnit.HOURS);
    assertThat(
            RequestVisit.deadlines(
                    true, inSixHours, inSixHours.plus(1, ChronoUnit.HOURS), NOW, SETTINGS)
                .escalateAt())
        .as("an hour to decide, then the director has until the gate opens")
        .isEqualTo(NOW.plus(1, ChronoUnit.HOURS));
  }

  @Test
  void anUnannouncedVisitIsAtTheGateAtOnce() {
    Instant end = NOW.plus(3, ChronoUnit.HOURS);

    Deadlines d = RequestVisit.deadlines(false, NOW, end, NOW, SETTINGS);

    assertThat(d.gateOpensAt()).isEqualTo(NOW);
    assertThat(d.windowEndsAt()).isEqualTo(end);
    assertThat(d.checkOutAlertAt()).isEqualTo(end.plus(1, ChronoUnit.HOURS));
  }
}
