package org.invisiblebars.accreditation.usecase;

import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.invisiblebars.accreditation.domain.Accreditation;
import org.invisiblebars.accreditation.domain.AccreditationRepository;
import org.invisiblebars.accreditation.domain.Application;
import org.invisiblebars.accreditation.domain.ProgrammeType;
import org.invisiblebars.facility.domain.FacilityRepository;
import org.invisiblebars.organisation.domain.MandateType;
import org.invisiblebars.organisation.domain.Organisation;
import org.invisiblebars.organisation.domain.OrganisationRepository;
import org.invisiblebars.organisation.domain.Representative;
import org.invisiblebars.organisation.domain.RepresentativeRepository;
import org.invisiblebars.platform.validation.FieldCheck;
import org.invisiblebars.platform.validation.NotFoundException;
import org.invisiblebars.platform.validation.WithinYears;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An organisation applies for accreditation (NGO) or registers its formal mandate (NPM, ICRC).
 * The application, its representatives and the process instance are created in one transaction:
 * a refused request stores nothing, and a repeated request with the same idempotency key returns
 * the first accreditation. The organisation is locked while its application is taken, so that
 * the same request sent many times at once is taken once and the others find it.
 */
@Service
public class SubmitApplication {

  /** The most facilities, and the most representatives, one application names. */
  static final int MAX_LISTED = 50;

  private final OrganisationRepository organisations;
  private final RepresentativeRepository representatives;
  private final FacilityRepository facilities;
  private final AccreditationRepository accreditations;
  private final AccreditationProcessPort process;
  private final Clock clock;

  SubmitApplication(OrganisationRepository organisations, RepresentativeRepository representatives,
      FacilityRepository facilities, AccreditationRepository accreditations, AccreditationProcessPort process, Clock clock) {
    this.organisations = organisations;
    this.representatives = representatives;
    this.facilities = facilities;
    this.accreditations = accreditations;
    this.process = process;
    this.clock = clock;
  }

  /** Submits for the organisation; returns the accreditation and whether it was created now. */
  @Transactional
  public Result submit(UUID organisationId, Request request, String idempotencyKey, String actor) {
    Organisation organisation = organisations.findForUpdateById(organisationId)
        .orElseThrow(() -> new NotFoundException("organisation " + organisationId));
    if (idempotencyKey != null) {
      var earlier = accreditations.findByOrganisationIdAndIdempotencyKey(organisationId, idempotencyKey);
      if (earlier.isPresent()) {
        return new Result(earlier.get(), false);
      }
    }
    validate(request);
    List<UUID> named = new ArrayList<>();
    for (RepresentativeRequest person : request.representatives()) {
      named.add(representatives.save(new Representative(organisationId, person.fullName().strip(), person.role())).getId());
    }
    if (request.religiousBased() != null) {
      organisation.declareReligiousBased(request.religiousBased());
    }
    if (request.networkName() != null && !request.networkName().isBlank()) {
      organisation.joinNetwork(request.networkName().strip());
    }
    Accreditation accreditation = accreditations.save(new Accreditation(
        new Application(organisationId, request.mandateType(), request.programmeType(), request.mandateReference(),
            request.mandateIssuingBody(), request.mandateValidUntil(), request.proposedActivity(), request.swot(),
            request.partners(), request.sustainabilityMonths(), request.facilityIds(), named),
        actor, clock.instant(), idempotencyKey));
    process.start(accreditation.getId(), request.mandateType().isFormal(), organisation.getName());
    return new Result(accreditation, true);
  }

  private void validate(Request request) {
    FieldCheck check = new FieldCheck()
        .require(request.mandateType() != null, "mandateType", "is required: NPM, ICRC or NGO")
        .require(request.programmeType() != null, "programmeType", "is required: MONITORING, ANTI_CORRUPTION, FAMILY_LIAISON or PRISON_SERVICES")
        .requireText(request.proposedActivity(), "proposedActivity", 4000)
        .optionalText(request.swot(), "swot", 4000)
        .optionalText(request.partners(), "partners", 2000)
        .optionalText(request.networkName(), "networkName", 200)
        .requireRange(request.sustainabilityMonths(), "sustainabilityMonths", 0, 600)
        .require(request.facilityIds() != null && !request.facilityIds().isEmpty(), "facilityIds", "name at least one facility")
        .require(request.representatives() != null && !request.representatives().isEmpty(), "representatives", "name at least one representative");
    if (request.facilityIds() != null) {
      for (int i = 0; i < request.facilityIds().size(); i++) {
        UUID facility = request.facilityIds().get(i);
        check.require(facility != null && facilities.existsById(facility), "facilityIds[" + i + "]", "is not a known facility");
      }
    }
    if (request.representatives() != null) {
      for (int i = 0; i < request.representatives().size(); i++) {
        RepresentativeRequest person = request.representatives().get(i);
        check.requireText(person == null ? null : person.fullName(), "representatives[" + i + "].fullName", 200)
            .optionalText(person == null ? null : person.role(), "representatives[" + i + "].role", 200);
      }
    }
    if (request.mandateType() != null && request.mandateType().isFormal()) {
      check.requireText(request.mandateReference(), "mandateReference", 500)
          .requireText(request.mandateIssuingBody(), "mandateIssuingBody", 200)
          .require(request.mandateValidUntil() != null && !request.mandateValidUntil().isBefore(LocalDate.now(clock)),
              "mandateValidUntil", "is required and must not be in the past");
    }
    check.orThrow();
  }

  /** What the organisation submits. */
  public record Request(MandateType mandateType, ProgrammeType programmeType, String mandateReference,
      String mandateIssuingBody, @WithinYears(100) LocalDate mandateValidUntil, String proposedActivity, String swot,
      String partners, Integer sustainabilityMonths, @Size(max = MAX_LISTED, message = "name at most {max}") List<UUID> facilityIds,
      @Size(max = MAX_LISTED, message = "name at most {max}") List<RepresentativeRequest> representatives,
      Boolean religiousBased, String networkName) {}

  /** A representative named in the application. */
  public record RepresentativeRequest(String fullName, String role) {}

  /** The accreditation, and whether this request created it (false for a repeated request). */
  public record Result(Accreditation accreditation, boolean created) {}
}
