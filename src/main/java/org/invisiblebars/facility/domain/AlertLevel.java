package org.invisiblebars.facility.domain;

/**
 * The facility's current alert level, set by security staff; an input of the visit-risk decision.
 */
public enum AlertLevel {
  NORMAL,
  ELEVATED,
  CRITICAL
}
