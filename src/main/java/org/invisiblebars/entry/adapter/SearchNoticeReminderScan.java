package org.invisiblebars.entry.adapter;

import java.util.UUID;
import org.invisiblebars.entry.usecase.SearchNoticeReminders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every {@code invisible-bars.mail.reminder-interval} on every node: reminds the organisations
 * whose scheduled visit starts within a week and whose search notice still awaits a
 * representative's acknowledgement ({@link SearchNoticeReminders}); a reminder already sent, here
 * or on another node, is skipped.
 */
@Component
class SearchNoticeReminderScan {

  private static final Logger LOG = LoggerFactory.getLogger(SearchNoticeReminderScan.class);

  private final SearchNoticeReminders reminders;

  SearchNoticeReminderScan(SearchNoticeReminders reminders) {
    this.reminders = reminders;
  }

  @Scheduled(
      fixedDelayString = "${invisible-bars.mail.reminder-interval:PT15M}",
      initialDelayString = "PT1M")
  void scheduled() {
    try {
      scan();
    } catch (RuntimeException e) {
      LOG.warn("Search notice reminder scan failed; the next scan retries", e);
    }
  }

  /** Sends the reminders due now that were not sent yet; how many this scan sent. */
  int scan() {
    int sent = 0;
    for (UUID visit : reminders.awaitingAcknowledgement()) {
      try {
        reminders.remind(visit);
        sent++;
      } catch (DataIntegrityViolationException alreadySent) {
        LOG.debug("Search notice reminder of visit {} was already sent", visit);
      }
    }
    return sent;
  }
}
