package org.invisiblebars.organisation.usecase;

/** The Camunda user store, as far as binding NGO users to organisations needs it. */
public interface UserDirectory {

  boolean exists(String userId);

  boolean isNgoRepresentative(String userId);
}
