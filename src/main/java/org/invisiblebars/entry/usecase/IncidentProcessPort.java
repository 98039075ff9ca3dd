package org.invisiblebars.entry.usecase;

import java.time.Instant;
import java.util.UUID;

/** The incident-review process as the use cases see it: started per incident, told of a contest. */
public interface IncidentProcessPort {

  /**
   * Starts the review of the visit's incident; the names are the columns of the Tasklist filters.
   */
  /** Starts the review, keyed by the visit's reference so Tasklist and Cockpit name the visit. */
  void start(
      UUID visitId,
      String visitReference,
      Instant contestDeadline,
      String organisationName,
      String facilityName);

  /** The organisation contested the incident: the director decides. */
  void contested(UUID visitId);
}
