package org.invisiblebars.accreditation.domain;

import static java.util.Map.entry;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where an accreditation stands; the NGO API shows it together with what is awaited. The moves
 * between statuses are those of {@code processes/ngo-accreditation.bpmn}, listed in one table:
 * {@link Accreditation#moveTo} refuses any other.
 */
public enum AccreditationStatus {
  SUBMITTED,
  AWAITING_INFORMATION,
  MANDATE_REGISTERED,
  REJECTED,
  WITHDRAWN,
  MOU_IN_NEGOTIATION,
  AWAITING_COUNTERSIGNATURE,
  AWAITING_SIGNATURE,
  ACTIVE,
  LAPSED,
  EXPIRED,
  REVOKED;

  /**
   * Each status and the statuses it may move to. A submitted application is registered (formal
   * mandate), rejected, asked for information, or approved with its MoU drafted and shared with the
   * NGO for negotiation; the NGO's answer returns it to review, silence withdraws it; an agreed MoU
   * awaits countersignature, a countersigned one the director's signature, which activates it;
   * silence during the negotiation or the countersignature lets it lapse; its term expires. The
   * director may revoke any that is not final. Final statuses move nowhere. (Submitted straight to
   * countersignature, and countersignature straight to active, are the moves of instances started
   * on the model before the negotiation and the status after countersignature existed.)
   */
  private static final Map<AccreditationStatus, Set<AccreditationStatus>> MOVES =
      Map.ofEntries(
          entry(
              SUBMITTED,
              EnumSet.of(
                  MANDATE_REGISTERED,
                  REJECTED,
                  AWAITING_INFORMATION,
                  MOU_IN_NEGOTIATION,
                  AWAITING_COUNTERSIGNATURE,
                  REVOKED)),
          entry(AWAITING_INFORMATION, EnumSet.of(SUBMITTED, WITHDRAWN, REVOKED)),
          entry(MOU_IN_NEGOTIATION, EnumSet.of(AWAITING_COUNTERSIGNATURE, LAPSED, REVOKED)),
          entry(AWAITING_COUNTERSIGNATURE, EnumSet.of(AWAITING_SIGNATURE, ACTIVE, LAPSED, REVOKED)),
          entry(AWAITING_SIGNATURE, EnumSet.of(ACTIVE, REVOKED)),
          entry(ACTIVE, EnumSet.of(EXPIRED, REVOKED)));

  /** Whether an accreditation in this status may move to {@code next}. */
  public boolean canMoveTo(AccreditationStatus next) {
    return MOVES.getOrDefault(this, Set.of()).contains(next);
  }

  /** No further change. */
  public boolean isFinal() {
    return !MOVES.containsKey(this);
  }

  /** The director may revoke while the accreditation is pending or active. */
  public boolean isRevocable() {
    return canMoveTo(REVOKED);
  }
}
