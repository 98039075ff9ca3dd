package org.invisiblebars.report.domain;

/** Where a report stands: confidential under review, or public (with or without a response). */
public enum ReportStatus {
  /**
   * Within the confidential review period: only the organisation, directors and liaison read it.
   */
  UNDER_REVIEW,
  /** Public with the authorities' response (they met the NGO and submitted a plan of action). */
  PUBLISHED,
  /**
   * Public with the statement that the authorities did not respond in time; the NGO may use it
   * freely.
   */
  RELEASED;

  public boolean isPublic() {
    return this != UNDER_REVIEW;
  }
}
