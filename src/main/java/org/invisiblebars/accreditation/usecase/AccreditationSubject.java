package org.invisiblebars.accreditation.usecase;

/** The subject type of accreditation entries in the decision log. */
public final class AccreditationSubject {

  public static final String TYPE = "ACCREDITATION";

  private AccreditationSubject() {}
}
