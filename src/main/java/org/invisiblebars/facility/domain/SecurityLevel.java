package org.invisiblebars.facility.domain;

/** How secure a facility is; an input of the visit-risk decision. */
public enum SecurityLevel {
  LOW,
  MEDIUM,
  HIGH,
  MAXIMUM
}
