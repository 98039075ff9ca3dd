package org.invisiblebars.platform.mail;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

/**
 * What to tell people: the kind of notification (which names its subject and text in the bundle
 * {@code mail/messages}: {@code <kind>.subject}, {@code <kind>.body}), the path of the page or task
 * it is about (made absolute with {@code invisible-bars.public-url}), and the values its texts show
 * ({@code {0}}, {@code {1}} … in the bundle). Values are names and references, never confidential
 * content: a mailbox is not the application.
 */
public record Notice(String kind, String path, List<String> values) {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  public static Notice of(String kind, String path, String... values) {
    return new Notice(kind, path, Arrays.asList(values));
  }

  /** How far ahead a reminder can come: a week. */
  public static final Duration REMINDER_AHEAD = Duration.ofDays(7);

  /**
   * The reminder due at {@code now} for {@code deadline}: {@code reminder-day} within a day, else
   * {@code reminder-week}.
   */
  public static String reminderKind(Instant now, Instant deadline) {
    return Duration.between(now, deadline).compareTo(Duration.ofDays(1)) <= 0
        ? "reminder-day"
        : "reminder-week";
  }

  /**
   * A moment as a notice shows it, the same in every language: on the clock of {@code zone}, the
   * zone named ("2026-12-08 17:00 Europe/Lisbon"), as the facility's people read their clocks.
   */
  public static String at(Instant instant, ZoneId zone) {
    return TIME.format(instant.atZone(zone)) + " " + zone.getId();
  }
}
