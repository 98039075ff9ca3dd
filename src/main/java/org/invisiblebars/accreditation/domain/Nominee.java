package org.invisiblebars.accreditation.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.UUID;

/**
 * A representative the organisation names in its application, and security's vetting of them. Equal
 * by the person, the key of its row, so that Hibernate sees an unchanged set as unchanged (without
 * equals it rewrote every row on each flush, and two requests at once collided on the key).
 */
@Embeddable
public class Nominee {

  @Column(name = "representative_id", nullable = false)
  private UUID representativeId;

  @Enumerated(EnumType.STRING)
  @Column(name = "vetting", nullable = false, length = 10)
  private Vetting vetting = Vetting.PENDING;

  @Column(name = "vetting_reasons", length = 2000)
  private String vettingReasons;

  /** Added after the application: vetted by a process of its own, not the application's tasks. */
  @Column(name = "added_later", nullable = false)
  private boolean addedLater;

  protected Nominee() {}

  public Nominee(UUID representativeId) {
    this.representativeId = representativeId;
  }

  /** A representative the organisation adds while the accreditation is under way or in force. */
  static Nominee addedLater(UUID representativeId) {
    Nominee nominee = new Nominee(representativeId);
    nominee.addedLater = true;
    return nominee;
  }

  void vet(Vetting outcome, String reasons) {
    this.vetting = outcome;
    this.vettingReasons = reasons;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Nominee that && representativeId.equals(that.representativeId);
  }

  @Override
  public int hashCode() {
    return representativeId.hashCode();
  }

  public UUID getRepresentativeId() {
    return representativeId;
  }

  public Vetting getVetting() {
    return vetting;
  }

  public boolean isAddedLater() {
    return addedLater;
  }

  public String getVettingReasons() {
    return vettingReasons;
  }
}
