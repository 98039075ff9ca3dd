package org.invisiblebars.accreditation.adapter.process;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.invisiblebars.accreditation.usecase.AccreditationProcess;
import org.invisiblebars.accreditation.usecase.AccreditationProcess.Element;
import org.invisiblebars.accreditation.usecase.DeadlineReminders;
import org.invisiblebars.accreditation.usecase.DeadlineReminders.Offset;
import org.invisiblebars.platform.mail.Notice;
import org.invisiblebars.platform.process.TimerDeadlines;
import org.invisiblebars.platform.process.TimerDeadlines.Due;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Finds the accreditations' deadlines that end a right when missed, read from the due dates of the
 * process's timers (so a process owner's change of a period is the date reminded), and has the
 * organisation reminded a week before and the day before ({@link DeadlineReminders}). Runs on every
 * node; a reminder already sent, here or elsewhere, is skipped.
 */
@Component
class DeadlineReminderScan {

  private static final Logger LOG = LoggerFactory.getLogger(DeadlineReminderScan.class);

  /** The timers that end a right, and what the organisation gives before them. */
  private static final Map<String, String> AWAITED =
      Map.of(
          Element.INFORMATION_OVERDUE, "information",
          Element.MOU_ANSWER_OVERDUE, "mou-agreement",
          Element.COUNTERSIGNATURE_OVERDUE, "countersignature",
          Element.TERM_ENDED, DeadlineReminders.RENEWAL);

  private final TimerDeadlines timers;
  private final DeadlineReminders reminders;
  private final Clock clock;

  DeadlineReminderScan(TimerDeadlines timers, DeadlineReminders reminders, Clock clock) {
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
      LOG.warn("Deadline reminder scan failed; the next scan retries", e);
    }
  }

  /** Sends the reminders due now that were not sent yet; returns how many this scan sent. */
  int scan() {
    Instant now = clock.instant();
    int sent = 0;
    for (Map.Entry<String, String> timer : AWAITED.entrySet()) {
      for (Due due :
          timers.within(
              AccreditationProcess.KEY,
              timer.getKey(),
              AccreditationProcess.Variable.ACCREDITATION_ID,
              now,
              Notice.REMINDER_AHEAD)) {
        Offset offset =
            Notice.reminderKind(now, due.deadline()).equals("reminder-day")
                ? Offset.DAY
                : Offset.WEEK;
        try {
          if (reminders.remind(
              UUID.fromString(due.caseId()), timer.getValue(), due.deadline(), offset)) {
            sent++;
          }
        } catch (DataIntegrityViolationException alreadySent) {
          LOG.debug("Reminder of {} ({}) was already sent", due.caseId(), offset);
        }
      }
    }
    return sent;
  }
}
