package org.invisiblebars.portal.adapter.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * The days left of a report's confidential review period as the report page writes them ({@code
 * ${@reportPeriods.daysLeft(...)}}): whole days, a part of a day counting as one, none once over.
 */
@Component("reportPeriods")
class ReportPeriods {

  private final Clock clock;

  ReportPeriods(Clock clock) {
    this.clock = clock;
  }

  public long daysLeft(Instant end) {
    if (end == null) {
      return 0;
    }
    Duration left = Duration.between(clock.instant(), end);
    if (left.isNegative() || left.isZero()) {
      return 0;
    }
    long days = left.toDays();
    return left.minusDays(days).isZero() ? days : days + 1;
  }
}
