package org.invisiblebars.accreditation.adapter.process;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.invisiblebars.accreditation.usecase.AccreditationProcess;
import org.invisiblebars.accreditation.usecase.AccreditationProcess.Element;
import org.invisiblebars.accreditation.usecase.DeadlineReminders;
import org.invisiblebars.accreditation.usecase.DeadlineReminders.Offset;
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

  private final ManagementService management;
  private final RuntimeService runtime;
  private final DeadlineReminders reminders;
  private final Clock clock;

  DeadlineReminderScan(
      ManagementService management,
      RuntimeService runtime,
      DeadlineReminders reminders,
      Clock clock) {
    this.management = management;
    this.runtime = runtime;
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
      for (Job job :
          management
              .createJobQuery()
              .processDefinitionKey(AccreditationProcess.KEY)
              .activityId(timer.getKey())
              .timers()
              .duedateHigherThan(Date.from(now))
              .duedateLowerThan(Date.from(now.plus(Duration.ofDays(7))))
              .list()) {
        Instant deadline = job.getDuedate().toInstant();
        Offset offset =
            Duration.between(now, deadline).compareTo(Duration.ofDays(1)) <= 0
                ? Offset.DAY
                : Offset.WEEK;
        Object id =
            runtime.getVariable(
                job.getProcessInstanceId(), AccreditationProcess.Variable.ACCREDITATION_ID);
        if (id == null) {
          continue;
        }
        try {
          if (reminders.remind(
              UUID.fromString(id.toString()), timer.getValue(), deadline, offset)) {
            sent++;
          }
        } catch (DataIntegrityViolationException alreadySent) {
          LOG.debug("Reminder of job {} ({}) was already sent", job.getId(), offset);
        }
      }
    }
    return sent;
  }
}
