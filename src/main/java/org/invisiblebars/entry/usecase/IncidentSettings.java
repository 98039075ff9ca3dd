package org.invisiblebars.entry.usecase;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How long an organisation has to contest an incident recorded against its representatives (14 days
 * unless the administration configures otherwise): long enough to hear the representative, short
 * enough that security's next assessment does not wait for ever.
 */
@Component
public class IncidentSettings {

  private final Duration contestPeriod;

  IncidentSettings(
      @Value("${invisible-bars.entry.incident-contest-period:P14D}") Duration contestPeriod) {
    this.contestPeriod = contestPeriod;
  }

  public Duration contestPeriod() {
    return contestPeriod;
  }
}
