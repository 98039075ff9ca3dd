package org.invisiblebars.entry.domain;

import java.util.EnumSet;
import java.util.Set;

/** Where a visit stands; the NGO API shows it with what is awaited. */
public enum VisitStatus {
  /** Received; the scope check runs. */
  REQUESTED,
  /** Outside the accreditation, mandate or MoU; the violated rules are listed. */
  REJECTED,
  /** Security assesses the risk and, where required, the director authorises. */
  UNDER_REVIEW,
  DENIED,
  /** Authorised; the liaison officer schedules it and assigns an escort. */
  SCHEDULING,
  /** Scheduled; the search notice is issued and each representative must acknowledge it. */
  SCHEDULED,
  /** At least one representative entered; awaiting check-out. */
  IN_PROGRESS,
  COMPLETED,
  /**
   * Nobody entered: every representative refused the search, lacked the acknowledgement or did not
   * come.
   */
  NO_ENTRY,
  /** The window passed before the visit was decided or before anyone checked in. */
  EXPIRED,
  CANCELLED;

  private static final Set<VisitStatus> PENDING =
      EnumSet.of(REQUESTED, UNDER_REVIEW, SCHEDULING, SCHEDULED);

  /** Not yet at the gate: the NGO may cancel, and a revocation cancels it. */
  public boolean isPending() {
    return PENDING.contains(this);
  }
}
