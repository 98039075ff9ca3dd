package org.invisiblebars.modelchange.adapter.process;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.SuspensionState;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.invisiblebars.modelchange.usecase.ModelChanges;
import org.invisiblebars.platform.identity.Administrators;
import org.invisiblebars.platform.process.CurrentCommand;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Holds every new deployment of processes or decisions by a signed-in user who is not an
 * administrator (a process owner deploying from Modeler, by any route) for review: a post-deployer,
 * the engine's extension point that sees a deployment once its models are parsed, before they are
 * stored, so the new process definitions are stored suspended and the deployment, its hold and its
 * review commit or roll back together. Administrators ({@code camunda-admin}) are trusted with the
 * models as with the code; the application's own start-up deployment has no user. Deployments the
 * engine re-reads into its cache are not new and not held again.
 *
 * <p>{@code ProcessDefinitionEntity#setSuspensionState} and {@code DeploymentEntity} are engine
 * classes (Camunda 7.24); the public API can suspend a definition only once it is stored, which
 * would leave a moment in which the new version is live.
 */
@Component
class ModelChangeHold extends AbstractProcessEnginePlugin implements Deployer {

  private final ObjectProvider<ModelChanges> changes;

  ModelChangeHold(ObjectProvider<ModelChanges> changes) {
    this.changes = changes;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<Deployer> postDeployers =
        configuration.getCustomPostDeployers() == null
            ? new ArrayList<>()
            : new ArrayList<>(configuration.getCustomPostDeployers());
    postDeployers.add(this);
    configuration.setCustomPostDeployers(postDeployers);
  }

  @Override
  public void deploy(DeploymentEntity deployment) {
    Authentication user = CurrentCommand.authentication();
    if (!deployment.isNew()
        || user == null
        || user.getUserId() == null
        || Administrators.include(user, CurrentCommand.configuration())) {
      return;
    }
    List<ProcessDefinition> processes = deployment.getDeployedProcessDefinitions();
    boolean decisions =
        deployment.getDeployedDecisionDefinitions() != null
            && !deployment.getDeployedDecisionDefinitions().isEmpty();
    if ((processes == null || processes.isEmpty()) && !decisions) {
      return;
    }
    if (processes != null) {
      processes.forEach(
          definition ->
              ((ProcessDefinitionEntity) definition)
                  .setSuspensionState(SuspensionState.SUSPENDED.getStateCode()));
    }
    Map<String, byte[]> resources = new LinkedHashMap<>();
    deployment.getResources().forEach((name, resource) -> resources.put(name, resource.getBytes()));
    changes
        .getObject()
        .hold(
            new ModelChanges.Submitted(
                deployment.getId(),
                deployment.getName(),
                deployment.getSource(),
                user.getUserId(),
                resources));
  }
}
