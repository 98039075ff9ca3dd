package org.invisiblebars.platform.process;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_REVOKE;

import java.util.concurrent.Executors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.invisiblebars.platform.identity.Groups;
import org.springframework.stereotype.Component;

/**
 * Managers may read every process instance and task (they watch SLAs in Cockpit), but not those of
 * a confidential process (a report under review, a coordination meeting): its task forms show
 * confidential content in task-local variables. A revoke on the specific definition, instance or
 * task takes precedence over their grant on ANY. One place for the processes that need it.
 */
@Component
public class HiddenFromManagers {

  private final AuthorizationService authorizationService;

  HiddenFromManagers(AuthorizationService authorizationService) {
    this.authorizationService = authorizationService;
  }

  /** Cockpit and the engine REST API show managers no instance, task or variable of the process. */
  public void hideDefinition(String processKey) {
    revoke(
        Resources.PROCESS_DEFINITION,
        processKey,
        ProcessDefinitionPermissions.READ_INSTANCE,
        ProcessDefinitionPermissions.READ_TASK,
        ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE,
        ProcessDefinitionPermissions.READ_TASK_VARIABLE);
  }

  public void hideInstance(String processInstanceId) {
    revoke(Resources.PROCESS_INSTANCE, processInstanceId, Permissions.READ);
  }

  public void hideTask(String taskId) {
    revoke(Resources.TASK, taskId, Permissions.READ);
  }

  private void revoke(Resource resource, String resourceId, Permission... permissions) {
    Runnable save =
        () -> {
          boolean exists =
              authorizationService
                      .createAuthorizationQuery()
                      .authorizationType(AUTH_TYPE_REVOKE)
                      .groupIdIn(Groups.MANAGER)
                      .resourceType(resource)
                      .resourceId(resourceId)
                      .count()
                  > 0;
          if (exists) {
            return;
          }
          var revoke = authorizationService.createNewAuthorization(AUTH_TYPE_REVOKE);
          revoke.setGroupId(Groups.MANAGER);
          revoke.setResource(resource);
          revoke.setResourceId(resourceId);
          for (Permission permission : permissions) {
            revoke.removePermission(permission);
          }
          authorizationService.saveAuthorization(revoke);
        };
    // Whoever completed the previous task (or started the case) may not manage authorizations.
    CurrentCommand.withoutAuthorization(Executors.callable(save));
  }
}
