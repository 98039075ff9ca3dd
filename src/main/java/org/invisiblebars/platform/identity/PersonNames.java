package org.invisiblebars.platform.identity;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/** How people are named where a person reads them: "Paula Process Owner", or with the user id. */
public final class PersonNames {

  private PersonNames() {}

  /** First and last name, blank when the user has neither. */
  public static String fullName(User user) {
    return ((user.getFirstName() == null ? "" : user.getFirstName())
            + " "
            + (user.getLastName() == null ? "" : user.getLastName()))
        .strip();
  }

  /**
   * "Paula Process Owner (paula)" for each of {@code userIds}, in one query of the identity
   * service; the user id alone for a user without a name or no longer known.
   */
  public static Map<String, String> labelled(IdentityService identity, Collection<String> userIds) {
    Set<String> ids = new TreeSet<>(userIds);
    Map<String, String> names = new LinkedHashMap<>();
    ids.forEach(id -> names.put(id, id));
    if (!ids.isEmpty()) {
      identity.createUserQuery().userIdIn(ids.toArray(String[]::new)).list().stream()
          .filter(user -> !fullName(user).isEmpty())
          .forEach(user -> names.put(user.getId(), fullName(user) + " (" + user.getId() + ")"));
    }
    return names;
  }

  /** {@link #labelled(IdentityService, Collection)} for one user. */
  public static String labelled(IdentityService identity, String userId) {
    return labelled(identity, Set.of(userId)).get(userId);
  }
}
