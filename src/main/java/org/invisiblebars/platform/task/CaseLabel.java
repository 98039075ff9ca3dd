package org.invisiblebars.platform.task;

/**
 * What tells one case apart from another where people scan many: its reference, its organisation,
 * its facility (or facilities). Every task of our processes carries it as plain task-local
 * variables, so whoever may read the task (its candidates, Tasklist's filters) reads them, with no
 * right to the instance's variables and nothing confidential beside them; the SLA breach of a task
 * records them.
 */
public record CaseLabel(String reference, String organisationName, String facilityName) {

  /** The task-local variables, named apart from the forms' own fields. */
  public static final String REFERENCE = "caseReference";

  public static final String ORGANISATION = "caseOrganisation";
  public static final String FACILITY = "caseFacility";
}
