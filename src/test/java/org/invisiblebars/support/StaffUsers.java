package org.invisiblebars.support;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/**
 * Staff beyond the demo users, so that two people of one group act at once; their password is
 * {@link AccreditedOrganisations#PASSWORD}.
 */
public final class StaffUsers {

  private static final Set<String> MADE = ConcurrentHashMap.newKeySet();

  private StaffUsers() {}

  /** Creates {@code userId} in {@code group} unless it exists; returns the id. */
  public static String ensure(IdentityService identityService, String userId, String group) {
    if (identityService.createUserQuery().userId(userId).count() == 0) {
      User user = identityService.newUser(userId);
      user.setPassword(AccreditedOrganisations.PASSWORD);
      identityService.saveUser(user);
      identityService.createMembership(userId, group);
    }
    MADE.add(userId);
    return userId;
  }

  /** Whether {@code userId} was made here (and so signs in with the tests' password). */
  public static boolean made(String userId) {
    return MADE.contains(userId);
  }
}
