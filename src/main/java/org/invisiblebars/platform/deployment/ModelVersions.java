package org.invisiblebars.platform.deployment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.management.ProcessDefinitionStatistics;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.invisiblebars.platform.deployment.RepositoryModels.ModelFile;
import org.invisiblebars.platform.identity.PersonNames;
import org.invisiblebars.platform.process.HeldDeployments;

/**
 * Which version of each process and decision is live, and where each came from: the repository's
 * start-up deployment ({@link RepositoryModels}) or a person (a process owner deploying from
 * Modeler; the engine's user operation log names them). The live version is the latest not awaiting
 * review ({@link HeldDeployments}), the one new instances start on; it drifts when it is not the
 * repository's and differs from the repository's file. Read without the caller's engine
 * authorizations: the API's role rule decides who reads it, and it names no instance.
 */
final class ModelVersions {

  /** The starter's deployment name before {@link RepositoryModels} deployed per model. */
  private static final String STARTER_DEPLOYMENT = "SpringAutoDeployment";

  enum Source {
    /** Deployed by the application at start from the repository's files. */
    REPOSITORY,
    /** Deployed by a signed-in person (from Modeler, the engine REST API or Cockpit). */
    PROCESS_OWNER,
    /** Deployed by the application's code without a user, from elsewhere than the repository. */
    OTHER
  }

  /** One version of a model, as the list shows it. */
  record Version(
      int version,
      String versionTag,
      Instant deployedAt,
      String deployedBy,
      Source source,
      String deploymentName,
      String deploymentSource,
      long runningInstances,
      boolean live,
      boolean suspended,
      boolean awaitingReview) {}

  /** A process or decision by key: its live version and those that still run instances. */
  record Model(
      String key,
      String kind,
      String name,
      String repositoryFile,
      boolean drifting,
      List<Version> versions) {

    Version live() {
      return versions.stream().filter(Version::live).findFirst().orElse(null);
    }
  }

  private record Definition(
      String id,
      String key,
      String name,
      int version,
      String versionTag,
      String deploymentId,
      String resourceName,
      boolean suspended) {}

  private final ProcessEngine engine;
  private final HeldDeployments held;
  private final Map<String, ModelFile> filesByKey = new HashMap<>();
  private Set<String> heldIds = Set.of();

  ModelVersions(ProcessEngine engine, HeldDeployments held, List<ModelFile> repositoryFiles) {
    this.engine = engine;
    this.held = held;
    for (ModelFile file : repositoryFiles) {
      keysOf(file).forEach(key -> filesByKey.put(key, file));
    }
  }

  /** Every process and decision the engine knows, by key. */
  List<Model> models() {
    IdentityService identity = engine.getIdentityService();
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return read();
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }

  private List<Model> read() {
    heldIds = held.ids();
    RepositoryService repository = engine.getRepositoryService();
    Map<String, Long> running =
        engine.getManagementService().createProcessDefinitionStatisticsQuery().list().stream()
            .collect(
                Collectors.toMap(
                    ProcessDefinitionStatistics::getId, s -> (long) s.getInstances(), Long::sum));
    List<Definition> processes =
        repository.createProcessDefinitionQuery().list().stream()
            .map(
                p ->
                    new Definition(
                        p.getId(),
                        p.getKey(),
                        p.getName(),
                        p.getVersion(),
                        p.getVersionTag(),
                        p.getDeploymentId(),
                        p.getResourceName(),
                        p.isSuspended()))
            .toList();
    List<Definition> decisions =
        repository.createDecisionDefinitionQuery().list().stream()
            .map(
                (DecisionDefinition d) ->
                    new Definition(
                        d.getId(),
                        d.getKey(),
                        d.getName(),
                        d.getVersion(),
                        d.getVersionTag(),
                        d.getDeploymentId(),
                        d.getResourceName(),
                        false))
            .toList();
    Map<String, Deployment> deployments =
        repository.createDeploymentQuery().list().stream()
            .collect(Collectors.toMap(Deployment::getId, Function.identity()));
    Map<String, String> deployers = new HashMap<>();
    List<Model> models = new ArrayList<>();
    models.addAll(models("process", processes, running, deployments, deployers));
    models.addAll(models("decision", decisions, Map.of(), deployments, deployers));
    return models;
  }

  private List<Model> models(
      String kind,
      List<Definition> definitions,
      Map<String, Long> running,
      Map<String, Deployment> deployments,
      Map<String, String> deployers) {
    Map<String, List<Definition>> byKey =
        definitions.stream()
            .collect(Collectors.groupingBy(Definition::key, TreeMap::new, Collectors.toList()));
    List<Model> models = new ArrayList<>();
    byKey.forEach(
        (key, all) -> {
          Definition latest =
              all.stream()
                  .filter(d -> !heldIds.contains(d.deploymentId()))
                  .max(Comparator.comparingInt(Definition::version))
                  .orElse(null);
          List<Version> versions = new ArrayList<>();
          all.stream()
              .sorted(Comparator.comparingInt(Definition::version).reversed())
              .filter(
                  d ->
                      d == latest
                          || heldIds.contains(d.deploymentId())
                          || running.getOrDefault(d.id(), 0L) > 0)
              .forEach(
                  d -> {
                    Deployment deployment = deployments.get(d.deploymentId());
                    String user =
                        deployers.computeIfAbsent(d.deploymentId(), id -> deployer(id).orElse(""));
                    versions.add(
                        new Version(
                            d.version(),
                            d.versionTag(),
                            deployment == null ? null : deployment.getDeploymentTime().toInstant(),
                            user.isEmpty() ? null : user,
                            source(deployment, user),
                            deployment == null ? null : deployment.getName(),
                            deployment == null ? null : deployment.getSource(),
                            running.getOrDefault(d.id(), 0L),
                            d == latest,
                            d.suspended(),
                            heldIds.contains(d.deploymentId())));
                  });
          ModelFile file = filesByKey.get(key);
          Version live = versions.stream().filter(Version::live).findFirst().orElse(null);
          boolean drifting =
              file != null
                  && live != null
                  && live.source() != Source.REPOSITORY
                  && differs(latest, file);
          models.add(
              new Model(
                  key,
                  kind,
                  (latest == null ? all.get(0) : latest).name(),
                  file == null ? null : file.path(),
                  drifting,
                  List.copyOf(versions)));
        });
    return models;
  }

  private static Source source(Deployment deployment, String user) {
    if (!user.isEmpty()) {
      return Source.PROCESS_OWNER;
    }
    if (deployment != null
        && (RepositoryModels.SOURCE.equals(deployment.getSource())
            || STARTER_DEPLOYMENT.equals(deployment.getName()))) {
      return Source.REPOSITORY;
    }
    return Source.OTHER;
  }

  /** The name of the person who made the deployment, from the engine's user operation log. */
  private Optional<String> deployer(String deploymentId) {
    return engine
        .getHistoryService()
        .createUserOperationLogQuery()
        .deploymentId(deploymentId)
        .entityType(EntityTypes.DEPLOYMENT)
        .operationType(UserOperationLogEntry.OPERATION_TYPE_CREATE)
        .list()
        .stream()
        .map(UserOperationLogEntry::getUserId)
        .filter(Objects::nonNull)
        .findFirst()
        .map(this::fullName);
  }

  private String fullName(String userId) {
    return PersonNames.labelled(engine.getIdentityService(), userId);
  }

  private boolean differs(Definition live, ModelFile file) {
    try (InputStream deployed =
        engine
            .getRepositoryService()
            .getResourceAsStream(live.deploymentId(), live.resourceName())) {
      return !normalised(deployed.readAllBytes()).equals(normalised(file.content()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The same model saved on Windows or with a final newline is the same model. */
  private static String normalised(byte[] content) {
    return new String(content, StandardCharsets.UTF_8).replace("\r\n", "\n").strip();
  }

  private static List<String> keysOf(ModelFile file) {
    if (file.path().endsWith(".bpmn")) {
      return Bpmn.readModelFromStream(new ByteArrayInputStream(file.content()))
          .getModelElementsByType(Process.class)
          .stream()
          .filter(Process::isExecutable)
          .map(Process::getId)
          .toList();
    }
    if (file.path().endsWith(".dmn")) {
      return Dmn.readModelFromStream(new ByteArrayInputStream(file.content()))
          .getModelElementsByType(Decision.class)
          .stream()
          .map(Decision::getId)
          .toList();
    }
    return List.of();
  }
}
