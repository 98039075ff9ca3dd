package org.invisiblebars.platform.identity;

import java.util.List;
import java.util.stream.Stream;

/** The Camunda groups of Invisible Bars; their ids are part of the contract with BPMN and DMN. */
public final class Groups {

  public static final String DIRECTOR = "director";
  public static final String SECURITY = "security";
  public static final String NGO_LIAISON = "ngo-liaison";
  public static final String MANAGER = "manager";
  public static final String PROCESS_OWNER = "process-owner";
  public static final String CAMUNDA_ADMIN = "camunda-admin";
  public static final String NGO = "ngo";

  /**
   * An oversight body independent of the facility (an inspectorate, an ombudsperson's office): it
   * refers allegations of ill-treatment, which must not stay inside the prison's own chain.
   */
  public static final String OVERSIGHT = "oversight";

  /** The heads of the oversight body: a late referral is escalated to them, never to the prison. */
  public static final String OVERSIGHT_HEAD = "oversight-head";

  /** Prison staff: they work in the Camunda web applications, never through the NGO API. */
  public static final List<String> STAFF =
      List.of(DIRECTOR, SECURITY, NGO_LIAISON, MANAGER, PROCESS_OWNER, CAMUNDA_ADMIN);

  /**
   * Who works in Tasklist and the engine REST API: prison staff and the oversight body. The
   * oversight body is not staff: it reads no organisation, visit or report through our API.
   */
  public static final List<String> TASKLIST_USERS =
      Stream.concat(STAFF.stream(), Stream.of(OVERSIGHT, OVERSIGHT_HEAD)).toList();

  /** Groups that receive user tasks and so get a queue of their own in Tasklist. */
  public static final List<String> TASK_QUEUES =
      List.of(DIRECTOR, SECURITY, NGO_LIAISON, MANAGER, OVERSIGHT, OVERSIGHT_HEAD);

  public static final List<String> ALL =
      Stream.concat(TASKLIST_USERS.stream(), Stream.of(NGO)).toList();

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
      case OVERSIGHT -> "Oversight body";
      case OVERSIGHT_HEAD -> "Heads of the oversight body";
      default -> throw new IllegalArgumentException("unknown group " + groupId);
    };
  }
}
