package org.invisiblebars.modelchange.usecase;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.ResourceDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.invisiblebars.modelchange.domain.ModelChange;
import org.invisiblebars.modelchange.domain.ModelChangeRepository;
import org.invisiblebars.platform.audit.DecisionLog;
import org.invisiblebars.platform.audit.DecisionLogEntry;
import org.invisiblebars.platform.identity.PersonNames;
import org.invisiblebars.platform.migration.InstanceMigrations;
import org.invisiblebars.platform.process.CurrentCommand;
import org.invisiblebars.platform.process.HeldDeployments;
import org.invisiblebars.platform.reference.CaseReferences;
import org.invisiblebars.platform.validation.ConflictException;
import org.invisiblebars.platform.validation.InvalidInputException;
import org.invisiblebars.platform.web.Caller;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reviewed deployments: a process owner's deployment is held ({@link #hold}: its process
 * definitions suspended, none of its versions live, {@link HeldDeployments}) and a {@code
 * model-change} instance gives a director or an administrator the task of reviewing what it changes
 * against the live versions; approval ({@link #decide}) activates it and may migrate the running
 * instances, rejection removes it. Every step is in the decision log, under the change's reference
 * ({@code CHG-2026-0001}).
 *
 * <p>The engine work runs without the caller's authorizations: holding runs inside the process
 * owner's deployment, the decision inside the reviewer's completion of the task, and neither may
 * suspend, activate or delete definitions by themselves; the role check is the task's.
 */
@Service
public class ModelChanges {

  /** The prefix of the changes' references. */
  static final String PREFIX = "CHG";

  /** The subject type of the changes' decision-log entries. */
  public static final String SUBJECT_TYPE = ModelChangeProcess.KEY;

  private final ModelChangeRepository changes;
  private final HeldDeployments held;
  private final CaseReferences references;
  private final DecisionLog log;
  private final ObjectProvider<ProcessEngine> engine;
  private final ObjectProvider<InstanceMigrations> migrations;
  private final Clock clock;
  private final ObjectMapper json = new ObjectMapper();

  /** A form reference of a BPMN file, as Modeler writes it. */
  private static final Pattern FORM_REF = Pattern.compile("camunda:formRef=\"([^\"]+)\"");

  ModelChanges(
      ModelChangeRepository changes,
      HeldDeployments held,
      CaseReferences references,
      DecisionLog log,
      ObjectProvider<ProcessEngine> engine,
      ObjectProvider<InstanceMigrations> migrations,
      Clock clock) {
    this.changes = changes;
    this.held = held;
    this.references = references;
    this.log = log;
    this.engine = engine;
    this.migrations = migrations;
    this.clock = clock;
  }

  /** A new deployment as the engine has parsed it, before it is stored. */
  public record Submitted(
      String deploymentId,
      String name,
      String source,
      String deployedBy,
      Map<String, byte[]> resources) {}

  /**
   * Holds a process owner's deployment for review, within the deployment's own command (so a
   * deployment is never live unreviewed, nor held without a review): describes what it changes,
   * records it, and starts its review. The caller suspends the new process definitions.
   */
  @Transactional
  public ModelChange hold(Submitted deployment) {
    return CurrentCommand.withoutAuthorization(
        () -> {
          Instant now = clock.instant();
          Description description = describe(deployment.resources());
          held.hold(deployment.deploymentId());
          ModelChange change =
              changes.save(
                  new ModelChange(
                      references.next(PREFIX, now),
                      deployment.deploymentId(),
                      trimmed(deployment.name(), 255),
                      trimmed(deployment.source(), 255),
                      deployment.deployedBy(),
                      now,
                      trimmed(String.join(",", description.keys()), 2000),
                      trimmed(String.join("\n", description.lines()), 20000)));
          log.save(
              new DecisionLogEntry(
                  SUBJECT_TYPE,
                  change.getId(),
                  "Deploy model change",
                  "SUBMITTED",
                  "Deployment '"
                      + deployment.name()
                      + "' of "
                      + String.join(", ", description.keys())
                      + ", held for review",
                  deployment.deployedBy(),
                  now));
          var runtime = engine.getObject().getRuntimeService();
          runtime.startProcessInstanceById(
              held.liveProcessId(ModelChangeProcess.KEY),
              change.getReference(),
              Map.of(ModelChangeProcess.Variable.MODEL_CHANGE_ID, change.getId().toString()));
          return change;
        });
  }

  /** What the reviewer decided. */
  public record Decided(boolean approved, List<String> migrationsStarted) {}

  /**
   * Approves or rejects change {@code id} as {@code reviewer}: approval activates its versions
   * (and, when {@code migrate}, starts moving the running instances of every older version to
   * them); rejection deletes its deployment. The deployer never reviews their own change; a
   * migration the engine's plan cannot make refuses the approval, so the reviewer may approve
   * without it.
   */
  @Transactional
  public Decided decide(UUID id, boolean approve, String reasons, boolean migrate, String userId) {
    Caller reviewer = new Caller(userId, groupsOf(userId));
    ModelChange change =
        changes
            .findById(id)
            .orElseThrow(() -> new ConflictException("the model change no longer exists"));
    if (change.getStatus() != ModelChange.Status.AWAITING_REVIEW) {
      throw new ConflictException(
          "the model change "
              + change.getReference()
              + " was decided already: "
              + change.getStatus());
    }
    if (change.getDeployedBy().equals(reviewer.userId())) {
      throw InvalidInputException.of(
          "reviewDecision",
          "you deployed this change yourself: another director or an administrator reviews it");
    }
    boolean deployed =
        CurrentCommand.withoutAuthorization(
            () ->
                engine
                        .getObject()
                        .getRepositoryService()
                        .createDeploymentQuery()
                        .deploymentId(change.getDeploymentId())
                        .count()
                    > 0);
    if (approve && !deployed) {
      throw InvalidInputException.of(
          "reviewDecision",
          "the change's deployment was deleted meanwhile (by an administrator): reject it to close"
              + " the review");
    }
    change.decide(approve, reviewer.userId(), clock.instant(), reasons, approve && migrate);
    held.release(change.getDeploymentId());
    return CurrentCommand.withoutAuthorization(
        () -> {
          RepositoryService repository = engine.getObject().getRepositoryService();
          if (!approve) {
            if (deployed) {
              repository.deleteDeployment(change.getDeploymentId(), true);
            }
            return new Decided(false, List.of());
          }
          List<ProcessDefinition> versions =
              repository
                  .createProcessDefinitionQuery()
                  .deploymentId(change.getDeploymentId())
                  .list();
          versions.forEach(v -> repository.activateProcessDefinitionById(v.getId()));
          List<String> started = new ArrayList<>();
          if (migrate) {
            for (ProcessDefinition target : versions) {
              started.addAll(migrateOlderVersions(repository, target, reviewer));
            }
          }
          return new Decided(true, List.copyOf(started));
        });
  }

  /**
   * Closes the review of every change whose deployment was deleted before anyone reviewed it (an
   * administrator removed it in Cockpit or through the engine REST API): its review task leaves the
   * reviewers' queue, and the decision log says why. Runs on every node; a change is closed once.
   */
  @Scheduled(
      fixedDelayString = "${invisible-bars.model-change.sweep-interval:PT1M}",
      initialDelayString = "PT30S")
  @Transactional
  public int closeDeleted() {
    int closed = 0;
    for (ModelChange change : changes.findByStatus(ModelChange.Status.AWAITING_REVIEW)) {
      ProcessEngine processEngine = engine.getObject();
      if (processEngine
                  .getRepositoryService()
                  .createDeploymentQuery()
                  .deploymentId(change.getDeploymentId())
                  .count()
              > 0
          || changes.withdraw(change.getId(), clock.instant()) == 0) {
        continue;
      }
      held.release(change.getDeploymentId());
      var runtime = processEngine.getRuntimeService();
      runtime
          .createProcessInstanceQuery()
          .processDefinitionKey(ModelChangeProcess.KEY)
          .processInstanceBusinessKey(change.getReference())
          .list()
          .forEach(
              review ->
                  runtime.deleteProcessInstance(
                      review.getId(), "the change's deployment was deleted before review"));
      log.save(
          new DecisionLogEntry(
              SUBJECT_TYPE,
              change.getId(),
              "Review model change",
              "WITHDRAWN",
              "The deployment was deleted before anyone reviewed it",
              "system",
              clock.instant()));
      closed++;
    }
    return closed;
  }

  /** The changes, the latest first. */
  @Transactional(readOnly = true)
  public List<ModelChange> list() {
    return changes.findAllByOrderByDeployedAtDesc();
  }

  @Transactional(readOnly = true)
  public Optional<ModelChange> find(UUID id) {
    return changes.findById(id);
  }

  /**
   * The change {@code key} names, by its reference ({@code chg-2026-0001} as people type it) or its
   * id; empty for anything else.
   */
  @Transactional(readOnly = true)
  public Optional<ModelChange> find(String key) {
    Optional<String> reference = CaseReferences.parse(PREFIX, key);
    if (reference.isPresent()) {
      return changes.findByReference(reference.get());
    }
    try {
      return changes.findById(UUID.fromString(key.strip()));
    } catch (IllegalArgumentException neither) {
      throw InvalidInputException.of(
          "id", "must be the id or the reference of a model change, such as CHG-2026-0001");
    }
  }

  /** The name a person reads for {@code userId}: "Paula Process Owner (paula)". */
  public String nameOf(String userId) {
    return PersonNames.labelled(engine.getObject().getIdentityService(), userId);
  }

  /** {@link #nameOf} for several users at once (a list), in one query. */
  public Map<String, String> namesOf(Collection<String> userIds) {
    return PersonNames.labelled(engine.getObject().getIdentityService(), userIds);
  }

  private List<String> migrateOlderVersions(
      RepositoryService repository, ProcessDefinition target, Caller reviewer) {
    List<String> started = new ArrayList<>();
    var runtime = engine.getObject().getRuntimeService();
    for (ProcessDefinition older :
        repository.createProcessDefinitionQuery().processDefinitionKey(target.getKey()).list()) {
      if (older.getVersion() < target.getVersion()
          && runtime.createProcessInstanceQuery().processDefinitionId(older.getId()).count() > 0) {
        migrations
            .getObject()
            .start(target.getKey(), older.getVersion(), target.getVersion(), reviewer);
        started.add(target.getKey() + " " + older.getVersion() + " → " + target.getVersion());
      }
    }
    return started;
  }

  /** The groups of {@code userId}, for the caller a migration runs as. */
  private Set<String> groupsOf(String userId) {
    Set<String> groups = new LinkedHashSet<>();
    engine.getObject().getIdentityService().createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId)
        .forEach(groups::add);
    return groups;
  }

  private record Description(List<String> keys, List<String> lines) {}

  /** What the deployment's models change against the live versions, file by file. */
  private Description describe(Map<String, byte[]> resources) {
    RepositoryService repository = engine.getObject().getRepositoryService();
    Set<String> keys = new LinkedHashSet<>();
    List<String> lines = new ArrayList<>();
    Set<String> liveDeployments = new LinkedHashSet<>();
    Map<String, byte[]> sorted = new TreeMap<>(resources);
    sorted.forEach(
        (name, content) -> {
          if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml")) {
            for (Process process :
                Bpmn.readModelFromStream(new ByteArrayInputStream(content))
                    .getModelElementsByType(Process.class)) {
              if (!process.isExecutable()) {
                continue;
              }
              keys.add(process.getId());
              ProcessDefinition live = liveProcess(repository, process.getId());
              if (live != null) {
                liveDeployments.add(live.getDeploymentId());
              }
              describe(
                  lines,
                  name + ": process",
                  process.getName(),
                  process.getId(),
                  live,
                  live == null ? null : live.getVersionTag(),
                  ModelDiff.bpmn(liveContent(repository, live), content));
            }
          } else if (name.endsWith(".dmn") || name.endsWith(".dmn11.xml")) {
            for (Decision decision :
                Dmn.readModelFromStream(new ByteArrayInputStream(content))
                    .getModelElementsByType(Decision.class)) {
              keys.add(decision.getId());
              DecisionDefinition live = liveDecision(repository, decision.getId());
              describe(
                  lines,
                  name + ": decision",
                  decision.getName(),
                  decision.getId(),
                  live,
                  live == null ? null : live.getVersionTag(),
                  ModelDiff.dmn(liveContent(repository, live), content));
            }
          }
        });
    Set<String> referenced = new LinkedHashSet<>();
    sorted.forEach(
        (name, content) -> {
          if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml")) {
            Matcher formRef = FORM_REF.matcher(new String(content, StandardCharsets.UTF_8));
            while (formRef.find()) {
              referenced.add(formRef.group(1));
            }
          }
        });
    List<String> unused = new ArrayList<>();
    List<String> unchanged = new ArrayList<>();
    Map<String, byte[]> liveForms = liveForms(repository, liveDeployments);
    sorted.forEach(
        (name, content) -> {
          if (name.endsWith(".form")) {
            String id = formId(content);
            byte[] before = liveForms.get(id);
            if (before == null && !referenced.contains(id)) {
              unused.add(id);
              return;
            }
            List<String> changed = ModelDiff.form(before, content);
            if (changed.equals(List.of(ModelDiff.UNCHANGED))) {
              unchanged.add(id);
              return;
            }
            lines.add(name + ": form " + id);
            changed.forEach(line -> lines.add("  - " + line));
          }
        });
    if (!unchanged.isEmpty()) {
      lines.add("Forms unchanged: " + String.join(", ", unchanged));
    }
    if (!unused.isEmpty()) {
      lines.add(
          "Forms deployed with it that none of its models uses: " + String.join(", ", unused));
    }
    return new Description(List.copyOf(keys), lines);
  }

  /** One model's section: its heading (against which live version) and what changes. */
  private static void describe(
      List<String> lines,
      String what,
      String name,
      String key,
      ResourceDefinition live,
      String liveTag,
      List<String> changes) {
    lines.add(
        what
            + " '"
            + (name == null ? key : name)
            + "' ("
            + key
            + "), "
            + (live == null
                ? "new"
                : "against live version "
                    + live.getVersion()
                    + (liveTag == null ? "" : " (" + liveTag + ")")));
    changes.forEach(line -> lines.add("  - " + line));
  }

  /** The live version's file; null when there is none. */
  private static byte[] liveContent(RepositoryService repository, ResourceDefinition live) {
    return live == null
        ? null
        : resource(repository, live.getDeploymentId(), live.getResourceName());
  }

  private ProcessDefinition liveProcess(RepositoryService repository, String key) {
    try {
      return held.liveProcess(repository, key);
    } catch (NotFoundException none) {
      return null;
    }
  }

  private DecisionDefinition liveDecision(RepositoryService repository, String key) {
    try {
      return repository.getDecisionDefinition(held.liveDecision(key).id());
    } catch (NotFoundException none) {
      return null;
    }
  }

  /**
   * The forms of the live processes' deployments by form id, each read once (the first deployment
   * that has a form wins).
   */
  private Map<String, byte[]> liveForms(RepositoryService repository, Set<String> deployments) {
    Map<String, byte[]> forms = new HashMap<>();
    for (String deployment : deployments) {
      for (String name : repository.getDeploymentResourceNames(deployment)) {
        if (name.endsWith(".form")) {
          byte[] content = resource(repository, deployment, name);
          forms.putIfAbsent(formId(content), content);
        }
      }
    }
    return forms;
  }

  private String formId(byte[] form) {
    try {
      JsonNode id = json.readTree(form).path("id");
      return id.isTextual() ? id.asText() : "";
    } catch (IOException e) {
      return "";
    }
  }

  private static byte[] resource(RepositoryService repository, String deployment, String name) {
    try (InputStream in = repository.getResourceAsStream(deployment, name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String trimmed(String text, int max) {
    if (text == null) {
      return null;
    }
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
