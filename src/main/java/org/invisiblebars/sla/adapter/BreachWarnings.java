package org.invisiblebars.sla.adapter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.invisiblebars.platform.mail.Notice;
import org.invisiblebars.platform.mail.Notifications;
import org.invisiblebars.platform.task.CaseLabel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Warns the candidate groups of a task that approaches its breach: once 80 % of the time between
 * its creation and its due date (which the SLA policy set, {@link SlaDueDates}) has passed, each
 * member is told once per task ({@code task-breach-near}, with the task's Tasklist link), before
 * the breach scan escalates it. Runs on every node beside {@link BreachScan}; the warning is
 * recorded under the task's id in the same transaction as its notice, so the first node wins and
 * another node, a second scan or a restart sends nothing more.
 */
@Component
class BreachWarnings {

  static final String KIND = "task-breach-near";

  /** The share of a task's time after which its group is warned, in percent. */
  static final int WARN_AT_PERCENT = 80;

  /** The tasks looked at in one scan: due within this horizon, soonest first. */
  static final Duration HORIZON = Duration.ofDays(30);

  static final int BATCH = 500;

  private static final Logger LOG = LoggerFactory.getLogger(BreachWarnings.class);

  private final TaskService tasks;
  private final Notifications notifications;
  private final TransactionTemplate eachWarning;
  private final Clock clock;

  /** The administration\'s zone, in which staff read a due time. */
  private final ZoneId zone;

  BreachWarnings(
      TaskService tasks,
      Notifications notifications,
      PlatformTransactionManager transactions,
      Clock clock,
      @Value("${invisible-bars.facilities.default-zone:UTC}") ZoneId zone) {
    this.zone = zone;
    this.tasks = tasks;
    this.notifications = notifications;
    this.eachWarning = new TransactionTemplate(transactions);
    this.eachWarning.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
  }

  @Scheduled(
      fixedDelayString = "${invisible-bars.sla.warning-interval:PT5M}",
      initialDelayString = "PT30S")
  void scheduled() {
    try {
      scan();
    } catch (RuntimeException e) {
      LOG.warn("Approaching-breach scan failed; the next scan retries", e);
    }
  }

  /** Warns of the tasks that passed 80 % of their time and were not warned of yet; how many. */
  int scan() {
    Instant now = clock.instant();
    List<Task> dueSoon =
        tasks
            .createTaskQuery()
            .dueAfter(Date.from(now))
            .dueBefore(Date.from(now.plus(HORIZON)))
            .orderByDueDate()
            .asc()
            .listPage(0, BATCH);
    int warned = 0;
    for (Task task : dueSoon) {
      if (!near(task, now)) {
        continue;
      }
      try {
        eachWarning.executeWithoutResult(status -> warn(task));
        warned++;
      } catch (DataIntegrityViolationException warnedAlready) {
        LOG.debug("Task {} was already warned of", task.getId());
      }
    }
    return warned;
  }

  /** Whether {@code task} has used 80 % of its time at {@code now}. */
  static boolean near(Task task, Instant now) {
    Instant created = task.getCreateTime().toInstant();
    Instant due = task.getDueDate().toInstant();
    Duration allowed = Duration.between(created, due);
    return !now.isBefore(created.plus(allowed.multipliedBy(WARN_AT_PERCENT).dividedBy(100)));
  }

  private void warn(Task task) {
    Set<String> groups = new LinkedHashSet<>();
    for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
        groups.add(link.getGroupId());
      }
    }
    Map<String, Object> label =
        tasks.getVariablesLocal(
            task.getId(), List.of(CaseLabel.REFERENCE, CaseLabel.ORGANISATION, CaseLabel.FACILITY));
    List<String> told = task.getAssignee() == null ? List.of() : List.of(task.getAssignee());
    Notice notice =
        Notice.of(
            KIND,
            Notifications.taskPath(task.getId()),
            task.getName(),
            text(label.get(CaseLabel.REFERENCE)),
            text(label.get(CaseLabel.ORGANISATION)),
            text(label.get(CaseLabel.FACILITY)),
            Notice.at(task.getDueDate().toInstant(), zone));
    if (groups.isEmpty()) {
      notifications.tellUsersOnce(KIND + ":" + task.getId(), told, notice);
    } else {
      notifications.tellGroupsOnce(KIND + ":" + task.getId(), groups, notice);
    }
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }
}
