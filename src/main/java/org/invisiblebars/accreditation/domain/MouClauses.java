package org.invisiblebars.accreditation.domain;

import java.util.Set;
import java.util.UUID;

/**
 * The clauses of an MoU as the liaison officer drafts them with the NGO; {@code conditions} are
 * those the director attached to the approval (null when none).
 */
public record MouClauses(
    String mandateAndExpectations,
    String responsibilities,
    Set<UUID> representativeIds,
    String days,
    String hours,
    String procedures,
    String allowedActivities,
    String excludedAreas,
    int confidentialityDays,
    int termMonths,
    String continuityPlan,
    boolean universalAccess,
    String conditions) {

  public MouClauses {
    representativeIds = Set.copyOf(representativeIds);
  }

  /**
   * Clauses of an approval without conditions (the MoUs that tests and seeders of other features
   * make).
   */
  public MouClauses(
      String mandateAndExpectations,
      String responsibilities,
      Set<UUID> representativeIds,
      String days,
      String hours,
      String procedures,
      String allowedActivities,
      String excludedAreas,
      int confidentialityDays,
      int termMonths,
      String continuityPlan,
      boolean universalAccess) {
    this(
        mandateAndExpectations,
        responsibilities,
        representativeIds,
        days,
        hours,
        procedures,
        allowedActivities,
        excludedAreas,
        confidentialityDays,
        termMonths,
        continuityPlan,
        universalAccess,
        null);
  }

  /** These clauses with each non-null argument replacing its clause. */
  MouClauses with(
      String mandateAndExpectations,
      String responsibilities,
      String days,
      String hours,
      String procedures,
      String allowedActivities,
      String excludedAreas,
      Integer confidentialityDays,
      Integer termMonths,
      String continuityPlan) {
    return new MouClauses(
        or(mandateAndExpectations, this.mandateAndExpectations),
        or(responsibilities, this.responsibilities),
        representativeIds,
        or(days, this.days),
        or(hours, this.hours),
        or(procedures, this.procedures),
        or(allowedActivities, this.allowedActivities),
        or(excludedAreas, this.excludedAreas),
        or(confidentialityDays, this.confidentialityDays),
        or(termMonths, this.termMonths),
        or(continuityPlan, this.continuityPlan),
        universalAccess,
        conditions);
  }

  private static <T> T or(T replacement, T current) {
    return replacement != null ? replacement : current;
  }
}
