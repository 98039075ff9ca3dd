package org.invisiblebars.report.usecase;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.invisiblebars.accreditation.domain.Accreditation;
import org.invisiblebars.accreditation.domain.AccreditationRepository;
import org.invisiblebars.accreditation.domain.Mou;
import org.invisiblebars.accreditation.domain.MouRepository;
import org.invisiblebars.entry.domain.Visit;
import org.invisiblebars.entry.domain.VisitRepository;
import org.invisiblebars.entry.domain.VisitStatus;
import org.invisiblebars.facility.domain.FacilityRepository;
import org.invisiblebars.organisation.domain.MandateType;
import org.invisiblebars.organisation.domain.OrganisationRepository;
import org.invisiblebars.platform.validation.InputRules;
import org.invisiblebars.platform.validation.InvalidInputException;
import org.invisiblebars.platform.validation.InvalidInputException.FieldProblem;
import org.invisiblebars.platform.validation.NotFoundException;
import org.invisiblebars.platform.validation.RequiredWhen;
import org.invisiblebars.report.domain.Priority;
import org.invisiblebars.report.domain.Report;
import org.invisiblebars.report.domain.ReportRecommendation;
import org.invisiblebars.report.domain.ReportRepository;
import org.invisiblebars.report.domain.ReportStanding;
import org.invisiblebars.report.domain.ReportStanding.CoveredVisit;
import org.invisiblebars.report.domain.ResourceEstimate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An accredited NGO (or a registered formal mandate) submits a monitoring report, also after its
 * accreditation ended for the visits it completed while accredited ({@link ReportStanding}); its
 * confidential period lasts the review days of its MoU, or of an NPM's mandate (30 without either).
 * The report and its process start in one transaction; a repeated request with the same idempotency
 * key returns the first report. The organisation is locked while its report is taken, so that the
 * same request sent many times at once is taken once and the others find it.
 */
@Service
public class SubmitReport {

  private final ReportRepository reports;
  private final OrganisationRepository organisations;
  private final AccreditationRepository accreditations;
  private final MouRepository mous;
  private final FacilityRepository facilities;
  private final VisitRepository visits;
  private final ReportProcessPort process;
  private final Clock clock;
  private final InputRules rules;

  SubmitReport(
      ReportRepository reports,
      OrganisationRepository organisations,
      AccreditationRepository accreditations,
      MouRepository mous,
      FacilityRepository facilities,
      VisitRepository visits,
      ReportProcessPort process,
      Clock clock,
      InputRules rules) {
    this.visits = visits;
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
    Accreditation standing =
        ReportStanding.under(
            accreditations.findByOrganisationId(organisationId),
            LocalDate.now(clock),
            coveredVisits(organisationId, request.visitIds()));
    int days = confidentialityDays(standing);
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
                request.allegation() ? request.allegationDetails().strip() : null,
                request.personsNamed() == null
                    ? List.of()
                    : request.personsNamed().stream().map(String::strip).toList(),
                standing.getMandateType(),
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
   * The review days of the accreditation's MoU, or of an NPM's mandate (its own rule on how long
   * the authorities have before it publishes); the default without either.
   */
  private int confidentialityDays(Accreditation standing) {
    if (standing.getMandateType() == MandateType.NPM && standing.getMandateReviewDays() != null) {
      return standing.getMandateReviewDays();
    }
    return mous.findByAccreditationId(standing.getId())
        .map(Mou::getConfidentialityDays)
        .orElse(Mou.DEFAULT_CONFIDENTIALITY_DAYS);
  }

  /**
   * The visits the report names, which must be the organisation's own (an unknown or another's is
   * bad input naming the field).
   */
  private List<CoveredVisit> coveredVisits(UUID organisationId, List<UUID> visitIds) {
    if (visitIds == null || visitIds.isEmpty()) {
      return List.of();
    }
    List<Visit> found = visits.findAllById(visitIds);
    if (found.size() != Set.copyOf(visitIds).size()
        || found.stream().anyMatch(v -> !v.getOrganisationId().equals(organisationId))) {
      throw InvalidInputException.of("visitIds", "must be visits of your organisation");
    }
    return found.stream()
        .map(
            v ->
                new CoveredVisit(
                    v.getId(),
                    LocalDate.ofInstant(v.getWindowStart(), ZoneOffset.UTC),
                    v.getStatus() == VisitStatus.COMPLETED))
        .toList();
  }

  /** Every problem of the request at once: its constraints and whether the facility exists. */
  private void validate(Request request) {
    List<FieldProblem> more = new ArrayList<>();
    if (request.facilityId() != null && !facilities.existsById(request.facilityId())) {
      more.add(new FieldProblem("facilityId", "is required and must be a known facility"));
    }
    if (Boolean.FALSE.equals(request.allegation())
        && request.allegationDetails() != null
        && !request.allegationDetails().isBlank()) {
      more.add(
          new FieldProblem(
              "allegationDetails",
              "must be empty unless the report alleges torture or ill-treatment"));
    }
    rules.check(request, more);
  }

  /**
   * What the organisation submits. What is alleged goes in {@code allegationDetails}, apart from
   * the findings, and the people the report names in {@code personsNamed}: neither ever reaches a
   * public version. {@code visitIds} name the visits the report covers (needed once the
   * organisation is no longer accredited).
   */
  @RequiredWhen(
      field = "allegationDetails",
      when = "allegation",
      is = "true",
      message = "is required when the report alleges torture or ill-treatment")
  public record Request(
      @NotBlank @Size(max = 300) String title,
      @NotNull(message = "is required and must be a known facility") UUID facilityId,
      @NotBlank @Size(max = 2000) String visitsCovered,
      @Size(max = 8000) String goodPractices,
      @NotBlank @Size(max = 8000) String findings,
      @NotNull(message = "is required: true when the report alleges torture or ill-treatment")
          Boolean allegation,
      @Size(max = 8000) String allegationDetails,
      @Size(max = 100, message = "at most {max}")
          List<@NotBlank @Size(max = 200) String> personsNamed,
      @Size(max = 100, message = "at most {max}") List<@NotNull UUID> visitIds,
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
