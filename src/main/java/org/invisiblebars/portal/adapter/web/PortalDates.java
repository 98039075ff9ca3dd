package org.invisiblebars.portal.adapter.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Dates and times as the portal's pages write them ({@code ${@portalDates.at(...)}}): in words,
 * with the zone named. Times are in UTC until the pages show each facility's local time.
 */
@Component("portalDates")
class PortalDates {

  private static final DateTimeFormatter AT =
      DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.UK).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter ON = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  public String at(Instant instant) {
    return instant == null ? "" : AT.format(instant);
  }

  public String on(LocalDate date) {
    return date == null ? "" : ON.format(date);
  }
}
