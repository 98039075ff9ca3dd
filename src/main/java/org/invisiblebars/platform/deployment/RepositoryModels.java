package org.invisiblebars.platform.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.spring.SpringProcessEnginePlugin;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.invisiblebars.platform.deployment.ModelVersions.Model;
import org.invisiblebars.platform.deployment.ModelVersions.Source;
import org.invisiblebars.platform.deployment.ModelVersions.Version;
import org.invisiblebars.platform.process.HeldDeployments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the repository's models ({@code processes/}, {@code forms/}) when the engine starts, in
 * place of the Spring Boot starter's auto-deployment ({@code camunda.bpm.auto-deployment-enabled}
 * is off). The starter (Camunda 7.24) deploys every file of {@code deployment-resource-pattern} in
 * one deployment named {@code SpringAutoDeployment}, under each file's absolute path, with the
 * engine's duplicate filter and {@code deployChangedOnly} off: a change to any one file made a new
 * version of every model, superseding whatever a process owner had deployed from Modeler since.
 *
 * <p>Here each model is its own deployment: a BPMN file with the forms it references (a {@code
 * camunda:formRef} with deployment binding finds its form only in the same deployment), each DMN
 * file, and each form no BPMN references. The deployment is named after the model's file (e.g.
 * {@code processes/report-review.bpmn}), has the source {@value #SOURCE}, and its resources carry
 * the repository's paths. The engine's duplicate filter compares each resource with the same-named
 * resource of the latest deployment with the same name and source only, so a model is deployed
 * again exactly when one of its files changed since the repository's own last deployment of it;
 * what a process owner deployed since (another name, the source {@code Camunda Modeler}) is not
 * compared, and is not superseded by an unchanged file. Then it logs a warning for every model
 * whose live version came from a process owner and differs from the repository's file, and, loudly,
 * for every process owner's version a changed file superseded.
 *
 * <p>A deployment that imitates ours (same name and source, by a signed-in user) at worst makes the
 * next start deploy the file again; {@link ModelVersions} tells it from ours by its user.
 */
@Component
public class RepositoryModels extends SpringProcessEnginePlugin {

  /** The source of the application's own deployments of the repository's models. */
  public static final String SOURCE = "repository";

  private static final Logger LOG = LoggerFactory.getLogger(RepositoryModels.class);

  private final CamundaBpmProperties properties;
  private final HeldDeployments held;
  private final ObjectMapper json = new ObjectMapper();

  RepositoryModels(CamundaBpmProperties properties, HeldDeployments held) {
    this.properties = properties;
    this.held = held;
  }

  /** One file of the repository: its path (e.g. {@code processes/visit-risk.dmn}) and content. */
  public record ModelFile(String path, byte[] content) {
    public ModelFile {
      Objects.requireNonNull(path);
      content = content.clone();
    }

    @Override
    public byte[] content() {
      return content.clone();
    }

    boolean isBpmn() {
      return path.endsWith(".bpmn");
    }

    boolean isForm() {
      return path.endsWith(".form");
    }
  }

  /** What one run deployed: the paths of the models deployed again, by deployment name. */
  public record Outcome(List<String> deployed, List<String> unchanged) {}

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    deploy(engine, files());
  }

  /** The repository's files, as {@code camunda.bpm.deployment-resource-pattern} finds them. */
  public List<ModelFile> files() {
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    Map<String, ModelFile> files = new LinkedHashMap<>();
    try {
      for (String pattern : properties.getDeploymentResourcePattern()) {
        for (Resource resource : resolver.getResources(pattern)) {
          if (resource.isReadable() && resource.getFilename() != null) {
            String path = folder(pattern) + resource.getFilename();
            files.putIfAbsent(path, new ModelFile(path, resource.getContentAsByteArray()));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the repository's models", e);
    }
    return List.copyOf(files.values());
  }

  /**
   * Deploys each model of {@code files} whose files changed since the repository last deployed it,
   * and says at which models a process owner's version is live or was superseded.
   */
  public Outcome deploy(ProcessEngine engine, List<ModelFile> files) {
    ModelVersions versions = new ModelVersions(engine, held, files);
    List<Model> before = versions.models();
    RepositoryService repository = engine.getRepositoryService();
    List<String> deployed = new ArrayList<>();
    List<String> unchanged = new ArrayList<>();
    for (Map.Entry<String, List<ModelFile>> model : models(files).entrySet()) {
      String name = model.getKey();
      String latestBefore = latestDeploymentId(repository, name);
      DeploymentBuilder builder =
          repository.createDeployment().name(name).source(SOURCE).enableDuplicateFiltering(false);
      model
          .getValue()
          .forEach(
              file -> builder.addInputStream(file.path(), new ByteArrayInputStream(file.content)));
      Deployment deployment = builder.deploy();
      (deployment.getId().equals(latestBefore) ? unchanged : deployed).add(name);
    }
    List<Model> after = versions.models();
    warnAboutProcessOwnersVersions(before, after, deployed);
    return new Outcome(List.copyOf(deployed), List.copyOf(unchanged));
  }

  /**
   * The deployments to make, by name: each BPMN file with the forms it references, each DMN file,
   * each form no BPMN file references.
   */
  Map<String, List<ModelFile>> models(List<ModelFile> files) {
    Map<String, ModelFile> formsById = new LinkedHashMap<>();
    files.stream().filter(ModelFile::isForm).forEach(form -> formsById.put(formId(form), form));
    Set<ModelFile> referenced = new LinkedHashSet<>();
    Map<String, List<ModelFile>> models = new LinkedHashMap<>();
    for (ModelFile file : files) {
      if (file.isForm()) {
        continue;
      }
      List<ModelFile> model = new ArrayList<>(List.of(file));
      if (file.isBpmn()) {
        for (String formRef : formRefs(file)) {
          ModelFile form = formsById.get(formRef);
          if (form != null && !model.contains(form)) {
            model.add(form);
            referenced.add(form);
          }
        }
      }
      models.put(file.path(), model);
    }
    formsById.values().stream()
        .filter(form -> !referenced.contains(form))
        .forEach(form -> models.put(form.path(), List.of(form)));
    return models;
  }

  private void warnAboutProcessOwnersVersions(
      List<Model> before, List<Model> after, Collection<String> deployed) {
    Map<String, Model> liveBefore = new LinkedHashMap<>();
    before.forEach(model -> liveBefore.put(model.key(), model));
    for (Model model : after) {
      Model earlier = liveBefore.get(model.key());
      Version wasLive = earlier == null ? null : earlier.live();
      Version live = model.live();
      if (model.repositoryFile() == null || live == null) {
        continue;
      }
      if (wasLive != null
          && wasLive.source() == Source.PROCESS_OWNER
          && live.version() != wasLive.version()
          && deployed.contains(model.repositoryFile())) {
        LOG.warn(
            "SUPERSEDED: {} '{}' version {} by {}, deployed {} from '{}' ('{}'), is no longer live:"
                + " {} changed in the repository and was deployed as version {}. Bring the process"
                + " owner's change into the repository (export from Modeler, commit) if it is"
                + " still wanted.",
            model.kind(),
            model.key(),
            wasLive.version(),
            wasLive.deployedBy(),
            wasLive.deployedAt(),
            wasLive.deploymentSource(),
            wasLive.deploymentName(),
            model.repositoryFile(),
            live.version());
      } else if (model.drifting()) {
        LOG.warn(
            "The live version {} of {} '{}' was deployed by {} on {} from '{}' ('{}') and differs"
                + " from {}; the repository's file has not changed since the application last"
                + " deployed it, so it was not deployed over it.",
            live.version(),
            model.kind(),
            model.key(),
            live.deployedBy(),
            live.deployedAt(),
            live.deploymentSource(),
            live.deploymentName(),
            model.repositoryFile());
      }
    }
  }

  private static String latestDeploymentId(RepositoryService repository, String name) {
    return repository
        .createDeploymentQuery()
        .deploymentName(name)
        .deploymentSource(SOURCE)
        .orderByDeploymentTime()
        .desc()
        .listPage(0, 1)
        .stream()
        .map(Deployment::getId)
        .findFirst()
        .orElse(null);
  }

  private static List<String> formRefs(ModelFile bpmn) {
    var model = Bpmn.readModelFromStream(new ByteArrayInputStream(bpmn.content));
    List<String> refs = new ArrayList<>();
    model.getModelElementsByType(UserTask.class).stream()
        .map(UserTask::getCamundaFormRef)
        .filter(Objects::nonNull)
        .forEach(refs::add);
    model.getModelElementsByType(StartEvent.class).stream()
        .map(StartEvent::getCamundaFormRef)
        .filter(Objects::nonNull)
        .forEach(refs::add);
    return refs;
  }

  private String formId(ModelFile form) {
    try {
      JsonNode id = json.readTree(form.content).path("id");
      return id.isTextual() ? id.asText() : form.path();
    } catch (IOException e) {
      return form.path();
    }
  }

  /** {@code classpath*:processes/*.bpmn} → {@code processes/}: the same in a jar and in an IDE. */
  private static String folder(String pattern) {
    String path = pattern.substring(pattern.indexOf(':') + 1);
    int wildcard = path.indexOf('*');
    String fixed = wildcard < 0 ? path : path.substring(0, wildcard);
    return fixed.substring(0, fixed.lastIndexOf('/') + 1).replaceFirst("^/", "");
  }
}
