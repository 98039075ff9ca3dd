package org.invisiblebars.accreditation.usecase;

import java.util.UUID;

/**
 * What the use cases need from the process engine. The business key is the accreditation's
 * reference; the adapter correlates by the id variable, which instances started before references
 * existed (business key: the id) have too.
 */
public interface AccreditationProcessPort {

  void start(
      UUID accreditationId, String reference, boolean formalMandate, String organisationName);

  void informationSupplied(UUID accreditationId);

  void mouCountersigned(UUID accreditationId);

  void revoked(UUID accreditationId);

  /** The NGO agreed to the MoU's current version. */
  void mouAgreed(UUID accreditationId);

  /** The NGO proposed amendments to the MoU's current version. */
  void mouAmendmentsProposed(UUID accreditationId);

  /**
   * The organisation added a representative to the accreditation {@code reference}: security vets
   * them (representative-vetting).
   */
  void representativeAdded(UUID accreditationId, String reference, UUID representativeId);
}
