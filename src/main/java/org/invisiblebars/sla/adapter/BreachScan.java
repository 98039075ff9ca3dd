package org.invisiblebars.sla.adapter;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.invisiblebars.platform.mail.Notice;
import org.invisiblebars.platform.mail.Notifications;
import org.invisiblebars.platform.process.EngineInternals;
import org.invisiblebars.platform.process.EngineTaskTable;
import org.invisiblebars.platform.process.HeldDeployments;
import org.invisiblebars.platform.process.TaskCandidates;
import org.invisiblebars.platform.task.CaseLabel;
import org.invisiblebars.sla.domain.SlaBreach;
import org.invisiblebars.sla.domain.SlaBreachRepository;
import org.invisiblebars.sla.domain.SlaTarget;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records every task past its due date as a breach, exactly once, and escalates it: the task's
 * priority is raised and the policy's escalation group is told (the breach names it, and the group
 * reads it at {@code GET /api/v1/sla/escalations}). The escalation group becomes a candidate of the
 * task only where {@code escalation-takeover.dmn} says it may do that task's work: a candidate may
 * claim and complete, and a manager told of a late rating may not rate (issue 13). Runs on every
 * application node; the unique task id in {@code sla_breach} makes the first node's transaction win
 * and the others skip the task. The escalation group's members are told by e-mail, in the
 * transaction that records the breach.
 */
@Component
public class BreachScan {

  /** Priority of an escalated task (Camunda's default is 50). */
  static final int ESCALATED_PRIORITY = 90;

  static final int BATCH = 500;

  /** The notification the escalation group's members receive. */
  static final String ESCALATED = "task-escalated";

  /**
   * Overdue tasks without a breach yet, oldest due date first. Asking the engine for the overdue
   * tasks and skipping the recorded ones would, once a batch's worth of old breaches stays open,
   * return the same recorded tasks at every scan and never reach the new ones.
   */
  public static final String UNRECORDED_OVERDUE =
      EngineTaskTable.overdueWithoutSql(SlaBreach.TABLE, SlaBreach.TASK_ID);

  private static final Logger LOG = LoggerFactory.getLogger(BreachScan.class);

  private final TaskService tasks;
  private final RepositoryService repository;
  private final HeldDeployments held;
  private final RuntimeService runtime;
  private final EngineInternals engine;
  private final SlaBreachRepository breaches;
  private final TransactionTemplate eachBreach;
  private final SlaMetrics metrics;
  private final Clock clock;
  private final EngineTaskTable table;
  private final TaskCandidates candidates;
  private final Notifications notifications;

  BreachScan(
      TaskService tasks,
      RepositoryService repository,
      HeldDeployments held,
      RuntimeService runtime,
      EngineInternals engine,
      SlaBreachRepository breaches,
      PlatformTransactionManager transactions,
      SlaMetrics metrics,
      Clock clock,
      EngineTaskTable table,
      TaskCandidates candidates,
      Notifications notifications) {
    this.notifications = notifications;
    this.table = table;
    this.candidates = candidates;
    this.tasks = tasks;
    this.repository = repository;
    this.held = held;
    this.runtime = runtime;
    this.engine = engine;
    this.breaches = breaches;
    this.eachBreach = new TransactionTemplate(transactions);
    this.eachBreach.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.metrics = metrics;
    this.clock = clock;
  }

  /** Scans often enough that a breach is recorded within a minute of the due time. */
  @Scheduled(
      fixedDelayString = "${invisible-bars.sla.scan-interval:PT30S}",
      initialDelayString = "PT10S")
  void scheduled() {
    try {
      scan();
    } catch (RuntimeException e) {
      LOG.warn("SLA breach scan failed; the next scan retries", e);
    }
  }

  /**
   * Records and escalates the tasks that passed their due date; returns how many this node
   * recorded.
   */
  public int scan() {
    return scan(BATCH);
  }

  /** One scan of at most {@code batch} tasks; the rest wait for the next scan. */
  int scan(int batch) {
    Instant now = clock.instant();
    List<String> unrecorded = table.overdueWithout(SlaBreach.TABLE, SlaBreach.TASK_ID, now, batch);
    if (unrecorded.isEmpty()) {
      return 0;
    }
    List<Task> overdue =
        tasks
            .createTaskQuery()
            .taskIdIn(unrecorded.toArray(String[]::new))
            .orderByDueDate()
            .asc()
            .list();
    Map<String, String> processKeys = new HashMap<>();
    int count = 0;
    for (Task task : overdue) {
      String processKey =
          processKeys.computeIfAbsent(
              task.getProcessDefinitionId(),
              id -> id == null ? "standalone" : repository.getProcessDefinition(id).getKey());
      try {
        if (Boolean.TRUE.equals(eachBreach.execute(status -> record(task, processKey, now)))) {
          metrics.breachRecorded(processKey, task.getTaskDefinitionKey());
          count++;
        }
      } catch (DataIntegrityViolationException recordedElsewhere) {
        LOG.debug("Breach of task {} was recorded by another node", task.getId());
      } catch (OptimisticLockingException changedMeanwhile) {
        // The task changed under the escalation (a timer escalated it, on this node or another):
        // nothing was recorded; the next scan looks at it again.
        LOG.debug(
            "Task {} changed while its breach was recorded; the next scan retries", task.getId());
      }
    }
    return count;
  }

  /**
   * The task's name and its case's label (reference, organisation, facility), which the task
   * carries since it was created ({@link CaseLabel}); a task without (created before labels
   * existed, or of another process) is known by its instance's business key.
   */
  private void describe(SlaBreach breach, Task task, String businessKey) {
    Map<String, Object> label =
        tasks.getVariablesLocal(
            task.getId(), List.of(CaseLabel.REFERENCE, CaseLabel.ORGANISATION, CaseLabel.FACILITY));
    Object reference = label.get(CaseLabel.REFERENCE);
    breach.describe(
        task.getName(),
        reference == null ? businessKey : reference.toString(),
        (String) label.get(CaseLabel.ORGANISATION),
        (String) label.get(CaseLabel.FACILITY));
  }

  private boolean record(Task task, String processKey, Instant now) {
    SlaTarget target =
        SlaPolicyDecision.targetFor(
            engine, repository, held, processKey, task.getTaskDefinitionKey());
    // Locked: a visit's escalation timer may make the same group a candidate at the same moment.
    List<String> candidateGroups = candidates.lockAndReadGroups(task.getId());
    String groups = String.join(",", candidateGroups);
    String businessKey =
        task.getProcessInstanceId() == null
            ? null
            : runtime
                .createProcessInstanceQuery()
                .processInstanceId(task.getProcessInstanceId())
                .singleResult()
                .getBusinessKey();
    SlaBreach breach =
        new SlaBreach(
            task.getId(),
            processKey,
            task.getTaskDefinitionKey(),
            task.getProcessInstanceId(),
            businessKey,
            task.getAssignee(),
            groups,
            target.escalationGroup(),
            task.getDueDate().toInstant(),
            now);
    describe(breach, task, businessKey);
    breaches.saveAndFlush(breach);
    String escalation = target.escalationGroup();
    if (escalation != null && candidateGroups.contains(escalation)) {
      // The policy escalates the task to the group already late with it: a process owner's table
      // that the policy test (EscalationPolicyTest) would have refused. The breach still tells.
      LOG.warn(
          "SLA policy escalates {} of {} to {}, one of its own groups",
          task.getTaskDefinitionKey(),
          processKey,
          escalation);
    } else if (escalation != null
        && SlaPolicyDecision.takeOverGroups(
                engine, repository, held, processKey, task.getTaskDefinitionKey())
            .contains(escalation)) {
      tasks.addCandidateGroup(task.getId(), escalation);
    }
    if (escalation != null) {
      notifications.tellGroups(
          List.of(escalation),
          Notice.of(
              ESCALATED,
              Notifications.taskPath(task.getId()),
              breach.getTaskName(),
              breach.getCaseReference(),
              breach.getOrganisationName(),
              breach.getFacilityName(),
              groups));
    }
    if (task.getPriority() < ESCALATED_PRIORITY) {
      tasks.setPriority(task.getId(), ESCALATED_PRIORITY);
    }
    return true;
  }
}
