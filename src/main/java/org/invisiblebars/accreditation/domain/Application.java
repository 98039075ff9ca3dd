package org.invisiblebars.accreditation.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.invisiblebars.organisation.domain.MandateType;

/** What an organisation submits to be accredited (or to register a formal mandate). */
public record Application(
    UUID organisationId,
    MandateType mandateType,
    ProgrammeType programmeType,
    String mandateReference,
    String mandateIssuingBody,
    LocalDate mandateValidUntil,
    String proposedActivity,
    String swot,
    String partners,
    int sustainabilityMonths,
    List<UUID> facilityIds,
    List<UUID> representativeIds) {

  public Application {
    facilityIds = List.copyOf(facilityIds);
    representativeIds = List.copyOf(representativeIds);
  }
}
