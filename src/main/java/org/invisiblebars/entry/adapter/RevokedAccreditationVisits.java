package org.invisiblebars.entry.adapter;

import org.invisiblebars.accreditation.domain.AccreditationRevoked;
import org.invisiblebars.entry.usecase.VisitLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Revoking an organisation's accreditation cancels its visits that have not reached the gate. */
@Component
class RevokedAccreditationVisits {

  private final VisitLifecycle visits;

  RevokedAccreditationVisits(VisitLifecycle visits) {
    this.visits = visits;
  }

  @EventListener
  void cancelPendingVisits(AccreditationRevoked revoked) {
    visits.cancelPendingOf(
        revoked.organisationId(),
        "The organisation's accreditation was revoked: " + revoked.reasons(),
        revoked.revokedBy());
  }
}
