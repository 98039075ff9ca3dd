package org.invisiblebars.report.domain;

/** Follow-up of an accepted recommendation; OPEN and IN_PROGRESS are still awaited. */
public enum FollowUpStatus {
  OPEN,
  IMPLEMENTED,
  IN_PROGRESS,
  NOT_IMPLEMENTED;

  public boolean isClosed() {
    return this == IMPLEMENTED || this == NOT_IMPLEMENTED;
  }
}
