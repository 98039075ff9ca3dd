package org.invisiblebars.sla.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class SlaTargetTest {

  private static final ZoneId UTC = ZoneId.of("UTC");

  @Test
  void workingDaysSkipTheWeekend() {
    Instant friday = Instant.parse("2026-11-27T10:00:00Z");
    assertThat(SlaTarget.of("P1D", true, "PT4H", "manager").dueFrom(friday, UTC))
        .isEqualTo(Instant.parse("2026-11-30T10:00:00Z"));
    assertThat(SlaTarget.of("P10D", true, "P2D", "director").dueFrom(friday, UTC))
        .isEqualTo(Instant.parse("2026-12-11T10:00:00Z"));
  }

  @Test
  void calendarTargetsAreAddedAsTheyAre() {
    Instant saturday = Instant.parse("2026-11-28T22:00:00Z");
    SlaTarget allegation = SlaTarget.of("PT24H", false, "PT6H", "director");
    Instant due = allegation.dueFrom(saturday, UTC);
    assertThat(due).isEqualTo(Instant.parse("2026-11-29T22:00:00Z"));
    assertThat(allegation.atRiskFrom(due)).isEqualTo(Instant.parse("2026-11-29T16:00:00Z"));
  }

  @Test
  void workingDayTargetsAreWholeDays() {
    assertThatThrownBy(() -> SlaTarget.of("PT36H", true, "PT1H", "manager"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SlaTarget.of("PT0S", false, "PT1H", "manager"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
