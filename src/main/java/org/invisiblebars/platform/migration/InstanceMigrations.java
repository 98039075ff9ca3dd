package org.invisiblebars.platform.migration;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.batch.BatchStatistics;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.invisiblebars.platform.process.HeldDeployments;
import org.invisiblebars.platform.validation.ConflictException;
import org.invisiblebars.platform.validation.InvalidInputException;
import org.invisiblebars.platform.validation.InvalidInputException.FieldProblem;
import org.invisiblebars.platform.validation.NotFoundException;
import org.invisiblebars.platform.web.Caller;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves the running instances of one version of a process to another, as Camunda 7 community's
 * Cockpit cannot: the plan the engine's builder proposes (equal activities mapped, event triggers
 * updated), what it cannot map and why, and the run as an engine batch with its progress and the
 * outcome per instance.
 *
 * <p>The run is started as the caller, so the engine's own authorizations decide (the process
 * owners' grants of {@code MIGRATE_INSTANCE} and of creating migration batches, {@code
 * AuthorizationSeeder}); reading versions, plans and progress is system work behind our API's role
 * check, and shows no variable of any instance.
 */
@Service
public class InstanceMigrations {

  /** How many instances of a version the progress and the plan name, beyond which they count. */
  static final int LISTED = 200;

  private final RepositoryService repository;
  private final RuntimeService runtime;
  private final ManagementService management;
  private final HistoryService history;
  private final IdentityService identity;
  private final TaskService tasks;
  private final InstanceMigrationRepository migrations;
  private final HeldDeployments held;
  private final Clock clock;

  InstanceMigrations(
      RepositoryService repository,
      RuntimeService runtime,
      ManagementService management,
      HistoryService history,
      IdentityService identity,
      TaskService tasks,
      InstanceMigrationRepository migrations,
      HeldDeployments held,
      Clock clock) {
    this.held = held;
    this.repository = repository;
    this.runtime = runtime;
    this.management = management;
    this.history = history;
    this.identity = identity;
    this.tasks = tasks;
    this.migrations = migrations;
    this.clock = clock;
  }

  /** The versions of {@code processKey}, newest first, with how many instances run on each. */
  public List<Version> versions(String processKey) {
    List<ProcessDefinition> definitions =
        repository
            .createProcessDefinitionQuery()
            .processDefinitionKey(processKey)
            .orderByProcessDefinitionVersion()
            .desc()
            .list();
    if (definitions.isEmpty()) {
      throw new NotFoundException("process " + processKey);
    }
    Set<String> heldIds = held.ids();
    return definitions.stream()
        .map(d -> version(d, heldIds.contains(d.getDeploymentId())))
        .toList();
  }

  /**
   * The plan from {@code fromVersion} to {@code toVersion}: each mapped activity, the activities
   * where instances wait that the target has no equal of, and the engine's validation report.
   */
  public Plan plan(String processKey, int fromVersion, int toVersion) {
    return propose(
            processKey,
            definition(processKey, "fromVersion", fromVersion),
            definition(processKey, "toVersion", toVersion))
        .plan();
  }

  /**
   * The plan between two versions as people read it, with the engine's plan it describes (null when
   * the engine's builder refused it).
   */
  private Proposal propose(String processKey, ProcessDefinition from, ProcessDefinition to) {
    int toVersion = to.getVersion();
    Map<String, String> sourceNames = names(from);
    Map<String, String> targetNames = names(to);
    List<String> problems = new ArrayList<>();
    boolean targetHeld = held.isHeld(to.getDeploymentId());
    if (targetHeld) {
      // the engine's generator leaves out every instruction its validators refuse
      // (HeldMigrationTargets), so without this the plan would only show activities it cannot map
      problems.add(awaitsReview(processKey, toVersion));
    }
    List<MigrationInstruction> instructions = List.of();
    MigrationPlan built = null;
    try {
      built = build(from, to);
      instructions = built.getInstructions();
    } catch (MigrationPlanValidationException invalid) {
      invalid
          .getValidationReport()
          .getInstructionReports()
          .forEach(
              report ->
                  report
                      .getFailures()
                      .forEach(
                          failure ->
                              problems.add(
                                  describe(report.getMigrationInstruction(), sourceNames)
                                      + ": "
                                      + failure)));
      invalid
          .getValidationReport()
          .getVariableReports()
          .forEach(
              (variable, report) ->
                  report
                      .getFailures()
                      .forEach(f -> problems.add("variable " + variable + ": " + f)));
    }
    Set<String> mapped =
        instructions.stream()
            .map(MigrationInstruction::getSourceActivityId)
            .collect(Collectors.toSet());
    List<Unmapped> unmapped =
        management.createActivityStatisticsQuery(from.getId()).list().stream()
            .filter(s -> !mapped.contains(s.getId()) && s.getInstances() > 0)
            .map(
                s ->
                    new Unmapped(
                        s.getId(),
                        sourceNames.getOrDefault(s.getId(), s.getId()),
                        s.getInstances(),
                        targetNames.containsKey(s.getId())
                            ? "the engine cannot map it to the activity of the same id in version "
                                + toVersion
                            : "version " + toVersion + " has no activity with this id"))
            .sorted(Comparator.comparing(Unmapped::activityId))
            .toList();
    List<Mapping> mappings =
        instructions.stream()
            // a multi-instance activity's body moves with the activity: one line for both
            .filter(i -> !i.getSourceActivityId().endsWith("#multiInstanceBody"))
            .map(
                i -> {
                  String source = i.getSourceActivityId();
                  String target = i.getTargetActivityId();
                  return new Mapping(
                      source,
                      sourceNames.getOrDefault(source, source),
                      target,
                      targetNames.getOrDefault(target, target));
                })
            .sorted(Comparator.comparing(Mapping::sourceActivityId))
            .toList();
    return new Proposal(
        new Plan(
            processKey,
            version(from, held.isHeld(from.getDeploymentId())),
            version(to, targetHeld),
            mappings,
            unmapped,
            problems,
            problems.isEmpty() && unmapped.isEmpty()),
        built);
  }

  private record Proposal(Plan plan, MigrationPlan built) {}

  /**
   * Starts moving every instance of {@code fromVersion} to {@code toVersion} as an engine batch, as
   * {@code caller}. Refused (409) when the plan leaves activities where instances wait unmapped or
   * the engine's report finds a fault: nothing is started then.
   */
  @Transactional
  public InstanceMigration start(String processKey, int fromVersion, int toVersion, Caller caller) {
    if (fromVersion == toVersion) {
      throw new InvalidInputException(
          List.of(new FieldProblem("toVersion", "must differ from fromVersion")));
    }
    ProcessDefinition from = definition(processKey, "fromVersion", fromVersion);
    ProcessDefinition to = definition(processKey, "toVersion", toVersion);
    if (held.isHeld(to.getDeploymentId())) {
      throw new ConflictException(awaitsReview(processKey, toVersion));
    }
    migrations
        .findByRunningKey(InstanceMigration.runningKey(processKey, fromVersion))
        .ifPresent(
            running -> {
              throw new ConflictException(
                  "a migration of version "
                      + fromVersion
                      + " started by "
                      + running.getStartedBy()
                      + " at "
                      + running.getStartedAt()
                      + " has not finished: follow it at /api/v1/migrations/"
                      + running.getId());
            });
    Proposal proposal = propose(processKey, from, to);
    Plan plan = proposal.plan();
    if (!plan.executable()) {
      throw new ConflictException(
          "the plan cannot move every instance: "
              + String.join(
                  "; ",
                  plan.unmapped().stream()
                      .map(u -> u.activityName() + " (" + u.instances() + "): " + u.reason())
                      .toList())
              + (plan.problems().isEmpty() ? "" : "; " + String.join("; ", plan.problems())));
    }
    List<ProcessInstance> running =
        runtime.createProcessInstanceQuery().processDefinitionId(from.getId()).list();
    if (running.isEmpty()) {
      throw new ConflictException("no instance runs on version " + fromVersion);
    }
    // Restored afterwards: a reviewer's approval starts the migration within the reviewer's own
    // request, which goes on as the reviewer.
    Authentication before = identity.getCurrentAuthentication();
    identity.setAuthentication(caller.userId(), List.copyOf(caller.groups()));
    Batch batch;
    try {
      batch =
          runtime
              .newMigration(proposal.built())
              .processInstanceIds(running.stream().map(ProcessInstance::getId).toList())
              .executeAsync();
    } finally {
      if (before == null) {
        identity.clearAuthentication();
      } else {
        identity.setAuthentication(before);
      }
    }
    // Flushed here: a second start of the same migration at the same moment fails on the running
    // key (409) and its batch is rolled back with it.
    return migrations.saveAndFlush(
        new InstanceMigration(
            processKey,
            fromVersion,
            toVersion,
            to.getId(),
            batch.getId(),
            caller.userId(),
            clock.instant(),
            running.stream()
                .map(i -> new InstanceMigration.Item(i.getId(), i.getBusinessKey()))
                .toList()));
  }

  /** Every migration started, the latest first. */
  @Transactional(readOnly = true)
  public List<Progress> list() {
    return migrations.findAllByOrderByStartedAtDesc().stream().map(this::progress).toList();
  }

  /** How far migration {@code id} is, and where each of its instances stands. */
  @Transactional(readOnly = true)
  public Progress progress(UUID id) {
    return progress(
        migrations.findById(id).orElseThrow(() -> new NotFoundException("migration " + id)));
  }

  private Progress progress(InstanceMigration m) {
    BatchStatistics running =
        management.createBatchStatisticsQuery().batchId(m.getBatchId()).singleResult();
    boolean done =
        running == null
            && history.createHistoricBatchQuery().batchId(m.getBatchId()).completed(true).count()
                > 0;
    List<String> failures =
        running == null
            ? List.of()
            : management
                .createJobQuery()
                .jobDefinitionId(running.getBatchJobDefinitionId())
                .withException()
                .list()
                .stream()
                .map(Job::getExceptionMessage)
                .distinct()
                .toList();
    // The target version may since have been deleted (with its instances): then none is on it.
    String target = targetId(m);
    Map<String, ProcessInstance> now =
        runtime
            .createProcessInstanceQuery()
            .processInstanceIds(
                m.getInstances().stream()
                    .map(InstanceMigration.Item::getProcessInstanceId)
                    .collect(Collectors.toSet()))
            .list()
            .stream()
            .collect(Collectors.toMap(ProcessInstance::getId, Function.identity()));
    List<InstanceOutcome> outcomes =
        m.getInstances().stream()
            .map(
                item -> {
                  ProcessInstance instance = now.get(item.getProcessInstanceId());
                  Outcome outcome =
                      instance == null
                          ? Outcome.ENDED
                          : instance.getProcessDefinitionId().equals(target)
                              ? Outcome.MIGRATED
                              : running == null ? Outcome.NOT_MIGRATED : Outcome.WAITING;
                  return new InstanceOutcome(
                      item.getProcessInstanceId(), item.getBusinessKey(), outcome);
                })
            .toList();
    return new Progress(
        m.getId(),
        m.getProcessKey(),
        m.getFromVersion(),
        m.getToVersion(),
        m.getStartedBy(),
        m.getStartedAt(),
        m.getBatchId(),
        running != null || m.getFinishedAt() == null ? "RUNNING" : done ? "COMPLETED" : "ENDED",
        outcomes.size(),
        (int) outcomes.stream().filter(o -> o.outcome() == Outcome.MIGRATED).count(),
        running == null ? 0 : running.getFailedJobs(),
        failures,
        outcomes.stream().limit(LISTED).toList());
  }

  /**
   * Finishes every migration whose batch has ended: the engine moves a user task to the new
   * version's definition but keeps the name it was created with (Camunda 7.24), so a renamed task
   * would keep its old name in Tasklist; each open task of the moved instances takes the name its
   * element has in the new version. Runs on every node; renaming twice changes nothing.
   */
  @Scheduled(
      fixedDelayString = "${invisible-bars.migration.finish-interval:PT10S}",
      initialDelayString = "PT10S")
  @Transactional
  public void finishEnded() {
    for (InstanceMigration m : migrations.findByFinishedAtIsNull()) {
      if (management.createBatchQuery().batchId(m.getBatchId()).count() > 0) {
        continue;
      }
      String targetId = targetId(m);
      if (targetId == null) {
        m.finish(clock.instant());
        continue;
      }
      ProcessDefinition target = repository.getProcessDefinition(targetId);
      Map<String, String> names = names(target);
      List<String> instances =
          m.getInstances().stream().map(InstanceMigration.Item::getProcessInstanceId).toList();
      for (int from = 0; from < instances.size(); from += LISTED) {
        List<String> chunk = instances.subList(from, Math.min(instances.size(), from + LISTED));
        for (Task task :
            tasks
                .createTaskQuery()
                .processDefinitionId(target.getId())
                .processInstanceIdIn(chunk.toArray(String[]::new))
                .list()) {
          String name = names.get(task.getTaskDefinitionKey());
          if (name != null && !name.equals(task.getName())) {
            task.setName(name);
            tasks.saveTask(task);
          }
        }
      }
      m.finish(clock.instant());
    }
  }

  /** The id of the migration's target version; null when it was deleted since. */
  private String targetId(InstanceMigration m) {
    return repository
                .createProcessDefinitionQuery()
                .processDefinitionId(m.getToDefinitionId())
                .count()
            == 0
        ? null
        : m.getToDefinitionId();
  }

  private MigrationPlan build(ProcessDefinition from, ProcessDefinition to) {
    return runtime
        .createMigrationPlan(from.getId(), to.getId())
        .mapEqualActivities()
        .updateEventTriggers()
        .build();
  }

  private static String awaitsReview(String processKey, int version) {
    return "version "
        + version
        + " of "
        + processKey
        + " awaits review: instances move to it once a director or an administrator has approved"
        + " it";
  }

  private ProcessDefinition definition(String processKey, String field, int version) {
    ProcessDefinition definition =
        repository
            .createProcessDefinitionQuery()
            .processDefinitionKey(processKey)
            .processDefinitionVersion(version)
            .singleResult();
    if (definition == null) {
      if (repository.createProcessDefinitionQuery().processDefinitionKey(processKey).count() == 0) {
        throw new NotFoundException("process " + processKey);
      }
      throw new InvalidInputException(
          List.of(new FieldProblem(field, "process " + processKey + " has no version " + version)));
    }
    return definition;
  }

  private Version version(ProcessDefinition d, boolean awaitingReview) {
    return new Version(
        d.getVersion(),
        d.getVersionTag(),
        d.getName(),
        runtime.createProcessInstanceQuery().processDefinitionId(d.getId()).count(),
        d.isSuspended(),
        awaitingReview);
  }

  /** The names of the model's flow elements by id (an unnamed one by its id). */
  private Map<String, String> names(ProcessDefinition definition) {
    BpmnModelInstance model = repository.getBpmnModelInstance(definition.getId());
    return model.getModelElementsByType(FlowElement.class).stream()
        .collect(
            Collectors.toMap(
                FlowElement::getId,
                e -> e.getName() == null || e.getName().isBlank() ? e.getId() : e.getName(),
                (a, b) -> a));
  }

  private static String describe(MigrationInstruction instruction, Map<String, String> names) {
    String source = instruction.getSourceActivityId();
    return names.getOrDefault(source, source);
  }

  /** A version of a process: its number, tag, name, running instances, whether suspended. */
  /**
   * A version of a process: {@code awaitingReview} while a process owner's change to it is held for
   * review (the modelchange feature); then nothing starts on it and nothing migrates to it.
   */
  public record Version(
      int version,
      String versionTag,
      String name,
      long runningInstances,
      boolean suspended,
      boolean awaitingReview) {}

  /** An activity of the source mapped to one of the target, by id and name. */
  public record Mapping(
      String sourceActivityId, String sourceName, String targetActivityId, String targetName) {}

  /** An activity where instances wait that the plan does not map, and why. */
  public record Unmapped(String activityId, String activityName, long instances, String reason) {}

  /**
   * The proposed plan; {@code executable} when every waiting instance is mapped and the engine
   * finds no fault.
   */
  public record Plan(
      String process,
      Version from,
      Version to,
      List<Mapping> mappings,
      List<Unmapped> unmapped,
      List<String> problems,
      boolean executable) {}

  /** Where one instance stands. */
  public enum Outcome {
    WAITING,
    MIGRATED,
    NOT_MIGRATED,
    ENDED
  }

  /** One instance of a migration, by business key. */
  public record InstanceOutcome(String processInstanceId, String businessKey, Outcome outcome) {}

  /** A migration's progress; {@code instances} lists the first {@value #LISTED}. */
  public record Progress(
      UUID id,
      String process,
      int fromVersion,
      int toVersion,
      String startedBy,
      Instant startedAt,
      String batchId,
      String status,
      int total,
      int migrated,
      int failedJobs,
      List<String> failures,
      List<InstanceOutcome> instances) {}
}
