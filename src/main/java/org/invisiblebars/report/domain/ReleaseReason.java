package org.invisiblebars.report.domain;

/** Why a report was released to its organisation, as the organisation reads it. */
public enum ReleaseReason {
  /** The authorities did not respond within the agreed period. */
  NO_RESPONSE,
  /** The authorities responded with a plan of action, which is attached. */
  WITH_RESPONSE,
  /** The director waived the rest of the confidential period, with reasons. */
  WAIVED
}
