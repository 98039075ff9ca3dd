package org.invisiblebars.portal.adapter.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.UUID;
import org.invisiblebars.facility.usecase.ManageFacilities;
import org.invisiblebars.platform.language.Languages;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Dates and times as the portal's pages write them ({@code ${@portalDates.at(...)}}): in words, in
 * the page's language (1 December 2026, 1 décembre 2026, 1 de diciembre de 2026), with the zone
 * named. What belongs to a facility (a visit's window, its deadlines, a report's review period) is
 * written in the facility's zone, the way people there read their clocks; what belongs to several
 * (an accreditation's deadlines, its MoU) in theirs when they share one, else in the
 * administration's ({@code invisible-bars.facilities.default-zone}).
 */
@Component("portalDates")
class PortalDates {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

  private final MessageSource messages;
  private final ManageFacilities facilities;

  PortalDates(MessageSource messages, ManageFacilities facilities) {
    this.messages = messages;
    this.facilities = facilities;
  }

  /** In the administration's zone, named. */
  public String at(Instant instant) {
    return at(instant, facilities.defaultZone().getId());
  }

  /**
   * In {@code zone} (an IANA id; the administration's when null), named: "3 December 2026, 09:00
   * Europe/Paris".
   */
  public String at(Instant instant, String zone) {
    if (instant == null) {
      return "";
    }
    String in = zone == null ? facilities.defaultZone().getId() : zone;
    return at(instant.atZone(ZoneId.of(in))) + " " + in;
  }

  /** In the zone of facility {@code facilityId}, named. */
  public String inFacility(Instant instant, UUID facilityId) {
    return instant == null ? "" : at(instant, facilities.get(facilityId).getZone().getId());
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
