package org.invisiblebars.report.adapter.process;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.invisiblebars.platform.mail.Notice;
import org.invisiblebars.platform.process.TimerDeadlines;
import org.invisiblebars.platform.process.TimerDeadlines.Due;
import org.invisiblebars.report.usecase.ExtensionReminders;
import org.invisiblebars.report.usecase.ReportReviewProcess;
import org.invisiblebars.report.usecase.ReportReviewProcess.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Finds the reports whose review period ends within a week, read from the due date of the process's
 * timer (the date the engine releases the report on), and has their organisation reminded of the
 * director's extension request it has not answered ({@link ExtensionReminders}). Runs on every
 * node; a reminder already sent, here or elsewhere, is skipped.
 */
@Component
class ExtensionReminderScan {

  private static final Logger LOG = LoggerFactory.getLogger(ExtensionReminderScan.class);

  private final TimerDeadlines timers;
  private final ExtensionReminders reminders;
  private final Clock clock;

  ExtensionReminderScan(TimerDeadlines timers, ExtensionReminders reminders, Clock clock) {
    this.timers = timers;
    this.reminders = reminders;
    this.clock = clock;
  }

  @Scheduled(
      fixedDelayString = "${invisible-bars.mail.reminder-interval:PT15M}",
      initialDelayString = "PT1M")
  void scheduled() {
    try {
      scan();
    } catch (RuntimeException e) {
      LOG.warn("Extension reminder scan failed; the next scan retries", e);
    }
  }

  /** Sends the reminders due now that were not sent yet; returns how many this scan sent. */
  int scan() {
    Instant now = clock.instant();
    int sent = 0;
    for (Due due :
        timers.within(
            ReportReviewProcess.KEY,
            Element.REVIEW_PERIOD_ENDED,
            ReportReviewProcess.Variable.REPORT_ID,
            now,
            Notice.REMINDER_AHEAD)) {
      try {
        if (reminders.remind(UUID.fromString(due.caseId()), due.deadline(), now)) {
          sent++;
        }
      } catch (DataIntegrityViolationException alreadySent) {
        LOG.debug("Extension reminder of report {} was already sent", due.caseId());
      }
    }
    return sent;
  }
}
