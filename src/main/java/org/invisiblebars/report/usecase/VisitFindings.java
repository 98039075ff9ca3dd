package org.invisiblebars.report.usecase;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.invisiblebars.entry.domain.Visit;
import org.invisiblebars.entry.domain.VisitRepository;
import org.invisiblebars.entry.domain.VisitStatus;
import org.invisiblebars.entry.usecase.RecommendationsToCheck;
import org.invisiblebars.platform.validation.ConflictException;
import org.invisiblebars.platform.validation.InputRules;
import org.invisiblebars.platform.validation.InvalidInputException.FieldProblem;
import org.invisiblebars.platform.validation.NotFoundException;
import org.invisiblebars.report.domain.Answer;
import org.invisiblebars.report.domain.FindingStatus;
import org.invisiblebars.report.domain.FollowUpStatus;
import org.invisiblebars.report.domain.RecommendationFinding;
import org.invisiblebars.report.domain.RecommendationFindingRepository;
import org.invisiblebars.report.domain.Report;
import org.invisiblebars.report.domain.ReportRecommendation;
import org.invisiblebars.report.domain.ReportRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Follow-up visits and what they found: after a visit that named recommendations, the organisation
 * records its finding on each (implemented, partly, not implemented, with a text), and every
 * recommendation shows the organisation's latest finding beside the administration's own follow-up
 * record. The two are kept apart: the organisation's finding never overwrites the administration's
 * record, so each side's account of the same recommendation stays readable (the paper's two-way
 * work: the NGO checks on what the authorities said they would do).
 */
@Service
@Transactional
public class VisitFindings implements RecommendationsToCheck {

  private final VisitRepository visits;
  private final ReportRepository reports;
  private final RecommendationFindingRepository findings;
  private final ReportQueries queries;
  private final ReportSubject log;
  private final InputRules rules;
  private final Clock clock;

  VisitFindings(
      VisitRepository visits,
      ReportRepository reports,
      RecommendationFindingRepository findings,
      ReportQueries queries,
      ReportSubject log,
      InputRules rules,
      Clock clock) {
    this.visits = visits;
    this.reports = reports;
    this.findings = findings;
    this.queries = queries;
    this.log = log;
    this.rules = rules;
    this.clock = clock;
  }

  /**
   * The answered recommendations of the organisation's reports on the facility: those a follow-up
   * visit may name.
   */
  @Override
  @Transactional(readOnly = true)
  public Set<UUID> checkable(UUID organisationId, UUID facilityId) {
    Set<UUID> ids = new HashSet<>();
    for (Report report : reports.findByOrganisationIdOrderBySubmittedAtDesc(organisationId)) {
      if (report.getFacilityId().equals(facilityId)) {
        report.getRecommendations().stream()
            .filter(r -> r.getAnswer() != null)
            .forEach(r -> ids.add(r.getId()));
      }
    }
    return ids;
  }

  /**
   * The organisation records its findings after a completed visit, one per recommendation the visit
   * named; refused whole (400 naming each field) if any is wrong, 409 before the visit is completed
   * or for a recommendation already recorded on this visit.
   */
  public List<FindingView> record(UUID visitId, UUID organisationId, Findings input, String actor) {
    Visit visit =
        visits
            .findForUpdateById(visitId)
            .filter(v -> v.getOrganisationId().equals(organisationId))
            .orElseThrow(() -> new NotFoundException("visit " + visitId));
    List<FieldProblem> more = new ArrayList<>();
    List<Finding> given = input.findings() == null ? List.of() : input.findings();
    for (int i = 0; i < given.size(); i++) {
      Finding finding = given.get(i);
      if (finding != null
          && finding.recommendationId() != null
          && !visit.getRecommendationIds().contains(finding.recommendationId())) {
        more.add(
            new FieldProblem(
                "findings[" + i + "].recommendationId",
                "is not a recommendation this visit was requested to check"));
      }
    }
    List<UUID> named =
        given.stream()
            .filter(f -> f != null && f.recommendationId() != null)
            .map(Finding::recommendationId)
            .toList();
    if (named.stream().distinct().count() != named.size()) {
      more.add(new FieldProblem("findings", "names a recommendation twice"));
    }
    rules.check(input, more);
    if (visit.getStatus() != VisitStatus.COMPLETED) {
      throw new ConflictException(
          "findings are recorded once the visit is completed (it is " + visit.getStatus() + ")");
    }
    Map<UUID, Report> byRecommendation = reportsOf(visit);
    Instant now = clock.instant();
    List<FindingView> recorded = new ArrayList<>();
    for (Finding finding : given) {
      if (findings.existsByVisitIdAndRecommendationId(visitId, finding.recommendationId())) {
        throw new ConflictException(
            "the finding on recommendation "
                + finding.recommendationId()
                + " was already recorded for this visit");
      }
      RecommendationFinding saved =
          findings.save(
              new RecommendationFinding(
                  finding.recommendationId(),
                  visitId,
                  organisationId,
                  finding.status(),
                  finding.text().strip(),
                  actor,
                  now));
      Report report = byRecommendation.get(finding.recommendationId());
      log.record(
          report.getId(),
          "FollowUpVisitFinding",
          finding.status().name(),
          "Recommendation "
              + report.recommendation(finding.recommendationId()).getPosition()
              + ": "
              + saved.getText(),
          actor);
      recorded.add(FindingView.of(saved));
    }
    return recorded;
  }

  /** The findings recorded on the visit, for its organisation (404 for any other) or staff. */
  @Transactional(readOnly = true)
  public List<FindingView> ofVisit(UUID visitId, Optional<UUID> organisation) {
    visits
        .findById(visitId)
        .filter(v -> organisation.map(v.getOrganisationId()::equals).orElse(true))
        .orElseThrow(() -> new NotFoundException("visit " + visitId));
    return findings.findByVisitIdOrderByRecordedAt(visitId).stream().map(FindingView::of).toList();
  }

  /**
   * Each recommendation of the report with the administration's follow-up record and, beside it,
   * the organisation's latest finding from a follow-up visit.
   */
  @Transactional(readOnly = true)
  public List<RecommendationFollowUp> followUp(UUID reportId, Optional<UUID> organisation) {
    Report report = queries.scoped(reportId, organisation);
    Map<UUID, RecommendationFinding> latest = latest(report.getRecommendations());
    return report.getRecommendations().stream()
        .sorted(Comparator.comparingInt(ReportRecommendation::getPosition))
        .map(
            r ->
                new RecommendationFollowUp(
                    r.getId(),
                    r.getPosition(),
                    r.getText(),
                    r.getAnswer(),
                    r.getDeadline(),
                    new AdministrationFollowUp(
                        r.getFollowUpStatus(), r.getFollowUpNotes(), r.getFollowedUpAt()),
                    Optional.ofNullable(latest.get(r.getId())).map(FindingView::of).orElse(null)))
        .toList();
  }

  /** The organisation's latest finding on a recommendation, as the follow-up task shows it. */
  @Transactional(readOnly = true)
  public Optional<FindingView> latestFinding(UUID recommendationId) {
    return findings
        .findByRecommendationIdInOrderByRecordedAtDesc(List.of(recommendationId))
        .stream()
        .findFirst()
        .map(FindingView::of);
  }

  private Map<UUID, RecommendationFinding> latest(List<ReportRecommendation> recommendations) {
    Map<UUID, RecommendationFinding> latest = new LinkedHashMap<>();
    findings
        .findByRecommendationIdInOrderByRecordedAtDesc(
            recommendations.stream().map(ReportRecommendation::getId).toList())
        .forEach(f -> latest.putIfAbsent(f.getRecommendationId(), f));
    return latest;
  }

  /** The organisation's reports by the ids of the recommendations the visit checks. */
  private Map<UUID, Report> reportsOf(Visit visit) {
    Map<UUID, Report> byRecommendation = new LinkedHashMap<>();
    for (Report report :
        reports.findByOrganisationIdOrderBySubmittedAtDesc(visit.getOrganisationId())) {
      report.getRecommendations().stream()
          .filter(r -> visit.getRecommendationIds().contains(r.getId()))
          .forEach(r -> byRecommendation.put(r.getId(), report));
    }
    return byRecommendation;
  }

  /** The findings of a follow-up visit as the NGO API receives them. */
  public record Findings(
      @NotEmpty(message = "record at least one finding") @Size(max = 50)
          List<@NotNull @Valid Finding> findings) {}

  /** One recommendation checked on the visit: how far it is implemented, and what was seen. */
  public record Finding(
      @NotNull UUID recommendationId,
      @NotNull FindingStatus status,
      @NotBlank @Size(max = 4000) String text) {}

  public record FindingView(
      UUID recommendationId,
      UUID visitId,
      FindingStatus status,
      String text,
      String recordedBy,
      Instant recordedAt) {

    static FindingView of(RecommendationFinding finding) {
      return new FindingView(
          finding.getRecommendationId(),
          finding.getVisitId(),
          finding.getStatus(),
          finding.getText(),
          finding.getRecordedBy(),
          finding.getRecordedAt());
    }
  }

  /** The administration's own follow-up record on a recommendation. */
  public record AdministrationFollowUp(FollowUpStatus status, String notes, Instant followedUpAt) {}

  /** One recommendation with both sides' accounts of its implementation. */
  public record RecommendationFollowUp(
      UUID recommendationId,
      int position,
      String text,
      Answer answer,
      LocalDate deadline,
      AdministrationFollowUp administration,
      FindingView ngoFinding) {}
}
