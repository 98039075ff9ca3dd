package org.invisiblebars.platform.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * A date and time as entered: local to the facility or an instant; a local time in a
 * daylight-saving gap or overlap names no single instant and says why.
 */
class DateTimeInputTest {

  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final ObjectMapper JSON = new ObjectMapper();

  record Window(DateTimeInput start) {}

  @Test
  void localTimeIsReadInTheFacilitysZone() {
    DateTimeInput winter = DateTimeInput.parse("2026-12-03T09:00");
    assertThat(winter.isLocal()).isTrue();
    assertThat(winter.problemIn(PARIS)).isEmpty();
    assertThat(winter.in(PARIS)).isEqualTo(Instant.parse("2026-12-03T08:00:00Z"));
    assertThat(DateTimeInput.parse("2026-07-03T09:00").in(PARIS))
        .isEqualTo(Instant.parse("2026-07-03T07:00:00Z"));
    assertThat(winter.in(ZoneId.of("UTC"))).isEqualTo(Instant.parse("2026-12-03T09:00:00Z"));
  }

  @Test
  void instantOrOffsetIsTheSameWhateverTheZone() {
    DateTimeInput utc = DateTimeInput.parse("2026-12-03T09:00:00Z");
    DateTimeInput offset = DateTimeInput.parse("2026-12-03T10:00+01:00");
    assertThat(utc.isLocal()).isFalse();
    assertThat(utc.in(PARIS)).isEqualTo(Instant.parse("2026-12-03T09:00:00Z"));
    assertThat(offset.in(PARIS)).isEqualTo(utc.in(ZoneId.of("Asia/Tokyo")));
    assertThat(offset.problemIn(PARIS)).isEmpty();
  }

  @Test
  void localTimeTheClocksSkipDoesNotExist() {
    // last Sunday of March 2026: Paris goes from 02:00 to 03:00
    DateTimeInput gap = DateTimeInput.parse("2026-03-29T02:30");
    assertThat(gap.problemIn(PARIS))
        .hasValue(
            "does not exist in Europe/Paris: the clocks go forward from 02:00 to 03:00 that day;"
                + " give another time");
    assertThatThrownBy(() -> gap.in(PARIS)).isInstanceOf(DateTimeException.class);
    assertThat(DateTimeInput.parse("2026-03-29T03:00").in(PARIS))
        .isEqualTo(Instant.parse("2026-03-29T01:00:00Z"));
    assertThat(gap.problemIn(ZoneId.of("UTC"))).isEmpty();
  }

  @Test
  void localTimeTheClocksPassTwiceIsAmbiguousUnlessItsOffsetIsGiven() {
    // last Sunday of October 2026: Paris goes back from 03:00 to 02:00
    DateTimeInput overlap = DateTimeInput.parse("2026-10-25T02:30");
    assertThat(overlap.problemIn(PARIS))
        .hasValue(
            "happens twice in Europe/Paris: the clocks go back from 03:00 to 02:00 that day;"
                + " give it with its offset, 2026-10-25T02:30+02:00 (the first) or"
                + " 2026-10-25T02:30+01:00 (the second)");
    assertThat(DateTimeInput.parse("2026-10-25T02:30+01:00").in(PARIS))
        .isEqualTo(Instant.parse("2026-10-25T01:30:00Z"));
  }

  @Test
  void jsonTakesBothFormsAndRefusesOthersAsItsOwnType() throws Exception {
    assertThat(JSON.readValue("{\"start\":\"2026-12-03T09:00\"}", Window.class).start())
        .isEqualTo(DateTimeInput.parse("2026-12-03T09:00"));
    assertThat(JSON.writeValueAsString(new Window(DateTimeInput.parse("2026-12-03T09:00:00Z"))))
        .isEqualTo("{\"start\":\"2026-12-03T09:00:00Z\"}");
    assertThatThrownBy(() -> JSON.readValue("{\"start\":\"3 December\"}", Window.class))
        .isInstanceOfSatisfying(
            InvalidFormatException.class,
            e -> {
              assertThat(e.getTargetType()).isEqualTo(DateTimeInput.class);
              assertThat(e.getPath().get(0).getFieldName()).isEqualTo("start");
            });
    assertThatThrownBy(() -> JSON.readValue("{\"start\":20261203}", Window.class))
        .isInstanceOfSatisfying(
            MismatchedInputException.class,
            e -> assertThat(e.getTargetType()).isEqualTo(DateTimeInput.class));
    assertThatThrownBy(() -> DateTimeInput.parse("2026-12-03T09:00[Europe/Paris]"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(DateTimeInput.EXPECTED);
  }
}
