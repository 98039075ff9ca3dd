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

  protected Nominee() {}

  public Nominee(UUID representativeId) {
    this.representativeId = representativeId;
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

  public String getVettingReasons() {
    return vettingReasons;
  }
}
