package org.invisiblebars.registration.usecase;

import java.util.UUID;

/** The port to the engine: a verified request starts its review by a liaison officer. */
public interface RegistrationReviews {

  /** Starts the review of request {@code id} (business key: its {@code reference}). */
  void start(UUID id, String reference);
}
