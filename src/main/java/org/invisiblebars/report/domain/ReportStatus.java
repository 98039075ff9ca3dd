package org.invisiblebars.report.domain;

/**
 * Where a report stands. The prison's system never makes a report public on its own: the end of the
 * review hands it back to its organisation, and only the organisation's consent puts a redacted
 * version on the public register.
 */
public enum ReportStatus {
  /**
   * Within the confidential review period: only the organisation, directors and liaison read it.
   */
  UNDER_REVIEW,
  /**
   * The review is over (the period ended or the director waived it): the organisation is free to
   * use its report; why is its {@link ReleaseReason}. Not on the public register.
   */
  RELEASED,
  /**
   * The review of an ICRC report is over; the report stays confidential between the ICRC and the
   * authorities, as the ICRC's modalities require. Never released, never published.
   */
  KEPT_CONFIDENTIAL,
  /**
   * Released, and on the public register in its redacted version with the organisation's consent.
   */
  PUBLISHED;

  /** The review period is over (whatever became of the report). */
  public boolean isReviewed() {
    return this != UNDER_REVIEW;
  }
}
