package org.invisiblebars.accreditation.domain;

import java.util.Set;
import java.util.UUID;

/** The clauses of an MoU as the liaison officer drafts them with the NGO. */
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
    boolean universalAccess) {

  public MouClauses {
    representativeIds = Set.copyOf(representativeIds);
  }
}
