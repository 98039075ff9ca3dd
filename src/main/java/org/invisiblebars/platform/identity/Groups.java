package org.invisiblebars.platform.identity;

import java.util.List;

/** The Camunda groups of Invisible Bars; their ids are part of the contract with BPMN and DMN. */
public final class Groups {

  public static final String DIRECTOR = "director";
  public static final String SECURITY = "security";
  public static final String NGO_LIAISON = "ngo-liaison";
  public static final String MANAGER = "manager";
  public static final String PROCESS_OWNER = "process-owner";
  public static final String CAMUNDA_ADMIN = "camunda-admin";
  public static final String NGO = "ngo";

  /** Prison staff: they work in the Camunda web applications, never through the NGO API. */
  public static final List<String> STAFF =
      List.of(DIRECTOR, SECURITY, NGO_LIAISON, MANAGER, PROCESS_OWNER, CAMUNDA_ADMIN);

  /** Staff groups that receive user tasks and so get a queue of their own in Tasklist. */
  public static final List<String> TASK_QUEUES = List.of(DIRECTOR, SECURITY, NGO_LIAISON, MANAGER);

  public static final List<String> ALL =
      List.of(DIRECTOR, SECURITY, NGO_LIAISON, MANAGER, PROCESS_OWNER, CAMUNDA_ADMIN, NGO);

  private Groups() {}

  static String displayName(String groupId) {
    return switch (groupId) {
      case DIRECTOR -> "Directors";
      case SECURITY -> "Security staff";
      case NGO_LIAISON -> "NGO liaison officers";
      case MANAGER -> "Managers";
      case PROCESS_OWNER -> "Process owners";
      case CAMUNDA_ADMIN -> "Camunda administrators";
      case NGO -> "NGO representatives";
      default -> throw new IllegalArgumentException("unknown group " + groupId);
    };
  }
}
