package org.invisiblebars.report.adapter.process;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_REVOKE;

import java.util.concurrent.Executors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.invisiblebars.platform.identity.Groups;
import org.invisiblebars.platform.process.CurrentCommand;
import org.invisiblebars.report.usecase.ReportPublicationProcess;
import org.invisiblebars.report.usecase.ReportReviewProcess;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Managers may read every process instance and task (they watch SLAs in Cockpit), but not a
 * confidential report's: a task form of this process shows the report's content in task-local
 * variables. A revoke on the specific definition, instance or task takes precedence over their
 * grant on ANY. Security and process owners have no instance or task grant at all, and the tasks'
 * candidate groups (director, ngo-liaison) are the ones allowed to read.
 */
@Component
class ReportAuthorizations {

  private final AuthorizationService authorizationService;

  ReportAuthorizations(AuthorizationService authorizationService) {
    this.authorizationService = authorizationService;
  }

  /**
   * Cockpit and the engine REST API show managers no instance, task or variable of report-review
   * nor of report-publication (whose redaction task shows the report).
   */
  @EventListener(ApplicationReadyEvent.class)
  void hideDefinition() {
    for (String key : new String[] {ReportReviewProcess.KEY, ReportPublicationProcess.KEY}) {
      revoke(
          Resources.PROCESS_DEFINITION,
          key,
          ProcessDefinitionPermissions.READ_INSTANCE,
          ProcessDefinitionPermissions.READ_TASK,
          ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE,
          ProcessDefinitionPermissions.READ_TASK_VARIABLE);
    }
  }

  void hideInstance(String processInstanceId) {
    revoke(Resources.PROCESS_INSTANCE, processInstanceId, Permissions.READ);
  }

  void hideTask(String taskId) {
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
    // Whoever completed the previous task (or started the report) may not manage authorizations.
    CurrentCommand.withoutAuthorization(Executors.callable(save));
  }
}
