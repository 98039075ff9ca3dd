package org.invisiblebars.sla.adapter;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.invisiblebars.platform.process.EngineInternals;
import org.invisiblebars.platform.process.HeldDeployments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Takes back the work that escalations gave to the wrong people before issue 13: the breach scan
 * made the escalation group a candidate of every late task (a manager could then claim and complete
 * a liaison officer's rating), and the visit's escalation timer made the director a candidate of
 * security's and the liaison officer's tasks. Escalation no longer does that, but the open tasks
 * escalated before keep those candidates, with the engine's task authorizations that came with them
 * (deleting a candidate group leaves its authorization in place, Camunda 7.24).
 *
 * <p>At start, every open task with a candidate group that neither its model names nor {@code
 * escalation-takeover.dmn} lets take over loses that group and the group's authorization on the
 * task; a task such a group's member had claimed goes back to the queue, without that member's
 * authorization. Tasks whose model names its groups by an expression are left alone (nobody can
 * tell which groups the expression gave). Idempotent: a second node, or the next start, finds
 * nothing to do.
 */
@Component
class EscalatedCandidatesRepair {

  private static final Logger LOG = LoggerFactory.getLogger(EscalatedCandidatesRepair.class);

  private final TaskService tasks;
  private final RepositoryService repository;
  private final HeldDeployments held;
  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final EngineInternals engine;

  EscalatedCandidatesRepair(
      TaskService tasks,
      RepositoryService repository,
      HeldDeployments held,
      IdentityService identity,
      AuthorizationService authorizations,
      EngineInternals engine) {
    this.tasks = tasks;
    this.repository = repository;
    this.held = held;
    this.identity = identity;
    this.authorizations = authorizations;
    this.engine = engine;
  }

  @EventListener(ApplicationReadyEvent.class)
  void atStart() {
    try {
      int repaired = repair();
      if (repaired > 0) {
        LOG.info("Took back {} candidate group(s) that earlier escalations had added", repaired);
      }
    } catch (RuntimeException e) {
      LOG.warn("Could not take back candidate groups added by earlier escalations", e);
    }
  }

  /** Takes back every candidate group no task of its kind may have; returns how many. */
  int repair() {
    Map<String, Optional<Set<String>>> allowedByTask = new HashMap<>();
    int count = 0;
    for (Group group : identity.createGroupQuery().list()) {
      for (Task task :
          tasks.createTaskQuery().taskCandidateGroup(group.getId()).includeAssignedTasks().list()) {
        if (task.getProcessDefinitionId() == null) {
          continue;
        }
        Optional<Set<String>> allowed =
            allowedByTask.computeIfAbsent(
                task.getProcessDefinitionId() + "/" + task.getTaskDefinitionKey(),
                key -> allowed(task));
        if (allowed.isPresent() && !allowed.get().contains(group.getId())) {
          takeBack(task, group.getId(), allowed.get());
          count++;
        }
      }
    }
    return count;
  }

  /**
   * The groups that may do the task's work: those its model names and those the take-over table
   * lets take it over; empty when the model names them by an expression.
   */
  private Optional<Set<String>> allowed(Task task) {
    UserTask element =
        repository
            .getBpmnModelInstance(task.getProcessDefinitionId())
            .getModelElementById(task.getTaskDefinitionKey());
    String named = element == null ? null : element.getCamundaCandidateGroups();
    if (named == null || named.contains("{")) {
      return Optional.empty();
    }
    Set<String> groups =
        Arrays.stream(named.split(","))
            .map(String::strip)
            .filter(g -> !g.isEmpty())
            .collect(Collectors.toCollection(LinkedHashSet::new));
    String processKey = repository.getProcessDefinition(task.getProcessDefinitionId()).getKey();
    groups.addAll(
        SlaPolicyDecision.takeOverGroups(
            engine, repository, held, processKey, task.getTaskDefinitionKey()));
    return Optional.of(groups);
  }

  private void takeBack(Task task, String group, Set<String> allowed) {
    tasks.deleteCandidateGroup(task.getId(), group);
    delete(
        authorizations
            .createAuthorizationQuery()
            .resourceType(Resources.TASK)
            .resourceId(task.getId())
            .groupIdIn(group)
            .list());
    String assignee = task.getAssignee();
    if (assignee != null
        && identity
                .createGroupQuery()
                .groupMember(assignee)
                .groupIdIn(allowed.toArray(String[]::new))
                .count()
            == 0) {
      tasks.setAssignee(task.getId(), null);
      delete(
          authorizations
              .createAuthorizationQuery()
              .resourceType(Resources.TASK)
              .resourceId(task.getId())
              .userIdIn(assignee)
              .list());
    }
    LOG.info(
        "Task {} ({}): took back candidate group {}{}",
        task.getId(),
        task.getName(),
        group,
        assignee == null ? "" : ", and the claim of " + assignee + " if not of an allowed group");
  }

  private void delete(List<Authorization> found) {
    found.forEach(a -> authorizations.deleteAuthorization(a.getId()));
  }
}
