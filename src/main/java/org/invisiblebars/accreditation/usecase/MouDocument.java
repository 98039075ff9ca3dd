package org.invisiblebars.accreditation.usecase;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What the signed MoU shows, resolved to names and dates: the clauses of one version, the
 * organisation, its cleared representatives and the signatures given so far.
 *
 * <p>Only what would make a broken document is refused here; whether the clauses satisfy the
 * accreditation rules (a continuity plan for prison services, universal access for religious-based
 * organisations) is decided where the MoU is drafted, and the document shows any gap plainly.
 */
public record MouDocument(
    UUID accreditationId,
    String reference,
    int version,
    String organisationName,
    String mandateType,
    String programmeType,
    String mandateAndExpectations,
    String responsibilities,
    List<String> representatives,
    String days,
    String hours,
    String procedures,
    String allowedActivities,
    String excludedAreas,
    int confidentialityReviewDays,
    int termMonths,
    LocalDate termStart,
    LocalDate termEnd,
    String continuityPlan,
    boolean religiousBased,
    boolean universalAccessCommitment,
    String facilities,
    Signature ngoSignature,
    Signature directorSignature,
    String conditions) {

  public MouDocument {
    Objects.requireNonNull(accreditationId, "accreditationId");
    Objects.requireNonNull(organisationName, "organisationName");
    Objects.requireNonNull(mandateType, "mandateType");
    Objects.requireNonNull(programmeType, "programmeType");
    Objects.requireNonNull(mandateAndExpectations, "mandateAndExpectations");
    Objects.requireNonNull(responsibilities, "responsibilities");
    Objects.requireNonNull(days, "days");
    Objects.requireNonNull(hours, "hours");
    Objects.requireNonNull(procedures, "procedures");
    Objects.requireNonNull(allowedActivities, "allowedActivities");
    Objects.requireNonNull(excludedAreas, "excludedAreas");
    Objects.requireNonNull(facilities, "facilities");
    representatives = List.copyOf(Objects.requireNonNull(representatives, "representatives"));
    if (version < 1) {
      throw new IllegalArgumentException("version must be at least 1, was " + version);
    }
    if (confidentialityReviewDays < 1) {
      throw new IllegalArgumentException(
          "confidentialityReviewDays must be at least 1, was " + confidentialityReviewDays);
    }
    if (termMonths < 1) {
      throw new IllegalArgumentException("termMonths must be at least 1, was " + termMonths);
    }
    if (termStart != null && termEnd != null && termEnd.isBefore(termStart)) {
      throw new IllegalArgumentException(
          "termEnd " + termEnd + " is before termStart " + termStart);
    }
  }

  /** Who signed for a party, and when. */
  public record Signature(String name, Instant signedAt) {

    public Signature {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(signedAt, "signedAt");
    }
  }
}
