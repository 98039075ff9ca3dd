package org.invisiblebars.accreditation.domain;

/** Security's clearance of a named representative. */
public enum Vetting {
  PENDING,
  CLEARED,
  REFUSED
}
