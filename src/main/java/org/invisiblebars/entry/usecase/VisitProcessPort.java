package org.invisiblebars.entry.usecase;

import java.time.Instant;
import java.util.UUID;

/**
 * The entry-authorisation process as the use cases see it: started per visit, told of a
 * cancellation.
 */
public interface VisitProcessPort {

  /** Starts the process; its business key is the visit's reference. */
  void start(
      UUID visitId,
      String reference,
      boolean formalMandate,
      boolean announced,
      Deadlines deadlines,
      String organisationName,
      String facilityName);

  void cancelled(UUID visitId);

  /**
   * The process's timers: escalation to the director if undecided, the gate opening, the end of the
   * window (expiry) and the check-out alert.
   */
  record Deadlines(
      Instant escalateAt, Instant gateOpensAt, Instant windowEndsAt, Instant checkOutAlertAt) {}
}
