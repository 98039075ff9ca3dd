package org.invisiblebars.platform.deployment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.invisiblebars.platform.deployment.DmnRules.DmnLanguages;
import org.invisiblebars.platform.identity.Administrators;
import org.invisiblebars.platform.process.CurrentCommand;
import org.invisiblebars.platform.process.UserTaskParsing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Checks a new deployment before the engine parses it, whoever sends it and by whichever route
 * (engine REST API, the web applications' engine API, the Java API): when a signed-in user who is
 * not an administrator deploys, {@link ModelRules} must find nothing, else the deployment is
 * refused with {@link DeploymentRefused}, listing every offence. Deployments without a signed-in
 * user (the application's own models at start, tests) and by members of the engine's admin groups
 * ({@code camunda-admin}) are trusted: those people may change the application's code anyway.
 *
 * <p>A pre-deployer is the engine's extension point that sees every resource of a deployment before
 * its parsers do; it takes the engine's {@link DeploymentEntity}, an internal class used nowhere
 * else. Deployments the engine re-reads into its cache (after a restart, for the job executor) are
 * not new and not checked again.
 */
@Component
class DeploymentGuard extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(DeploymentGuard.class);

  private final PublishedBeans beans;

  DeploymentGuard(PublishedBeans beans) {
    this.beans = beans;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    UserTaskParsing.beforeEveryDeployment(configuration, this::check);
  }

  void check(DeploymentEntity deployment) {
    ProcessEngineConfigurationImpl configuration = CurrentCommand.configuration();
    Authentication user = CurrentCommand.authentication();
    if (!deployment.isNew() || trusted(user, configuration)) {
      return;
    }
    Map<String, byte[]> resources = new LinkedHashMap<>();
    deployment.getResources().forEach((name, resource) -> resources.put(name, resource.getBytes()));
    List<Offence> offences =
        new ModelRules(beans.names(), dmnDefaults(configuration)).check(resources);
    if (!offences.isEmpty()) {
      LOG.warn(
          "Refused the deployment '{}' by {}: {}",
          oneLine(deployment.getName()),
          user.getUserId(),
          oneLine(offences));
      throw new DeploymentRefused(user.getUserId(), offences);
    }
  }

  static boolean trusted(Authentication user, ProcessEngineConfigurationImpl configuration) {
    return user == null || user.getUserId() == null || Administrators.include(user, configuration);
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
