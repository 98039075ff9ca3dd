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
  AWAITING_COUNTERSIGNATURE,
  ACTIVE,
  LAPSED,
  EXPIRED,
  REVOKED;

  /**
   * Each status and the statuses it may move to. A submitted application is registered (formal
   * mandate), rejected, asked for information, or approved and sent for countersignature; the NGO's
   * answer returns it to review, silence withdraws it; a countersigned and signed MoU activates it,
   * no countersignature lets it lapse; its term expires. The director may revoke any that is not
   * final. Final statuses move nowhere.
   */
  private static final Map<AccreditationStatus, Set<AccreditationStatus>> MOVES =
      Map.ofEntries(
          entry(
              SUBMITTED,
              EnumSet.of(
                  MANDATE_REGISTERED,
                  REJECTED,
                  AWAITING_INFORMATION,
                  AWAITING_COUNTERSIGNATURE,
                  REVOKED)),
          entry(AWAITING_INFORMATION, EnumSet.of(SUBMITTED, WITHDRAWN, REVOKED)),
          entry(AWAITING_COUNTERSIGNATURE, EnumSet.of(ACTIVE, LAPSED, REVOKED)),
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
