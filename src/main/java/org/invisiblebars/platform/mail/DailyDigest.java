package org.invisiblebars.platform.mail;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Once a day (at {@code invisible-bars.mail.digest-cron}, in {@code digest-zone}), gathers the new
 * tasks told to people who chose the daily digest into one message each ({@link Outbox#digest}).
 * Runs on every node: the conditional update that takes the waiting messages lets one node take
 * each, so a person receives one digest, never two.
 */
@Component
class DailyDigest {

  private static final Logger LOG = LoggerFactory.getLogger(DailyDigest.class);

  private final Outbox outbox;
  private final Clock clock;

  DailyDigest(Outbox outbox, Clock clock) {
    this.outbox = outbox;
    this.clock = clock;
  }

  @Scheduled(
      cron = "${invisible-bars.mail.digest-cron:0 0 7 * * *}",
      zone = "${invisible-bars.mail.digest-zone:UTC}")
  void scheduled() {
    try {
      int digests = send();
      LOG.info("Daily digest: {} messages stored", digests);
    } catch (RuntimeException e) {
      LOG.warn("Daily digest not stored; the tasks wait for the next one", e);
    }
  }

  /** Stores the digests of the tasks waiting now; how many. */
  int send() {
    return outbox.digest(clock.instant());
  }
}
