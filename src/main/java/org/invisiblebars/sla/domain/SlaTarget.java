package org.invisiblebars.sla.domain;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * A task's service-level target: how long it may take (counted in working days, Monday to Friday,
 * when {@code workingDays} is set), how long before the due date it counts as at risk, and the
 * group a breach is escalated to.
 */
public record SlaTarget(
    Duration target, boolean workingDays, Duration atRisk, String escalationGroup) {

  public SlaTarget {
    if (target.isNegative() || target.isZero()) {
      throw new IllegalArgumentException("an SLA target must be positive: " + target);
    }
    if (workingDays
        && target.toHoursPart() + target.toMinutesPart() + target.toSecondsPart() != 0) {
      throw new IllegalArgumentException("a target in working days must be whole days: " + target);
    }
  }

  /**
   * Parses the ISO 8601 durations of the decision's outputs, e.g. {@code P10D} or {@code PT24H}.
   */
  public static SlaTarget of(
      String target, boolean workingDays, String atRisk, String escalationGroup) {
    return new SlaTarget(
        Duration.parse(target), workingDays, Duration.parse(atRisk), escalationGroup);
  }

  /** When a task created at {@code created} is due, in the administration's time zone. */
  public Instant dueFrom(Instant created, ZoneId zone) {
    if (!workingDays) {
      return created.plus(target);
    }
    ZonedDateTime due = created.atZone(zone);
    long days = target.toDays();
    while (days > 0) {
      due = due.plusDays(1);
      if (due.getDayOfWeek() != DayOfWeek.SATURDAY && due.getDayOfWeek() != DayOfWeek.SUNDAY) {
        days--;
      }
    }
    return due.toInstant();
  }

  /** From when a task due at {@code due} counts as at risk. */
  public Instant atRiskFrom(Instant due) {
    return due.minus(atRisk);
  }
}
