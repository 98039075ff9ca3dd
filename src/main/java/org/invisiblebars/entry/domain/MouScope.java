package org.invisiblebars.entry.domain;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an MoU allows a visit, read from the clauses the liaison officer wrote: the days ("Tuesdays
 * and Thursdays", "Monday to Friday", "weekdays"), the hours ("09:00–16:00"), the allowed
 * activities and the excluded areas (each a list separated by commas, semicolons or lines). A
 * clause that cannot be read allows nothing, and the scope check says so.
 */
public record MouScope(
    Optional<Set<DayOfWeek>> days,
    Optional<LocalTime> from,
    Optional<LocalTime> until,
    List<String> activities,
    List<String> excludedAreas,
    String daysText,
    String hoursText) {

  private static final String DAY = "(mon|tue|wed|thu|fri|sat|sun)[a-z]*";
  private static final Pattern DAY_RANGE =
      Pattern.compile(DAY + "\\s*(?:-|to|until|through)\\s*" + DAY);
  private static final Pattern DAY_NAME = Pattern.compile(DAY);
  private static final Pattern HOURS =
      Pattern.compile("(\\d{1,2})[:.h](\\d{2})\\s*(?:-|to|until)\\s*(\\d{1,2})[:.h](\\d{2})");
  private static final List<String> NONE = List.of("none", "no", "-", "n/a", "nil");

  public static MouScope of(String days, String hours, String activities, String excludedAreas) {
    Optional<LocalTime[]> window = hours(hours);
    return new MouScope(
        days(days),
        window.map(w -> w[0]),
        window.map(w -> w[1]),
        list(activities),
        list(excludedAreas),
        days,
        hours);
  }

  public boolean allowsDay(DayOfWeek day) {
    return days.map(d -> d.contains(day)).orElse(false);
  }

  public boolean allowsHours(LocalTime start, LocalTime end) {
    return from.isPresent()
        && until.isPresent()
        && !start.isBefore(from.get())
        && !end.isAfter(until.get());
  }

  public boolean allowsActivity(String activity) {
    return activities.contains(normalise(activity));
  }

  public boolean excludes(String area) {
    return excludedAreas.contains(normalise(area));
  }

  static Optional<Set<DayOfWeek>> days(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String days = text.toLowerCase(Locale.ROOT).replace('–', '-').replace('—', '-');
    Set<DayOfWeek> found = EnumSet.noneOf(DayOfWeek.class);
    if (days.matches(".*\\b(every day|daily|any day|all days|seven days)\\b.*")) {
      return Optional.of(EnumSet.allOf(DayOfWeek.class));
    }
    if (days.matches(".*\\bweekdays?\\b.*")) {
      found.addAll(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
    }
    if (days.matches(".*\\bweekends?\\b.*")) {
      found.addAll(EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
    }
    Matcher range = DAY_RANGE.matcher(days);
    while (range.find()) {
      DayOfWeek first = day(range.group(1));
      DayOfWeek last = day(range.group(2));
      for (DayOfWeek d = first; ; d = d.plus(1)) {
        found.add(d);
        if (d == last) {
          break;
        }
      }
    }
    Matcher name = DAY_NAME.matcher(DAY_RANGE.matcher(days).replaceAll(" "));
    while (name.find()) {
      found.add(day(name.group(1)));
    }
    return found.isEmpty() ? Optional.empty() : Optional.of(found);
  }

  static Optional<LocalTime[]> hours(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = HOURS.matcher(text.toLowerCase(Locale.ROOT).replace('–', '-').replace('—', '-'));
    if (!m.find()) {
      return Optional.empty();
    }
    try {
      LocalTime from = LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
      LocalTime until =
          "24".equals(m.group(3)) && "00".equals(m.group(4))
              ? LocalTime.MAX
              : LocalTime.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)));
      return from.isBefore(until) ? Optional.of(new LocalTime[] {from, until}) : Optional.empty();
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  static List<String> list(String text) {
    if (text == null) {
      return List.of();
    }
    List<String> items = new ArrayList<>();
    for (String item : text.split("[,;\\n]")) {
      String normalised = normalise(item);
      if (!normalised.isEmpty() && !NONE.contains(normalised)) {
        items.add(normalised);
      }
    }
    return List.copyOf(items);
  }

  /** Lower case, single spaces, no surrounding punctuation or list bullets. */
  public static String normalise(String text) {
    return text == null
        ? ""
        : text.toLowerCase(Locale.ROOT)
            .replaceAll("\\s+", " ")
            .replaceAll("^[\\s*•.\\-]+|[\\s.]+$", "")
            .trim();
  }

  private static DayOfWeek day(String prefix) {
    return Arrays.stream(DayOfWeek.values())
        .filter(d -> d.name().toLowerCase(Locale.ROOT).startsWith(prefix))
        .findFirst()
        .orElseThrow();
  }
}
