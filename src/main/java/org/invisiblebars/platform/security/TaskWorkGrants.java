package org.invisiblebars.platform.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Tasks opened before {@link TaskOperationGuard} gave their candidates and assignee {@code UPDATE}
 * on the task: with it they could still move the due date or hand the task to someone else. At
 * every start, each such grant on a single task becomes {@code TASK_WORK}, as for new tasks. Grants
 * on every task ({@code *}, the administrators') are left alone. Idempotent; when two nodes start
 * at once, the node that loses the race on a grant leaves it to the other.
 */
@Component
class TaskWorkGrants implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(TaskWorkGrants.class);

  private final AuthorizationService authorizationService;

  TaskWorkGrants(AuthorizationService authorizationService) {
    this.authorizationService = authorizationService;
  }

  @Override
  public void run(ApplicationArguments args) {
    upgrade();
  }

  /** Returns how many grants it changed. */
  int upgrade() {
    int upgraded = 0;
    for (Authorization grant :
        authorizationService
            .createAuthorizationQuery()
            .authorizationType(AUTH_TYPE_GRANT)
            .resourceType(Resources.TASK)
            .hasPermission(Permissions.UPDATE)
            .list()) {
      if (ANY.equals(grant.getResourceId())) {
        continue;
      }
      grant.removePermission(Permissions.UPDATE);
      grant.addPermission(Permissions.TASK_WORK);
      try {
        authorizationService.saveAuthorization(grant);
        upgraded++;
      } catch (OptimisticLockingException upgradedByAnotherNode) {
        LOG.debug("Grant {} was upgraded by another node", grant.getId());
      }
    }
    if (upgraded > 0) {
      LOG.info("{} grants on open tasks now allow TASK_WORK instead of UPDATE", upgraded);
    }
    return upgraded;
  }
}
