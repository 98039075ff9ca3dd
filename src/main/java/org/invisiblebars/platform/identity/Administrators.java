package org.invisiblebars.platform.identity;

import java.util.List;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Who the engine counts as an administrator ({@code camunda-admin}, and any other admin group or
 * user it is configured with), as its own authorization manager decides, for checks that run
 * outside an engine command (a deployer, a filter in front of the engine REST API).
 */
public final class Administrators {

  private Administrators() {}

  /** Whether {@code user} is an administrator; nobody signed in is not. */
  public static boolean include(Authentication user, ProcessEngineConfigurationImpl configuration) {
    if (user == null || user.getUserId() == null) {
      return false;
    }
    List<String> adminUsers =
        configuration.getAdminUsers() == null ? List.of() : configuration.getAdminUsers();
    List<String> adminGroups =
        configuration.getAdminGroups() == null ? List.of() : configuration.getAdminGroups();
    return adminUsers.contains(user.getUserId())
        || user.getGroupIds() != null
            && user.getGroupIds().stream().anyMatch(adminGroups::contains);
  }
}
