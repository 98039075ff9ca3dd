package org.invisiblebars.platform.identity;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.springframework.stereotype.Component;

/**
 * Idempotent writes to the Camunda user store: each method creates what is missing, never twice.
 *
 * <p>The adapter over one internal: saving a user without the engine's password policy, for the
 * demo users' well-known password, is offered by {@link IdentityServiceImpl#saveUser(User,
 * boolean)} only, not by the {@code IdentityService} interface. On an engine upgrade, check that
 * the method is still there (Camunda 7.24: it is).
 */
@Component
class IdentityStore {

  private final IdentityService identityService;

  IdentityStore(ProcessEngine processEngine) {
    this.identityService = processEngine.getIdentityService();
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
    ((IdentityServiceImpl) identityService).saveUser(user, demoPassword);
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
