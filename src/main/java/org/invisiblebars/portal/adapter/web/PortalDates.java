package org.invisiblebars.portal.adapter.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Dates and times as the portal's pages write them ({@code ${@portalDates.at(...)}}): in words,
 * with the zone named. What belongs to a facility (a visit's window, its deadlines) is written in
 * the facility's zone, the way people there read their clocks; what belongs to no one place (an
 * accreditation's deadlines) in UTC.
 */
@Component("portalDates")
class PortalDates {

  private static final DateTimeFormatter AT =
      DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.UK);
  private static final DateTimeFormatter DAY_AT =
      DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.UK);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);
  private static final DateTimeFormatter ON = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  /** In UTC, named. */
  public String at(Instant instant) {
    return instant == null ? "" : AT.format(instant.atZone(ZoneOffset.UTC)) + " UTC";
  }

  /** In {@code zone} (an IANA id; UTC when null), named: "3 December 2026, 09:00 Europe/Paris". */
  public String at(Instant instant, String zone) {
    if (instant == null) {
      return "";
    }
    if (zone == null) {
      return at(instant);
    }
    return AT.format(instant.atZone(ZoneId.of(zone))) + " " + zone;
  }

  /**
   * A visit's window in its facility's zone, named once: "Thursday 3 December 2026, 09:00 to 12:00
   * Europe/Paris"; the end with its date when it falls on another day.
   */
  public String window(Instant start, Instant end, String zone) {
    ZoneId in = ZoneId.of(zone);
    ZonedDateTime from = start.atZone(in);
    ZonedDateTime until = end.atZone(in);
    String last =
        from.toLocalDate().equals(until.toLocalDate()) ? TIME.format(until) : DAY_AT.format(until);
    return DAY_AT.format(from) + " to " + last + " " + zone;
  }

  public String on(LocalDate date) {
    return date == null ? "" : ON.format(date);
  }
}
