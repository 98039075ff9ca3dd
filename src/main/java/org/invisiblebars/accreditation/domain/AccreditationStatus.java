package org.invisiblebars.accreditation.domain;

import java.util.EnumSet;
import java.util.Set;

/** Where an accreditation stands; the NGO API shows it together with what is awaited. */
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

  private static final Set<AccreditationStatus> FINAL =
      EnumSet.of(MANDATE_REGISTERED, REJECTED, WITHDRAWN, LAPSED, EXPIRED, REVOKED);

  /** No further change, except that a registered mandate stays registered. */
  public boolean isFinal() {
    return FINAL.contains(this);
  }

  /** The director may revoke while the accreditation is pending or active. */
  public boolean isRevocable() {
    return !isFinal();
  }
}
