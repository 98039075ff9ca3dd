package org.invisiblebars.accreditation.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.invisiblebars.platform.validation.InvalidInputException;

/**
 * One criterion rated 1–5 with the evidence behind it; equal by the criterion, the key of its row.
 */
@Embeddable
public class Rating {

  @Enumerated(EnumType.STRING)
  @Column(name = "criterion", nullable = false, length = 20)
  private Criterion criterion;

  @Column(name = "rating", nullable = false)
  private int value;

  @Column(name = "evidence", nullable = false, length = 2000)
  private String evidence;

  protected Rating() {}

  public Rating(Criterion criterion, int value, String evidence) {
    if (value < 1 || value > 5) {
      throw InvalidInputException.of(criterion.decisionInput() + "Rating", "must be 1 to 5");
    }
    this.criterion = criterion;
    this.value = value;
    this.evidence = evidence;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Rating that && criterion == that.criterion;
  }

  @Override
  public int hashCode() {
    return criterion.hashCode();
  }

  public Criterion getCriterion() {
    return criterion;
  }

  public int getValue() {
    return value;
  }

  public String getEvidence() {
    return evidence;
  }
}
