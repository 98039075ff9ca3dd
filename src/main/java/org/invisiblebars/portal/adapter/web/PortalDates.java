package org.invisiblebars.portal.adapter.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.invisiblebars.platform.language.Languages;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Dates and times as the portal's pages write them ({@code ${@portalDates.at(...)}}): in words, in
 * the page's language (1 December 2026, 1 décembre 2026, 1 de diciembre de 2026), with the zone
 * named. Times are in UTC until the pages show each facility's local time.
 */
@Component("portalDates")
class PortalDates {

  public String at(Instant instant) {
    return instant == null
        ? ""
        : on(instant.atZone(ZoneOffset.UTC).toLocalDate())
            + ", "
            + DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC).format(instant);
  }

  public String on(LocalDate date) {
    return date == null
        ? ""
        : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale()).format(date);
  }

  /** The page's language; English dates in the British order, day before month. */
  private static Locale locale() {
    Locale language = Languages.of(LocaleContextHolder.getLocale());
    return language.equals(Locale.ENGLISH) ? Locale.UK : language;
  }
}
