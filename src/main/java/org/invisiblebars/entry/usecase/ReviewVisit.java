package org.invisiblebars.entry.usecase;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.invisiblebars.entry.domain.EntryOutcome;
import org.invisiblebars.entry.domain.IncidentRepository;
import org.invisiblebars.entry.domain.MouScope;
import org.invisiblebars.entry.domain.RiskAssessment;
import org.invisiblebars.entry.domain.RiskAssessment.RiskInputs;
import org.invisiblebars.entry.domain.RiskAssessmentRepository;
import org.invisiblebars.entry.domain.RiskLevel;
import org.invisiblebars.entry.domain.ScopeCheck;
import org.invisiblebars.entry.domain.SearchLevel;
import org.invisiblebars.entry.domain.SecurityBriefing;
import org.invisiblebars.entry.domain.SecurityBriefingRepository;
import org.invisiblebars.entry.domain.Visit;
import org.invisiblebars.entry.domain.VisitRepository;
import org.invisiblebars.entry.domain.VisitStatus;
import org.invisiblebars.entry.usecase.EntryProcess.Element;
import org.invisiblebars.facility.domain.Facility;
import org.invisiblebars.facility.domain.FacilityRepository;
import org.invisiblebars.organisation.domain.Representative;
import org.invisiblebars.organisation.domain.RepresentativeRepository;
import org.invisiblebars.platform.validation.ConflictException;
import org.invisiblebars.platform.validation.InvalidInputException;
import org.invisiblebars.platform.validation.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps of the entry-authorisation process, automatic and human: each locks the visit, applies
 * the domain's rule and returns what the process routes on. Automatic steps record their decision
 * here; a human step's decision is logged by its task's handler, which has validated the form. A
 * rule of the domain that refuses the input throws {@link InvalidInputException} naming the form's
 * field, and the task completion rolls back whole.
 */
@Service
@Transactional
public class ReviewVisit {

  private final VisitRepository visits;
  private final RiskAssessmentRepository assessments;
  private final IncidentRepository incidents;
  private final SecurityBriefingRepository briefings;
  private final FacilityRepository facilities;
  private final RepresentativeRepository representatives;
  private final Entitlements entitlements;
  private final VisitDecisions decisions;
  private final VisitSubject log;
  private final EntrySettings settings;
  private final Clock clock;
  private final VisitNotices notices;

  ReviewVisit(
      VisitRepository visits,
      RiskAssessmentRepository assessments,
      IncidentRepository incidents,
      SecurityBriefingRepository briefings,
      FacilityRepository facilities,
      RepresentativeRepository representatives,
      Entitlements entitlements,
      VisitDecisions decisions,
      VisitSubject log,
      EntrySettings settings,
      Clock clock,
      VisitNotices notices) {
    this.notices = notices;
    this.visits = visits;
    this.assessments = assessments;
    this.incidents = incidents;
    this.briefings = briefings;
    this.facilities = facilities;
    this.representatives = representatives;
    this.entitlements = entitlements;
    this.decisions = decisions;
    this.log = log;
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * Checks the visit against the accreditation or mandate and the MoU; returns whether it is in
   * scope.
   */
  public boolean checkScope(UUID visitId) {
    Visit visit = visit(visitId);
    Facility facility = facility(visit);
    Map<UUID, String> names =
        representatives.findAllById(visit.representativeIds()).stream()
            .collect(Collectors.toMap(Representative::getId, Representative::getFullName));
    List<String> violations =
        ScopeCheck.violations(
            visit,
            entitlements.of(visit, facility.getZone()),
            facility,
            names,
            facility.getZone(),
            settings.minimumNotice());
    if (violations.isEmpty()) {
      visit.acceptForReview();
      log.record(visitId, Element.CHECK_SCOPE, "IN_SCOPE", null, "system");
      return true;
    }
    visit.reject(violations);
    notices.decided(visit, VisitNotices.REJECTED);
    log.record(visitId, Element.CHECK_SCOPE, "REJECTED", String.join("\n", violations), "system");
    return false;
  }

  /**
   * Gathers the risk factors and records the visit-risk decision's proposal for security. Only
   * upheld incidents count: one the organisation contests weighs nothing until the director upholds
   * it.
   */
  public RiskAssessment proposeRisk(UUID visitId) {
    Visit visit = visit(visitId);
    Facility facility = facility(visit);
    Set<UUID> people = new HashSet<>(visit.representativeIds());
    boolean firstVisit = !new HashSet<>(visits.whoEnteredBefore(people)).containsAll(people);
    int upheldIncidents =
        (int)
            this.incidents.countUpheldSince(
                visit.getOrganisationId(), people, clock.instant().minus(365, ChronoUnit.DAYS));
    Set<String> highSecurity =
        facility.getHighSecurityAreas().stream().map(ReviewVisit::key).collect(Collectors.toSet());
    boolean highSecurityRequested =
        visit.getAreas().stream().map(ReviewVisit::key).anyMatch(highSecurity::contains);
    boolean electronic = visit.getEquipment().stream().anyMatch(e -> e.isElectronic());
    RiskInputs inputs =
        new RiskInputs(
            firstVisit,
            upheldIncidents,
            facility.getSecurityLevel(),
            facility.getAlertLevel(),
            highSecurityRequested,
            electronic);
    VisitDecisions.RiskProposal proposal = decisions.proposeRisk(visit.getMandateType(), inputs);
    return assessments.save(
        new RiskAssessment(visitId, inputs, proposal.risk(), proposal.rationale()));
  }

  /** Security confirms the proposed risk; returns it. */
  public RiskLevel confirmRisk(UUID visitId, String actor) {
    RiskAssessment assessment = assessable(visitId);
    assessment.confirm(actor, clock.instant());
    return assessment.getRisk();
  }

  /** Security overrides the proposed risk with another, for the reasons given. */
  public void overrideRisk(UUID visitId, RiskLevel risk, String reasons, String actor) {
    assessable(visitId).override(risk, reasons, actor, clock.instant());
  }

  private RiskAssessment assessable(UUID visitId) {
    Visit visit = visit(visitId);
    if (visit.getStatus() != VisitStatus.UNDER_REVIEW) {
      throw new ConflictException(
          "visit " + visitId + " is " + visit.getStatus() + ": its risk is no longer assessed");
    }
    return assessment(visitId);
  }

  /**
   * Applies the search protocol to the assessed risk; returns whether the director must authorise.
   * If not, the protocol's level is authorised at once, and the organisation is told.
   */
  public boolean determineSearchProtocol(UUID visitId) {
    Visit visit = visit(visitId);
    RiskAssessment assessment = assessment(visitId);
    VisitDecisions.SearchProtocol protocol =
        decisions.searchProtocol(assessment.getRisk(), visit.getMandateType());
    SearchLevel level = visit.withinMandate(protocol.level());
    assessment.applyProtocol(level, protocol.directorAuthorisationRequired(), protocol.rationale());
    if (!assessment.isDirectorAuthorisationRequired()) {
      visit.authorise(level, null);
      notices.decided(visit, VisitNotices.AUTHORISED);
      log.record(
          visitId,
          Element.DETERMINE_SEARCH_PROTOCOL,
          "AUTHORISED_" + level,
          protocol.rationale(),
          "system");
    }
    return assessment.isDirectorAuthorisationRequired();
  }

  /**
   * The director authorises the visit at a search level, with any conditions, and the organisation
   * is told. A formal monitor is never searched beyond what the mandate allows ({@link
   * Visit#authorise}).
   */
  public void authorise(UUID visitId, SearchLevel level, String conditions) {
    Visit visit = visit(visitId);
    visit.authorise(level, conditions);
    notices.decided(visit, VisitNotices.AUTHORISED);
  }

  /**
   * The director denies the visit with reasons, and the organisation is told; a formal monitor's
   * visit cannot be denied ({@link Visit#deny}).
   */
  public void deny(UUID visitId, String reasons) {
    Visit visit = visit(visitId);
    visit.deny(reasons);
    notices.decided(visit, VisitNotices.DENIED);
  }

  /** The liaison officer schedules the visit and names its escort and meeting point. */
  public void schedule(UUID visitId, String escort, String meetingPoint) {
    visit(visitId).schedule(escort, meetingPoint);
  }

  /** The search notice is issued to the organisation, whose NGO users are told by e-mail. */
  public void issueNotice(UUID visitId) {
    Visit visit = visit(visitId);
    visit.issueNotice(clock.instant());
    notices.noticeIssued(visit);
  }

  /**
   * Representatives of the visit who were never briefed: each is briefed once, before their first
   * entry.
   */
  @Transactional(readOnly = true)
  public List<UUID> unbriefed(UUID visitId) {
    List<UUID> people =
        visits
            .findById(visitId)
            .orElseThrow(() -> new NotFoundException("visit " + visitId))
            .representativeIds();
    Set<UUID> briefed =
        briefings.findByRepresentativeIdIn(people).stream()
            .map(SecurityBriefing::getRepresentativeId)
            .collect(Collectors.toSet());
    return people.stream().filter(p -> !briefed.contains(p)).toList();
  }

  /**
   * Security records a representative's briefing on emergency procedures; it is never asked again.
   */
  public void brief(UUID visitId, UUID representativeId, String notes, String actor) {
    visit(visitId).representative(representativeId);
    if (!briefings.existsById(representativeId)) {
      briefings.save(
          new SecurityBriefing(representativeId, visitId, actor, clock.instant(), notes));
    }
  }

  /**
   * Security records one representative at the gate: entered (with the search applied), refused, or
   * not admitted. Nobody enters before the security briefing.
   */
  public void recordGate(
      UUID visitId,
      UUID representativeId,
      EntryOutcome outcome,
      SearchLevel applied,
      String itemsFound,
      boolean acknowledgedAtGate,
      String actor) {
    Visit visit = visit(visitId);
    if (outcome == EntryOutcome.ENTERED && !briefings.existsById(representativeId)) {
      throw InvalidInputException.of(
          "entryOutcome", "the representative has not had the security briefing");
    }
    visit.recordGate(
        representativeId, outcome, applied, itemsFound, acknowledgedAtGate, actor, clock.instant());
  }

  /** The gate closes; returns where the visit stands: in progress, no entry, or expired. */
  public VisitStatus closeGate(UUID visitId) {
    return visit(visitId).closeGate();
  }

  /**
   * Security checks the visitors out, recording any incident on the visit; the incident's own case
   * ({@link VisitIncidents}) decides whether it counts in later risk assessments.
   */
  public void checkOut(UUID visitId, String incident, String actor) {
    visit(visitId).checkOut(incident, actor, clock.instant());
  }

  /**
   * Security accounts for visitors not checked out an hour after the window (what happened goes to
   * the decision log).
   */
  public void accountForVisitors(UUID visitId) {
    visit(visitId);
  }

  /** The visit was not decided 48 hours before its window: the director is brought in. */
  public void escalate(UUID visitId) {
    visit(visitId);
    log.record(
        visitId,
        Element.DECISION_OVERDUE,
        "ESCALATED",
        "not decided in time; escalated to the director",
        "system");
  }

  /** The window passed before the visit was decided. */
  public void expire(UUID visitId) {
    visit(visitId).expire();
    log.record(visitId, Element.UNDECIDED, "EXPIRED", null, "system");
  }

  /**
   * A formal monitor goes to the gate by right: unannounced (no risk assessment, authorisation or
   * scheduling before entry) or still undecided when the gate opens, when the open staff tasks end.
   * The decision log says which were left open and the search the visitors get.
   */
  public void admitByRight(UUID visitId) {
    Visit visit = visit(visitId);
    List<String> leftOpen = visit.admitByRight(clock.instant());
    String search =
        "searched no further than "
            + visit.getAuthorisedSearchLevel()
            + "; the search notice is read and acknowledged at the gate"
            + (visit.getEscort() == null ? "; the escort is assigned at the gate" : "");
    log.record(
        visitId,
        Element.ADMIT_BY_RIGHT,
        "ADMITTED_BY_RIGHT",
        (visit.isAnnounced()
                ? "Formal monitor still undecided when the gate opened ("
                    + String.join(", ", leftOpen)
                    + " left open and ended): access is a right"
                : "Unannounced formal monitor: straight to the gate, access is a right")
            + "; "
            + search
            + ".",
        "system");
  }

  /**
   * The visit, locked until the step commits: a staff decision, a timer and the organisation's
   * cancellation on one visit are applied one after the other, each seeing what the one before did.
   */
  private Visit visit(UUID visitId) {
    return visits
        .findForUpdateById(visitId)
        .orElseThrow(() -> new NotFoundException("visit " + visitId));
  }

  private RiskAssessment assessment(UUID visitId) {
    return assessments
        .findById(visitId)
        .orElseThrow(() -> new IllegalStateException("visit " + visitId + " has no risk proposal"));
  }

  private Facility facility(Visit visit) {
    return facilities.findById(visit.getFacilityId()).orElseThrow();
  }

  private static String key(String area) {
    return MouScope.normalise(area);
  }
}
