package org.invisiblebars.entry.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How the MoU's clauses, written by people, are read for the scope check. */
class MouScopeTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Tuesdays and Thursdays|TUESDAY,THURSDAY",
        "Monday to Friday|MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY",
        "Mon–Wed, Sat|MONDAY,TUESDAY,WEDNESDAY,SATURDAY",
        "weekdays|MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY",
        "every day|MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY,SATURDAY,SUNDAY",
        "Friday - Monday|FRIDAY,SATURDAY,SUNDAY,MONDAY"
      })
  void daysAreReadFromNamesRangesAndWords(String text, String expected) {
    EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    for (String day : expected.split(",")) {
      days.add(DayOfWeek.valueOf(day));
    }
    assertThat(MouScope.days(text)).contains(days);
  }

  @Test
  void textWithoutDaysIsUnreadable() {
    assertThat(MouScope.days("when convenient")).isEmpty();
    assertThat(MouScope.days(null)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"09:00–16:00|09:00|16:00", "9.30 to 12.00|09:30|12:00", "10h00-17h30|10:00|17:30"})
  void hoursAreReadAsAWindow(String text, String from, String until) {
    MouScope scope = MouScope.of("Monday", text, "", "");
    assertThat(scope.from()).contains(LocalTime.parse(from));
    assertThat(scope.until()).contains(LocalTime.parse(until));
    assertThat(scope.allowsHours(LocalTime.parse(from), LocalTime.parse(until))).isTrue();
    assertThat(scope.allowsHours(LocalTime.parse(from).minusMinutes(1), LocalTime.parse(until)))
        .isFalse();
  }

  @Test
  void hoursThatEndBeforeTheyStartAreUnreadable() {
    assertThat(MouScope.of("Monday", "16:00-09:00", "", "").from()).isEmpty();
  }

  @Test
  void listsIgnoreCaseSpacingBulletsAndNone() {
    MouScope scope =
        MouScope.of("Monday", "09:00-10:00", "• Monitoring  visit.\nInterviews", "none");
    assertThat(scope.allowsActivity("monitoring visit")).isTrue();
    assertThat(scope.allowsActivity("Interviews")).isTrue();
    assertThat(scope.allowsActivity("Photography")).isFalse();
    assertThat(scope.excludedAreas()).isEmpty();
  }
}
