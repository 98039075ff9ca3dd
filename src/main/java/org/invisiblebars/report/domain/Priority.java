package org.invisiblebars.report.domain;

/** How urgent a recommendation is; urgent ones must be answered in the plan of action. */
public enum Priority {
  URGENT,
  NON_URGENT
}
