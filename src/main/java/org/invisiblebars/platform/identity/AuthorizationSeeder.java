package org.invisiblebars.platform.identity;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.Arrays;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.BatchPermissions;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Component;

/**
 * Grants each group what its role needs and nothing more. NGO representatives get no grant at all:
 * they have no web application and no engine access. Task-level access comes from the engine's own
 * candidate-group authorizations, so a group sees only its own tasks.
 */
@Component
class AuthorizationSeeder {

  static final String TASKLIST = "tasklist";
  static final String COCKPIT = "cockpit";

  private final AuthorizationService authorizationService;

  AuthorizationSeeder(AuthorizationService authorizationService) {
    this.authorizationService = authorizationService;
  }

  void seed() {
    for (Resource resource : Resources.values()) {
      grant(Groups.CAMUNDA_ADMIN, resource, ANY, Permissions.ALL);
    }
    for (String staff : Groups.TASKLIST_USERS) {
      grant(staff, Resources.APPLICATION, TASKLIST, Permissions.ACCESS);
    }
    for (String worker : Groups.TASK_QUEUES) {
      grant(worker, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
    }

    String manager = Groups.MANAGER;
    grant(manager, Resources.APPLICATION, COCKPIT, Permissions.ACCESS);
    grant(
        manager,
        Resources.PROCESS_DEFINITION,
        ANY,
        Permissions.READ,
        Permissions.READ_INSTANCE,
        Permissions.READ_HISTORY,
        Permissions.READ_TASK);
    grant(manager, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
    grant(manager, Resources.TASK, ANY, Permissions.READ);
    grant(manager, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
    grant(manager, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
    grant(manager, Resources.DEPLOYMENT, ANY, Permissions.READ);
    grant(manager, Resources.HISTORIC_TASK, ANY, HistoricTaskPermissions.READ);
    grant(
        manager, Resources.HISTORIC_PROCESS_INSTANCE, ANY, HistoricProcessInstancePermissions.READ);

    // Camunda Modeler deploys through POST /engine-rest/deployment/create.
    String processOwner = Groups.PROCESS_OWNER;
    grant(processOwner, Resources.DEPLOYMENT, ANY, Permissions.CREATE, Permissions.READ);
    // Instance migration (platform/migration, or POST /engine-rest/migration/executeAsync): the
    // engine checks MIGRATE_INSTANCE on both versions and the right to create the batch.
    grant(
        processOwner,
        Resources.PROCESS_DEFINITION,
        ANY,
        Permissions.READ,
        ProcessDefinitionPermissions.MIGRATE_INSTANCE);
    grant(
        processOwner,
        Resources.BATCH,
        ANY,
        BatchPermissions.CREATE_BATCH_MIGRATE_PROCESS_INSTANCES);
    grant(processOwner, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
    grant(processOwner, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
  }

  /** Adds the permissions to the group's grant on the resource, creating the grant if missing. */
  void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization authorization =
        authorizationService
            .createAuthorizationQuery()
            .authorizationType(AUTH_TYPE_GRANT)
            .groupIdIn(groupId)
            .resourceType(resource)
            .resourceId(resourceId)
            .singleResult();
    if (authorization == null) {
      authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
      authorization.setGroupId(groupId);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    } else if (Arrays.stream(permissions).allMatch(authorization::isPermissionGranted)) {
      return;
    }
    for (Permission permission : permissions) {
      authorization.addPermission(permission);
    }
    authorizationService.saveAuthorization(authorization);
  }
}
