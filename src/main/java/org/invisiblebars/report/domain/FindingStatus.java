package org.invisiblebars.report.domain;

/** What an organisation found on a follow-up visit about one recommendation. */
public enum FindingStatus {
  IMPLEMENTED,
  PARTLY_IMPLEMENTED,
  NOT_IMPLEMENTED
}
