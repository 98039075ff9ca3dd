package org.invisiblebars.report.usecase;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.invisiblebars.accreditation.domain.Accreditation;
import org.invisiblebars.accreditation.domain.AccreditationRepository;
import org.invisiblebars.accreditation.domain.AccreditationStatus;
import org.invisiblebars.accreditation.domain.Mou;
import org.invisiblebars.accreditation.domain.MouRepository;
import org.invisiblebars.facility.domain.FacilityRepository;
import org.invisiblebars.organisation.domain.OrganisationRepository;
import org.invisiblebars.platform.validation.ConflictException;
import org.invisiblebars.platform.validation.InputRules;
import org.invisiblebars.platform.validation.InvalidInputException.FieldProblem;
import org.invisiblebars.platform.validation.NotFoundException;
import org.invisiblebars.report.domain.Priority;
import org.invisiblebars.report.domain.Report;
import org.invisiblebars.report.domain.ReportRecommendation;
import org.invisiblebars.report.domain.ReportRepository;
import org.invisiblebars.report.domain.ResourceEstimate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An accredited NGO (or a registered formal mandate) submits a monitoring report; its confidential
 * period lasts the review days of its MoU (30 without one). The report and its process start in one
 * transaction; a repeated request with the same idempotency key returns the first report. The
 * organisation is locked while its report is taken, so that the same request sent many times at
 * once is taken once and the others find it.
 */
@Service
public class SubmitReport {

  private final ReportRepository reports;
  private final OrganisationRepository organisations;
  private final AccreditationRepository accreditations;
  private final MouRepository mous;
  private final FacilityRepository facilities;
  private final ReportProcessPort process;
  private final Clock clock;
  private final InputRules rules;

  SubmitReport(
      ReportRepository reports,
      OrganisationRepository organisations,
      AccreditationRepository accreditations,
      MouRepository mous,
      FacilityRepository facilities,
      ReportProcessPort process,
      Clock clock,
      InputRules rules) {
    this.rules = rules;
    this.reports = reports;
    this.organisations = organisations;
    this.accreditations = accreditations;
    this.mous = mous;
    this.facilities = facilities;
    this.process = process;
    this.clock = clock;
  }

  /** Submits for the organisation; returns the report and whether this request created it. */
  @Transactional
  public Result submit(UUID organisationId, Request request, String idempotencyKey, String actor) {
    organisations
        .findForUpdateById(organisationId)
        .orElseThrow(() -> new NotFoundException("organisation " + organisationId));
    if (idempotencyKey != null) {
      var earlier = reports.findByOrganisationIdAndIdempotencyKey(organisationId, idempotencyKey);
      if (earlier.isPresent()) {
        return new Result(earlier.get(), false);
      }
    }
    validate(request);
    int days = confidentialityDays(organisationId);
    List<ReportRecommendation> recommendations = new ArrayList<>();
    for (int i = 0; i < request.recommendations().size(); i++) {
      RecommendationRequest r = request.recommendations().get(i);
      recommendations.add(
          new ReportRecommendation(
              i + 1, r.text().strip(), r.area().strip(), r.priority(), r.resourceEstimate()));
    }
    Report report =
        reports.save(
            new Report(
                organisationId,
                request.facilityId(),
                request.title().strip(),
                request.visitsCovered().strip(),
                request.goodPractices(),
                request.findings().strip(),
                request.allegation(),
                recommendations,
                days,
                actor,
                clock.instant(),
                idempotencyKey));
    process.start(
        report.getId(), report.getReference(), report.isAllegation(), report.getReviewEndsAt());
    return new Result(report, true);
  }

  /**
   * The review days of the organisation's active MoU; formal mandates have none and get the
   * default. Only an accreditation in force today counts: an active one whose term ended does not.
   */
  private int confidentialityDays(UUID organisationId) {
    LocalDate today = LocalDate.now(clock);
    List<Accreditation> standing =
        accreditations.findByOrganisationId(organisationId).stream()
            .filter(a -> a.inForceOn(today))
            .sorted(Comparator.comparing(Accreditation::getSubmittedAt).reversed())
            .toList();
    if (standing.isEmpty()) {
      throw new ConflictException(
          "organisation "
              + organisationId
              + " has no active accreditation or registered mandate in force today");
    }
    return standing.stream()
        .filter(a -> a.getStatus() == AccreditationStatus.ACTIVE)
        .findFirst()
        .flatMap(a -> mous.findByAccreditationId(a.getId()))
        .map(Mou::getConfidentialityDays)
        .orElse(Mou.DEFAULT_CONFIDENTIALITY_DAYS);
  }

  /** Every problem of the request at once: its constraints and whether the facility exists. */
  private void validate(Request request) {
    rules.check(
        request,
        request.facilityId() == null || facilities.existsById(request.facilityId())
            ? List.of()
            : List.of(new FieldProblem("facilityId", "is required and must be a known facility")));
  }

  /** What the organisation submits. */
  public record Request(
      @NotBlank @Size(max = 300) String title,
      @NotNull(message = "is required and must be a known facility") UUID facilityId,
      @NotBlank @Size(max = 2000) String visitsCovered,
      @Size(max = 8000) String goodPractices,
      @NotBlank @Size(max = 8000) String findings,
      @NotNull(message = "is required: true when the report alleges torture or ill-treatment")
          Boolean allegation,
      @NotEmpty(message = "name at least one recommendation")
          @Size(max = 100, message = "at most {max}")
          List<@NotNull @Valid RecommendationRequest> recommendations) {}

  /** One recommendation as the NGO writes it. */
  public record RecommendationRequest(
      @NotBlank @Size(max = 4000) String text,
      @NotBlank @Size(max = 200) String area,
      @NotNull(message = "is required: URGENT or NON_URGENT") Priority priority,
      @NotNull(message = "is required: LOW, MEDIUM or HIGH") ResourceEstimate resourceEstimate) {}

  /** The report, and whether this request created it (false for a repeated request). */
  public record Result(Report report, boolean created) {}
}
