package org.invisiblebars.portal.adapter.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.invisiblebars.platform.language.Languages;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Dates and times as the portal's pages write them ({@code ${@portalDates.at(...)}}): in words, in
 * the page's language (1 December 2026, 1 décembre 2026, 1 de diciembre de 2026), with the zone
 * named. What belongs to a facility (a visit's window, its deadlines) is written in the facility's
 * zone, the way people there read their clocks; what belongs to no one place (an accreditation's
 * deadlines) in UTC.
 */
@Component("portalDates")
class PortalDates {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

  private final MessageSource messages;

  PortalDates(MessageSource messages) {
    this.messages = messages;
  }

  /** In UTC, named. */
  public String at(Instant instant) {
    return instant == null ? "" : at(instant.atZone(ZoneOffset.UTC)) + " UTC";
  }

  /** In {@code zone} (an IANA id; UTC when null), named: "3 December 2026, 09:00 Europe/Paris". */
  public String at(Instant instant, String zone) {
    if (instant == null) {
      return "";
    }
    if (zone == null) {
      return at(instant);
    }
    return at(instant.atZone(ZoneId.of(zone))) + " " + zone;
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
        from.toLocalDate().equals(until.toLocalDate()) ? TIME.format(until) : dayAt(until);
    return messages.getMessage(
            "common.range", new Object[] {dayAt(from), last}, LocaleContextHolder.getLocale())
        + " "
        + zone;
  }

  public String on(LocalDate date) {
    return date == null
        ? ""
        : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale()).format(date);
  }

  private String at(ZonedDateTime time) {
    return on(time.toLocalDate()) + ", " + TIME.format(time);
  }

  private String dayAt(ZonedDateTime time) {
    return DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale()).format(time)
        + ", "
        + TIME.format(time);
  }

  /** The page's language; English dates in the British order, day before month. */
  private static Locale locale() {
    Locale language = Languages.of(LocaleContextHolder.getLocale());
    return language.equals(Locale.ENGLISH) ? Locale.UK : language;
  }
}
