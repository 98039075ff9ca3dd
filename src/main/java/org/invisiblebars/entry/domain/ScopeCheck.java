package org.invisiblebars.entry.domain;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.invisiblebars.facility.domain.Facility;

/**
 * Whether a visit stays inside what the organisation may do: an accreditation in force (or a
 * registered mandate), representatives cleared and named in the MoU, the facility, activity, days
 * and hours of the MoU, no excluded area, and the minimum notice. Every violated rule is listed, so
 * the organisation can correct them all at once. A formal monitor (NPM, ICRC) is held only to its
 * registered mandate and the people it names: never to an accreditation, an MoU or a notice.
 */
public final class ScopeCheck {

  private ScopeCheck() {}

  /**
   * What the visit is checked against, gathered from the accreditation, the MoU and the facility.
   */
  public record Entitlement(
      /** Empty when the accreditation or mandate is in force, else why not. */
      Optional<String> standingProblem,
      /**
       * Representatives the organisation may send: cleared and named in the MoU, or named in the
       * mandate.
       */
      Set<UUID> permittedRepresentatives,
      /**
       * Facilities of the accreditation; empty for a formal mandate, which covers every place of
       * detention.
       */
      Set<UUID> permittedFacilities,
      /** The MoU's scope; empty for a formal mandate. */
      Optional<MouScope> mou) {}

  public static List<String> violations(
      Visit visit,
      Entitlement entitlement,
      Facility facility,
      Map<UUID, String> representativeNames,
      ZoneId zone,
      Duration minimumNotice) {
    List<String> violations = new ArrayList<>();
    entitlement.standingProblem().ifPresent(violations::add);
    for (UUID representative : visit.representativeIds()) {
      if (!entitlement.permittedRepresentatives().contains(representative)) {
        String name = representativeNames.getOrDefault(representative, representative.toString());
        violations.add(
            visit.getMandateType().isFormal()
                ? "Representative " + name + " is not named in the registered mandate."
                : "Representative " + name + " is not cleared by security and named in the MoU.");
      }
    }
    if (visit.getMandateType().isFormal()) {
      return violations;
    }
    if (!entitlement.permittedFacilities().contains(visit.getFacilityId())) {
      violations.add(facility.getName() + " is not among the facilities of the accreditation.");
    }
    ZonedDateTime start = visit.getWindowStart().atZone(zone);
    ZonedDateTime end = visit.getWindowEnd().atZone(zone);
    DayOfWeek day = start.getDayOfWeek();
    entitlement
        .mou()
        .ifPresent(
            mou ->
                mouViolations(visit, mou, day, start.toLocalTime(), end.toLocalTime(), violations));
    if (!facility.getVisitingDays().contains(day)) {
      violations.add(
          facility.getName()
              + " receives visits on "
              + days(facility.getVisitingDays())
              + ", not on "
              + name(day)
              + ".");
    }
    if (start.toLocalTime().isBefore(facility.getVisitingFrom())
        || end.toLocalTime().isAfter(facility.getVisitingUntil())) {
      violations.add(
          "The window "
              + window(start, end)
              + " is outside the visiting hours of "
              + facility.getName()
              + " ("
              + facility.getVisitingFrom()
              + "–"
              + facility.getVisitingUntil()
              + ").");
    }
    Duration notice = Duration.between(visit.getRequestedAt(), visit.getWindowStart());
    if (notice.compareTo(minimumNotice) < 0) {
      violations.add(
          "The request gives "
              + hours(notice)
              + " notice; at least "
              + hours(minimumNotice)
              + " notice is required.");
    }
    return violations;
  }

  private static void mouViolations(
      Visit visit,
      MouScope mou,
      DayOfWeek day,
      LocalTime start,
      LocalTime end,
      List<String> violations) {
    if (!mou.allowsActivity(visit.getActivity())) {
      violations.add(
          "The activity \""
              + visit.getActivity()
              + "\" is not among the MoU's allowed activities ("
              + (mou.activities().isEmpty() ? "none listed" : String.join("; ", mou.activities()))
              + ").");
    }
    if (mou.days().isEmpty()) {
      violations.add(
          "The MoU's days (\""
              + mou.daysText()
              + "\") cannot be read; the liaison officer must correct the MoU.");
    } else if (!mou.allowsDay(day)) {
      violations.add(
          "The visit falls on " + name(day) + "; the MoU allows " + days(mou.days().get()) + ".");
    }
    if (mou.from().isEmpty()) {
      violations.add(
          "The MoU's hours (\""
              + mou.hoursText()
              + "\") cannot be read; the liaison officer must correct the MoU.");
    } else if (!mou.allowsHours(start, end)) {
      violations.add(
          "The window "
              + start
              + "–"
              + end
              + " is outside the MoU's hours ("
              + mou.from().get()
              + "–"
              + mou.until().get()
              + ").");
    }
    for (String area : visit.getAreas()) {
      if (mou.excludes(area)) {
        violations.add("The area \"" + area + "\" is excluded by the MoU.");
      }
    }
  }

  private static String window(ZonedDateTime start, ZonedDateTime end) {
    return start.toLocalTime() + "–" + end.toLocalTime();
  }

  private static String hours(Duration duration) {
    long hours = duration.toHours();
    return hours >= 48 && hours % 24 == 0 ? hours / 24 + " days'" : Math.max(hours, 0) + " hours'";
  }

  private static String days(Set<DayOfWeek> days) {
    return days.stream().sorted().map(ScopeCheck::name).collect(Collectors.joining(", "));
  }

  private static String name(DayOfWeek day) {
    return day.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
  }
}
