package org.invisiblebars.platform.identity;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.springframework.stereotype.Component;

/** Idempotent writes to the Camunda user store: each method creates what is missing, never twice. */
@Component
class IdentityStore {

  private final IdentityService identityService;
  private final ProcessEngineConfigurationImpl engineConfiguration;

  IdentityStore(ProcessEngine processEngine) {
    this.identityService = processEngine.getIdentityService();
    this.engineConfiguration =
        (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
  }

  void ensureGroup(String groupId) {
    if (identityService.createGroupQuery().groupId(groupId).count() > 0) {
      return;
    }
    Group group = identityService.newGroup(groupId);
    group.setName(Groups.displayName(groupId));
    group.setType(Groups.NGO.equals(groupId) ? "EXTERNAL" : "WORKFLOW");
    identityService.saveGroup(group);
  }

  boolean userExists(String userId) {
    return identityService.createUserQuery().userId(userId).count() > 0;
  }

  /**
   * Creates a user if missing. The engine's password policy applies unless {@code demoPassword} is
   * set, which only the demo seeding does, for its well-known password.
   */
  boolean ensureUser(UserSpec spec, String password, boolean demoPassword) {
    if (userExists(spec.id())) {
      return false;
    }
    User user = identityService.newUser(spec.id());
    user.setFirstName(spec.firstName());
    user.setLastName(spec.lastName());
    user.setEmail(spec.email());
    user.setPassword(password);
    engineConfiguration.getCommandExecutorTxRequired().execute(new SaveUserCmd(user, demoPassword));
    return true;
  }

  void ensureMembership(String userId, String groupId) {
    if (identityService.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
      identityService.createMembership(userId, groupId);
    }
  }

  long memberCount(String groupId) {
    return identityService.createUserQuery().memberOfGroup(groupId).count();
  }

  /** A person to create in the user store. */
  record UserSpec(String id, String firstName, String lastName, String email) {}
}
