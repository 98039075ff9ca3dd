package org.invisiblebars.accreditation.domain;

/** The kind of programme an organisation proposes. */
public enum ProgrammeType {
  MONITORING,
  ANTI_CORRUPTION,
  FAMILY_LIAISON,
  PRISON_SERVICES
}
