package org.invisiblebars.accreditation.usecase;

/** The subject type of accreditation entries in the decision log. */
final class AccreditationSubject {

  static final String TYPE = "ACCREDITATION";

  private AccreditationSubject() {}
}
