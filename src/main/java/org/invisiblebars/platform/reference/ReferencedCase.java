package org.invisiblebars.platform.reference;

import jakarta.persistence.Column;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;

/**
 * A case people name on the phone: an accreditation, a visit, a report, a coordination meeting. Its
 * reference is given once, by {@link CaseReferenceAssignment} when the case is first stored, from
 * its prefix and the year it was created; a unique column of the case's table.
 */
@MappedSuperclass
@EntityListeners(CaseReferenceAssignment.class)
public abstract class ReferencedCase {

  @Column(unique = true, nullable = false, length = 20)
  private String reference;

  /** The kind's prefix: {@code ACC}, {@code VIS}, {@code REP}, {@code MTG}. */
  public abstract String referencePrefix();

  /** When the case was created (the year of the reference is taken from it). */
  public abstract Instant createdAt();

  /** The reference, null until the case is stored. */
  public String getReference() {
    return reference;
  }

  /** Called once, when the case is first stored. */
  void assignReference(String given) {
    if (reference != null) {
      throw new IllegalStateException(
          getClass().getSimpleName() + " has its reference " + reference + " already");
    }
    reference = given;
  }
}
