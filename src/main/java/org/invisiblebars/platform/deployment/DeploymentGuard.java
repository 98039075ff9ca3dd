package org.invisiblebars.platform.deployment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.AbstractResourceDefinitionManager;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.repository.ResourceDefinition;
import org.invisiblebars.platform.deployment.DmnRules.DmnLanguages;
import org.invisiblebars.platform.deployment.ReferenceRules.Deployed;
import org.invisiblebars.platform.deployment.ReferenceRules.Kind;
import org.invisiblebars.platform.identity.Administrators;
import org.invisiblebars.platform.process.CurrentCommand;
import org.invisiblebars.platform.process.UserTaskParsing;
import org.invisiblebars.platform.task.UserTaskHandlers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Checks a new deployment before the engine parses it, whoever sends it and by whichever route
 * (engine REST API, the web applications' engine API, the Java API). When a signed-in user who is
 * not an administrator deploys, {@link ModelRules} must find nothing: members of the engine's admin
 * groups ({@code camunda-admin}) are trusted with code, since they may change the application's
 * code anyway. Whoever signed in deploys, administrators included, the deployment must be complete
 * ({@link ReferenceRules}: its forms, decisions and user task handlers found): a missing form is a
 * mistake, not an attack, and an administrator's breaks Tasklist as surely as a process owner's.
 * Either way the deployment is refused with {@link DeploymentRefused}, listing every offence at
 * once. Deployments without a signed-in user are not checked: the application's own models at start
 * (the repository's reviewed files, whose completeness the build tests) and tests.
 *
 * <p>A pre-deployer is the engine's extension point that sees every resource of a deployment before
 * its parsers do; it takes the engine's {@link DeploymentEntity}, an internal class used nowhere
 * else, and asks the command's form and decision definition managers what is deployed already (the
 * public API has no query for form definitions; the managers also see what the deployer may not
 * read). Deployments the engine re-reads into its cache (after a restart, for the job executor) are
 * not new and not checked again.
 */
@Component
class DeploymentGuard extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(DeploymentGuard.class);

  private final PublishedBeans beans;
  private final UserTaskHandlers handlers;

  DeploymentGuard(PublishedBeans beans, UserTaskHandlers handlers) {
    this.beans = beans;
    this.handlers = handlers;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    UserTaskParsing.beforeEveryDeployment(configuration, this::check);
  }

  void check(DeploymentEntity deployment) {
    ProcessEngineConfigurationImpl configuration = CurrentCommand.configuration();
    Authentication user = CurrentCommand.authentication();
    if (!deployment.isNew() || user == null || user.getUserId() == null) {
      return;
    }
    Map<String, byte[]> resources = new LinkedHashMap<>();
    deployment.getResources().forEach((name, resource) -> resources.put(name, resource.getBytes()));
    List<Offence> offences = new ArrayList<>();
    if (!Administrators.include(user, configuration)) {
      offences.addAll(new ModelRules(beans.names(), dmnDefaults(configuration)).check(resources));
    }
    offences.addAll(
        new ReferenceRules(deployed(CurrentCommand.context()), handlers::missingHandler)
            .check(resources));
    if (!offences.isEmpty()) {
      LOG.warn(
          "Refused the deployment '{}' by {}: {}",
          oneLine(deployment.getName()),
          user.getUserId(),
          oneLine(offences));
      throw new DeploymentRefused(user.getUserId(), offences);
    }
  }

  /** The forms and decisions deployed already, whoever may read them. */
  private static Deployed deployed(CommandContext command) {
    return new Deployed() {
      @Override
      public int latest(Kind kind, String key) {
        ResourceDefinition latest = manager(kind).findLatestDefinitionByKey(key);
        return latest == null ? 0 : latest.getVersion();
      }

      @Override
      public boolean has(Kind kind, String key, int version) {
        return manager(kind).findDefinitionByKeyVersionAndTenantId(key, version, null) != null;
      }

      private AbstractResourceDefinitionManager<? extends ResourceDefinition> manager(Kind kind) {
        return kind == Kind.FORM
            ? command.getCamundaFormDefinitionManager()
            : command.getDecisionDefinitionManager();
      }
    };
  }

  /** What a user wrote, on one line of the log: no forged log lines. */
  private static String oneLine(Object text) {
    return String.valueOf(text).replaceAll("[\\r\\n]+", " ");
  }

  private static DmnLanguages dmnDefaults(ProcessEngineConfigurationImpl configuration) {
    DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration();
    return new DmnLanguages(
        dmn.getDefaultInputExpressionExpressionLanguage(),
        dmn.getDefaultInputEntryExpressionLanguage(),
        dmn.getDefaultOutputEntryExpressionLanguage(),
        dmn.getDefaultLiteralExpressionLanguage());
  }
}
