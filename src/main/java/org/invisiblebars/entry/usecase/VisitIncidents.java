package org.invisiblebars.entry.usecase;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.invisiblebars.entry.domain.EntryOutcome;
import org.invisiblebars.entry.domain.Incident;
import org.invisiblebars.entry.domain.IncidentRepository;
import org.invisiblebars.entry.domain.IncidentStatus;
import org.invisiblebars.entry.domain.Visit;
import org.invisiblebars.entry.domain.VisitRepresentative;
import org.invisiblebars.entry.usecase.IncidentReviewProcess.Element;
import org.invisiblebars.entry.usecase.IncidentReviewProcess.Message;
import org.invisiblebars.entry.usecase.VisitQueries.TaskView;
import org.invisiblebars.platform.identity.Groups;
import org.invisiblebars.platform.validation.InputRules;
import org.invisiblebars.platform.validation.InvalidInputException;
import org.invisiblebars.platform.validation.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Incidents recorded at check-out, told to the organisation: it reads what was recorded, when,
 * against whom and by which role (security staff, not the officer's name: the organisation answers
 * the administration, not a person at the gate, and the officer is not exposed to pressure); it may
 * contest one within {@link IncidentSettings#contestPeriod()}; the director decides a contested one
 * with reasons, which the organisation reads. An incident not contested in time stands as upheld
 * (the organisation let it stand); only upheld incidents count in later risk assessments.
 */
@Service
@Transactional
public class VisitIncidents {

  /**
   * The role that records an incident (the check-out task's group), as the organisation reads it.
   */
  static final String RECORDED_BY_ROLE = Groups.SECURITY;

  /** The role that decides a contested incident. */
  static final String DECIDED_BY_ROLE = Groups.DIRECTOR;

  private final IncidentRepository incidents;
  private final VisitQueries visits;
  private final IncidentProcessPort process;
  private final IncidentSettings settings;
  private final VisitSubject log;
  private final InputRules rules;
  private final Clock clock;

  VisitIncidents(
      IncidentRepository incidents,
      VisitQueries visits,
      IncidentProcessPort process,
      IncidentSettings settings,
      VisitSubject log,
      InputRules rules,
      Clock clock) {
    this.incidents = incidents;
    this.visits = visits;
    this.process = process;
    this.settings = settings;
    this.log = log;
    this.rules = rules;
    this.clock = clock;
  }

  /**
   * Security recorded an incident at check-out, against the visitor named {@code against} (one who
   * entered) or, when blank, the delegation as a whole; the organisation's contest period starts.
   */
  public Incident record(UUID visitId, String against, String description, String actor) {
    TaskView view = visits.forTask(visitId);
    Visit visit = view.visit();
    UUID representative = against == null || against.isBlank() ? null : whoEntered(view, against);
    Instant now = clock.instant();
    Incident incident =
        incidents.save(
            new Incident(
                visit,
                representative,
                description,
                actor,
                now,
                now.plus(settings.contestPeriod())));
    process.start(
        visitId,
        visit.getReference(),
        incident.getContestDeadline(),
        view.organisationName(),
        view.facilityName());
    return incident;
  }

  /**
   * The organisation contests the incident with its account; 409 once the period ended or it was
   * already contested.
   */
  public void contest(UUID visitId, UUID organisationId, String account, String actor) {
    rules.check(new Contest(account), List.of());
    Incident incident =
        incidents
            .findForUpdateById(visitId)
            .filter(i -> i.getOrganisationId().equals(organisationId))
            .orElseThrow(() -> new NotFoundException("incident of visit " + visitId));
    incident.contest(account.strip(), actor, clock.instant());
    log.record(visitId, Message.INCIDENT_CONTESTED_ID, "CONTESTED", account.strip(), actor);
    process.contested(visitId);
  }

  /** The director decides a contested incident, upheld or dismissed, with reasons. */
  public void decide(UUID visitId, boolean upheld, String reasons, String actor) {
    incident(visitId).decide(upheld, reasons, actor, clock.instant());
  }

  /** The contest period ended: an incident nobody contested stands as upheld. */
  public void upholdUncontested(UUID visitId) {
    if (incident(visitId).upholdUncontested(clock.instant())) {
      log.record(
          visitId,
          Element.UPHOLD_UNCONTESTED_INCIDENT,
          IncidentStatus.UPHELD_UNCONTESTED.name(),
          "not contested within the contest period",
          "system");
    }
  }

  /** The incident of a visit, or "not found" outside {@code organisationScope}. */
  @Transactional(readOnly = true)
  public IncidentView view(UUID visitId, Optional<UUID> organisationScope) {
    return incidents
        .findById(visitId)
        .filter(i -> organisationScope.map(i.getOrganisationId()::equals).orElse(true))
        .map(i -> view(i, organisationScope.isEmpty()))
        .orElseThrow(() -> new NotFoundException("incident of visit " + visitId));
  }

  /** The incidents of the organisation (staff: of every organisation), latest first. */
  @Transactional(readOnly = true)
  public List<IncidentView> list(Optional<UUID> organisationScope) {
    return organisationScope
        .map(incidents::findByOrganisationIdOrderByRecordedAtDesc)
        .orElseGet(incidents::findAllByOrderByRecordedAtDesc)
        .stream()
        .map(i -> view(i, organisationScope.isEmpty()))
        .toList();
  }

  /** The incident with the names a person reads, for the director's task. */
  @Transactional(readOnly = true)
  public IncidentView forTask(UUID visitId) {
    return view(visitId, Optional.empty());
  }

  private IncidentView view(Incident incident, boolean staff) {
    TaskView visit = visits.forTask(incident.getVisitId());
    UUID against = incident.getRepresentativeId();
    return new IncidentView(
        incident.getVisitId(),
        visit.visit().getReference(),
        visit.organisationName(),
        visit.facilityName(),
        visit.zone().getId(),
        visit.window(),
        against,
        against == null ? "the delegation as a whole" : visit.names().get(against),
        incident.getDescription(),
        incident.getRecordedAt(),
        RECORDED_BY_ROLE,
        staff ? incident.getRecordedBy() : null,
        incident.getContestDeadline(),
        incident.getStatus(),
        incident.getStatus().isUpheld(),
        incident.getContestAccount(),
        incident.getContestedAt(),
        incident.getDecisionReasons(),
        incident.getDecidedAt(),
        decidedBy(incident.getStatus()));
  }

  private static String decidedBy(IncidentStatus status) {
    return switch (status) {
      case UPHELD, DISMISSED -> DECIDED_BY_ROLE;
      case UPHELD_UNCONTESTED -> "nobody: not contested within the period";
      default -> null;
    };
  }

  private Incident incident(UUID visitId) {
    return incidents
        .findForUpdateById(visitId)
        .orElseThrow(() -> new NotFoundException("incident of visit " + visitId));
  }

  /**
   * The visitor named {@code name} among those who entered; 400 naming the form's field if none.
   */
  private static UUID whoEntered(TaskView view, String name) {
    String wanted = name.strip().toLowerCase(Locale.ROOT);
    Map<UUID, String> names = view.names();
    List<UUID> entered =
        view.visit().getRepresentatives().stream()
            .filter(r -> r.getEntryOutcome() == EntryOutcome.ENTERED)
            .map(VisitRepresentative::getRepresentativeId)
            .toList();
    return entered.stream()
        .filter(id -> names.getOrDefault(id, "").strip().toLowerCase(Locale.ROOT).equals(wanted))
        .findFirst()
        .orElseThrow(
            () ->
                InvalidInputException.of(
                    "incidentAgainst",
                    "is not the name of a visitor who entered ("
                        + String.join(", ", entered.stream().map(names::get).sorted().toList())
                        + "); leave it empty for the delegation as a whole"));
  }

  /** An organisation's account of an incident it contests. */
  record Contest(@NotBlank @Size(max = 8000) String account) {}

  /**
   * An incident as the API answers it: what was recorded, on which visit (its reference, its window
   * in the facility's zone), when, against whom, by which role ({@code recordedByUser} to staff
   * only), the contest and the decision with its reasons.
   */
  public record IncidentView(
      UUID visitId,
      String visitReference,
      String organisationName,
      String facilityName,
      String facilityZone,
      String visitWindow,
      UUID againstRepresentativeId,
      String against,
      String description,
      Instant recordedAt,
      String recordedByRole,
      String recordedByUser,
      Instant contestDeadline,
      IncidentStatus status,
      boolean countsInRiskAssessment,
      String contestAccount,
      Instant contestedAt,
      String decisionReasons,
      Instant decidedAt,
      String decidedByRole) {}
}
