package org.invisiblebars.accreditation.usecase;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.invisiblebars.accreditation.domain.Accreditation;
import org.invisiblebars.accreditation.domain.AccreditationRepository;
import org.invisiblebars.accreditation.domain.AccreditationStatus;
import org.invisiblebars.accreditation.domain.Application;
import org.invisiblebars.accreditation.domain.ProgrammeType;
import org.invisiblebars.facility.domain.FacilityRepository;
import org.invisiblebars.organisation.domain.MandateType;
import org.invisiblebars.organisation.domain.Organisation;
import org.invisiblebars.organisation.domain.OrganisationRepository;
import org.invisiblebars.organisation.domain.Representative;
import org.invisiblebars.organisation.domain.RepresentativeRepository;
import org.invisiblebars.platform.validation.ConflictException;
import org.invisiblebars.platform.validation.InputRules;
import org.invisiblebars.platform.validation.InvalidInputException.FieldProblem;
import org.invisiblebars.platform.validation.NotFoundException;
import org.invisiblebars.platform.validation.RequiredWhen;
import org.invisiblebars.platform.validation.WithinYears;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An organisation applies for accreditation (NGO) or registers its formal mandate (NPM, ICRC). The
 * application, its representatives and the process instance are created in one transaction: a
 * refused request stores nothing, and a repeated request with the same idempotency key returns the
 * first accreditation. The organisation is locked while its application is taken, so that the same
 * request sent many times at once is taken once and the others find it.
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
  private final InputRules rules;

  SubmitApplication(
      OrganisationRepository organisations,
      RepresentativeRepository representatives,
      FacilityRepository facilities,
      AccreditationRepository accreditations,
      AccreditationProcessPort process,
      Clock clock,
      InputRules rules) {
    this.rules = rules;
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
    return submit(organisationId, request, idempotencyKey, actor, accreditation -> {});
  }

  /**
   * Submits, and gives {@code withApplication} the new accreditation's id before its process starts
   * (the portal moves the draft's supporting documents to it, so that the first task's form lists
   * them).
   */
  @Transactional
  public Result submit(
      UUID organisationId,
      Request request,
      String idempotencyKey,
      String actor,
      Consumer<UUID> withApplication) {
    Organisation organisation =
        organisations
            .findForUpdateById(organisationId)
            .orElseThrow(() -> new NotFoundException("organisation " + organisationId));
    if (idempotencyKey != null) {
      var earlier =
          accreditations.findByOrganisationIdAndIdempotencyKey(organisationId, idempotencyKey);
      if (earlier.isPresent()) {
        return new Result(earlier.get(), false);
      }
    }
    validate(request);
    List<UUID> named = new ArrayList<>();
    for (RepresentativeRequest person : request.representatives()) {
      named.add(
          representatives
              .save(new Representative(organisationId, person.fullName().strip(), person.role()))
              .getId());
    }
    if (request.religiousBased() != null) {
      organisation.declareReligiousBased(request.religiousBased());
    }
    if (request.networkName() != null && !request.networkName().isBlank()) {
      organisation.joinNetwork(request.networkName().strip());
    }
    Accreditation accreditation =
        accreditations.save(
            new Accreditation(
                new Application(
                    organisationId,
                    request.mandateType(),
                    request.programmeType(),
                    request.mandateReference(),
                    request.mandateIssuingBody(),
                    request.mandateValidUntil(),
                    request.proposedActivity(),
                    request.swot(),
                    request.partners(),
                    request.sustainabilityMonths(),
                    request.facilityIds(),
                    named),
                actor,
                clock.instant(),
                idempotencyKey));
    accreditation.registerMandateReviewDays(request.mandateReviewDays());
    withApplication.accept(accreditation.getId());
    process.start(
        accreditation.getId(),
        accreditation.getReference(),
        request.mandateType().isFormal(),
        organisation.getName());
    return new Result(accreditation, true);
  }

  /**
   * The organisation applies to renew its active accreditation: a new application prefilled from it
   * and linked to it, reviewed as any application with the history of the one it renews shown to
   * the reviewers; its term starts when the renewed one ends.
   *
   * @throws ConflictException when the accreditation is not active or a renewal is already pending
   */
  @Transactional
  public Accreditation renew(UUID accreditationId, UUID organisationId, String actor) {
    organisations
        .findForUpdateById(organisationId)
        .orElseThrow(() -> new NotFoundException("organisation " + organisationId));
    Accreditation previous =
        accreditations
            .findForUpdateById(accreditationId)
            .filter(a -> a.getOrganisationId().equals(organisationId))
            .orElseThrow(() -> new NotFoundException("accreditation " + accreditationId));
    if (previous.getStatus() != AccreditationStatus.ACTIVE) {
      throw new ConflictException(
          "only an active accreditation is renewed (status " + previous.getStatus() + ")");
    }
    if (accreditations.findByRenewalOf(accreditationId).stream()
        .anyMatch(r -> !r.getStatus().isFinal())) {
      throw new ConflictException("a renewal of this accreditation is already under way");
    }
    Accreditation renewal =
        accreditations.save(Accreditation.renewing(previous, actor, clock.instant()));
    Organisation organisation = organisations.findById(organisationId).orElseThrow();
    process.start(renewal.getId(), renewal.getReference(), false, organisation.getName());
    return renewal;
  }

  /**
   * Every problem of the request at once: its constraints, then what only the database and the
   * clock can tell.
   */
  private void validate(Request request) {
    List<FieldProblem> more = new ArrayList<>();
    if (request.facilityIds() != null) {
      for (int i = 0; i < request.facilityIds().size(); i++) {
        UUID facility = request.facilityIds().get(i);
        if (facility != null && !facilities.existsById(facility)) {
          more.add(new FieldProblem("facilityIds[" + i + "]", "is not a known facility"));
        }
      }
    }
    if (request.mandateType() != null
        && request.mandateType().isFormal()
        && request.mandateValidUntil() != null
        && request.mandateValidUntil().isBefore(LocalDate.now(clock))) {
      more.add(new FieldProblem("mandateValidUntil", "must not be in the past"));
    }
    rules.check(request, more);
  }

  /** What the organisation submits. */
  @RequiredWhen(
      field = "mandateReference",
      when = "mandateType",
      is = {"NPM", "ICRC"},
      message = "is required for a formal mandate")
  @RequiredWhen(
      field = "mandateIssuingBody",
      when = "mandateType",
      is = {"NPM", "ICRC"},
      message = "is required for a formal mandate")
  @RequiredWhen(
      field = "mandateValidUntil",
      when = "mandateType",
      is = {"NPM", "ICRC"},
      message = "is required for a formal mandate")
  public record Request(
      @NotNull(message = "is required: NPM, ICRC or NGO") MandateType mandateType,
      @NotNull(
              message =
                  "is required: MONITORING, ANTI_CORRUPTION, FAMILY_LIAISON or PRISON_SERVICES")
          ProgrammeType programmeType,
      @Size(max = 500) String mandateReference,
      @Size(max = 200) String mandateIssuingBody,
      @WithinYears(100) LocalDate mandateValidUntil,
      @NotBlank @Size(max = 4000) String proposedActivity,
      @Size(max = 4000) String swot,
      @Size(max = 2000) String partners,
      @NotNull @Min(0) @Max(600) Integer sustainabilityMonths,
      @NotEmpty(message = "name at least one facility")
          @Size(max = MAX_LISTED, message = "name at most {max}")
          List<@NotNull(message = "is not a known facility") UUID> facilityIds,
      @NotEmpty(message = "name at least one representative")
          @Size(max = MAX_LISTED, message = "name at most {max}")
          List<@NotNull @Valid RepresentativeRequest> representatives,
      Boolean religiousBased,
      @Size(max = 200) String networkName,
      @Min(1) @Max(365) Integer mandateReviewDays) {}

  /** A representative named in the application. */
  public record RepresentativeRequest(
      @NotBlank @Size(max = 200) String fullName, @Size(max = 200) String role) {}

  /** The accreditation, and whether this request created it (false for a repeated request). */
  public record Result(Accreditation accreditation, boolean created) {}
}
