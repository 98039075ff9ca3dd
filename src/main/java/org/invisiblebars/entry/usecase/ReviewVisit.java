package org.invisiblebars.entry.usecase;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.invisiblebars.entry.domain.EntryOutcome;
import org.invisiblebars.entry.domain.RiskAssessment.RiskInputs;
import org.invisiblebars.entry.domain.RiskAssessment;
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
import org.invisiblebars.platform.validation.FieldCheck;
import org.invisiblebars.platform.validation.InvalidInputException;
import org.invisiblebars.platform.validation.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps of the entry-authorisation process, automatic and human: each reads the visit from our
 * tables, applies the rule, records who decided what and why, and returns the routing flag the
 * process needs. Invalid input throws {@link InvalidInputException} naming each field, and the
 * task completion rolls back whole.
 */
@Service
@Transactional
public class ReviewVisit {

  private final VisitRepository visits;
  private final RiskAssessmentRepository assessments;
  private final SecurityBriefingRepository briefings;
  private final FacilityRepository facilities;
  private final RepresentativeRepository representatives;
  private final Entitlements entitlements;
  private final VisitDecisions decisions;
  private final VisitSubject log;
  private final EntrySettings settings;
  private final Clock clock;

  ReviewVisit(VisitRepository visits, RiskAssessmentRepository assessments, SecurityBriefingRepository briefings,
      FacilityRepository facilities, RepresentativeRepository representatives, Entitlements entitlements,
      VisitDecisions decisions, VisitSubject log, EntrySettings settings, Clock clock) {
    this.visits = visits;
    this.assessments = assessments;
    this.briefings = briefings;
    this.facilities = facilities;
    this.representatives = representatives;
    this.entitlements = entitlements;
    this.decisions = decisions;
    this.log = log;
    this.settings = settings;
    this.clock = clock;
  }

  /** Checks the visit against the accreditation or mandate and the MoU; returns whether it is in scope. */
  public boolean checkScope(UUID visitId) {
    Visit visit = visit(visitId);
    Facility facility = facility(visit);
    Map<UUID, String> names = representatives.findAllById(visit.representativeIds()).stream()
        .collect(Collectors.toMap(Representative::getId, Representative::getFullName));
    List<String> violations = ScopeCheck.violations(visit, entitlements.of(visit, settings.zone()), facility, names,
        settings.zone(), settings.minimumNotice());
    if (violations.isEmpty()) {
      visit.acceptForReview();
      log.record(visitId, Element.CHECK_SCOPE, "IN_SCOPE", null, "system");
      return true;
    }
    visit.reject(violations);
    log.record(visitId, Element.CHECK_SCOPE, "REJECTED", String.join("\n", violations), "system");
    return false;
  }

  /** Gathers the risk factors and records the visit-risk decision's proposal for security. */
  public RiskAssessment proposeRisk(UUID visitId) {
    Visit visit = visit(visitId);
    Facility facility = facility(visit);
    Set<UUID> people = new HashSet<>(visit.representativeIds());
    boolean firstVisit = !new HashSet<>(visits.whoEnteredBefore(people)).containsAll(people);
    int incidents = (int) visits.countIncidentsSince(visit.getOrganisationId(), people,
        clock.instant().minus(365, ChronoUnit.DAYS));
    Set<String> highSecurity = facility.getHighSecurityAreas().stream().map(ReviewVisit::key).collect(Collectors.toSet());
    boolean highSecurityRequested = visit.getAreas().stream().map(ReviewVisit::key).anyMatch(highSecurity::contains);
    boolean electronic = visit.getEquipment().stream().anyMatch(e -> e.isElectronic());
    RiskInputs inputs = new RiskInputs(firstVisit, incidents, facility.getSecurityLevel(), facility.getAlertLevel(),
        highSecurityRequested, electronic);
    VisitDecisions.RiskProposal proposal = decisions.proposeRisk(visit.getMandateType(), inputs);
    return assessments.save(new RiskAssessment(visitId, inputs, proposal.risk(), proposal.rationale()));
  }

  /** Security confirms the proposed risk, or overrides it with reasons. */
  public void assessRisk(UUID visitId, RiskDecision decision, RiskLevel chosen, String reasons, String actor) {
    Visit visit = visit(visitId);
    if (visit.getStatus() != VisitStatus.UNDER_REVIEW) {
      throw new ConflictException("visit " + visitId + " is " + visit.getStatus() + ": its risk is no longer assessed");
    }
    RiskAssessment assessment = assessment(visitId);
    FieldCheck check = new FieldCheck().require(decision != null, "riskDecision", "choose CONFIRM or OVERRIDE");
    if (decision == RiskDecision.OVERRIDE) {
      check.require(chosen != null, "risk", "choose the risk that applies instead");
      check.require(chosen == null || chosen != assessment.getProposedRisk(), "risk",
          "is the proposed risk; confirm it instead of overriding");
      check.requireText(reasons, "overrideReasons", 4000);
    }
    check.optionalText(reasons, "overrideReasons", 4000).orThrow();
    RiskLevel risk = decision == RiskDecision.CONFIRM ? assessment.getProposedRisk() : chosen;
    assessment.assess(risk, reasons, actor, clock.instant());
    log.record(visitId, Element.ASSESS_VISIT_RISK, assessment.isOverridden() ? "OVERRIDDEN_" + risk : "CONFIRMED_" + risk,
        assessment.isOverridden() ? reasons : null, actor);
  }

  /**
   * Applies the search protocol to the assessed risk; returns whether the director must authorise.
   * If not, the protocol's level is authorised at once.
   */
  public boolean determineSearchProtocol(UUID visitId) {
    Visit visit = visit(visitId);
    RiskAssessment assessment = assessment(visitId);
    VisitDecisions.SearchProtocol protocol = decisions.searchProtocol(assessment.getRisk(), visit.getMandateType());
    SearchLevel level = protocol.level().exceeds(SearchLevel.ceilingFor(visit.getMandateType()))
        ? SearchLevel.ceilingFor(visit.getMandateType()) : protocol.level();
    assessment.applyProtocol(level, protocol.directorAuthorisationRequired(), protocol.rationale());
    if (!assessment.isDirectorAuthorisationRequired()) {
      visit.authorise(level, null);
      log.record(visitId, Element.DETERMINE_SEARCH_PROTOCOL, "AUTHORISED_" + level, protocol.rationale(), "system");
    }
    return assessment.isDirectorAuthorisationRequired();
  }

  /**
   * The director authorises, with the search level and any conditions, or denies with reasons. A
   * formal monitor's visit cannot be denied, and is never searched beyond what its mandate allows.
   */
  public boolean authorise(UUID visitId, Authorisation decision, SearchLevel level, String conditions, String denialReasons,
      String actor) {
    Visit visit = visit(visitId);
    FieldCheck check = new FieldCheck().require(decision != null, "authorisation", "choose AUTHORISE or DENY");
    if (decision == Authorisation.DENY) {
      check.require(!visit.getMandateType().isFormal(), "authorisation",
          "a " + visit.getMandateType() + " visit cannot be denied, only given conditions");
      check.requireText(denialReasons, "denialReasons", 4000);
    }
    if (decision == Authorisation.AUTHORISE) {
      SearchLevel ceiling = SearchLevel.ceilingFor(visit.getMandateType());
      check.require(level != null, "authorisedSearchLevel", "is required");
      check.require(level == null || !level.exceeds(ceiling), "authorisedSearchLevel",
          "a " + visit.getMandateType() + " visitor is searched no further than " + ceiling);
    }
    check.optionalText(conditions, "conditions", 4000).optionalText(denialReasons, "denialReasons", 4000).orThrow();
    if (decision == Authorisation.DENY) {
      visit.deny(denialReasons);
      log.record(visitId, Element.AUTHORISE_VISIT, "DENIED", denialReasons, actor);
      return false;
    }
    visit.authorise(level, blankToNull(conditions));
    log.record(visitId, Element.AUTHORISE_VISIT, "AUTHORISED_" + level, blankToNull(conditions), actor);
    return true;
  }

  /** The liaison officer schedules the visit and names its escort and meeting point. */
  public void schedule(UUID visitId, String escort, String meetingPoint, String actor) {
    new FieldCheck().requireText(escort, "escort", 200).requireText(meetingPoint, "meetingPoint", 500).orThrow();
    visit(visitId).schedule(escort.trim(), meetingPoint.trim());
    log.record(visitId, Element.SCHEDULE_VISIT, "SCHEDULED", "escort " + escort.trim() + ", meeting at " + meetingPoint.trim(), actor);
  }

  /** The search notice is issued to the organisation. */
  public void issueNotice(UUID visitId) {
    visit(visitId).issueNotice(clock.instant());
  }

  /** Representatives of the visit who were never briefed: each is briefed once, before their first entry. */
  @Transactional(readOnly = true)
  public List<UUID> unbriefed(UUID visitId) {
    List<UUID> people = visits.findById(visitId).orElseThrow(() -> new NotFoundException("visit " + visitId)).representativeIds();
    Set<UUID> briefed = briefings.findByRepresentativeIdIn(people).stream().map(SecurityBriefing::getRepresentativeId)
        .collect(Collectors.toSet());
    return people.stream().filter(p -> !briefed.contains(p)).toList();
  }

  /** Security records a representative's briefing on emergency procedures; it is never asked again. */
  public void brief(UUID visitId, UUID representativeId, boolean held, String notes, String actor) {
    new FieldCheck().require(held, "briefingHeld", "confirm that the briefing was held")
        .optionalText(notes, "briefingNotes", 2000).orThrow();
    visit(visitId).representative(representativeId);
    if (!briefings.existsById(representativeId)) {
      briefings.save(new SecurityBriefing(representativeId, visitId, actor, clock.instant(), blankToNull(notes)));
    }
  }

  /** Security records one representative at the gate: entered (with the search applied), refused, or not admitted. */
  public void recordGate(UUID visitId, UUID representativeId, EntryOutcome outcome, SearchLevel applied, String itemsFound,
      boolean acknowledgedAtGate, String actor) {
    new FieldCheck().require(outcome != null, "entryOutcome", "choose ENTERED, REFUSED_SEARCH or NOT_ADMITTED")
        .optionalText(itemsFound, "itemsFound", 2000).orThrow();
    Visit visit = visit(visitId);
    if (outcome == EntryOutcome.ENTERED && !briefings.existsById(representativeId)) {
      throw InvalidInputException.of("entryOutcome", "the representative has not had the security briefing");
    }
    try {
      visit.recordGate(representativeId, outcome, applied, blankToNull(itemsFound), acknowledgedAtGate, actor, clock.instant());
    } catch (Visit.GateRefusal refusal) {
      throw InvalidInputException.of(refusal.field(), refusal.getMessage());
    }
    log.record(visitId, Element.CHECK_IN_VISITOR, outcome + (applied == null ? "" : "_" + applied),
        "representative " + representativeId + (itemsFound == null || itemsFound.isBlank() ? "" : "; items found: " + itemsFound),
        actor);
  }

  /** The gate closes; returns where the visit stands: in progress, no entry, or expired. */
  public VisitStatus closeGate(UUID visitId) {
    return visit(visitId).closeGate();
  }

  /** Security checks the visitors out, recording any incident; an incident counts in later risk assessments. */
  public void checkOut(UUID visitId, boolean incidentOccurred, String incident, String actor) {
    FieldCheck check = new FieldCheck();
    if (incidentOccurred) {
      check.requireText(incident, "incidentDescription", 4000);
    }
    check.optionalText(incident, "incidentDescription", 4000).orThrow();
    visit(visitId).checkOut(incidentOccurred ? incident.trim() : null, actor, clock.instant());
    log.record(visitId, Element.CHECK_OUT_VISITORS, incidentOccurred ? "INCIDENT" : "CHECKED_OUT",
        incidentOccurred ? incident.trim() : null, actor);
  }

  /** Security accounts for visitors not checked out an hour after the window. */
  public void accountForVisitors(UUID visitId, String account, String actor) {
    new FieldCheck().requireText(account, "account", 4000).orThrow();
    visit(visitId);
    log.record(visitId, Element.ACCOUNT_FOR_VISITORS, "ACCOUNTED_FOR", account, actor);
  }

  /** The visit was not decided 48 hours before its window: the director is brought in. */
  public void escalate(UUID visitId) {
    visit(visitId);
    log.record(visitId, Element.DECISION_OVERDUE, "ESCALATED", "not decided in time; escalated to the director", "system");
  }

  /** The window passed before the visit was decided. */
  public void expire(UUID visitId) {
    visit(visitId).expire();
    log.record(visitId, Element.WINDOW_PASSED_UNDECIDED, "EXPIRED", null, "system");
  }

  /**
   * The visit, locked until the step commits: a staff decision, a timer and the organisation's
   * cancellation on one visit are applied one after the other, each seeing what the one before did.
   */
  private Visit visit(UUID visitId) {
    return visits.findForUpdateById(visitId).orElseThrow(() -> new NotFoundException("visit " + visitId));
  }

  private RiskAssessment assessment(UUID visitId) {
    return assessments.findById(visitId).orElseThrow(() -> new IllegalStateException("visit " + visitId + " has no risk proposal"));
  }

  private Facility facility(Visit visit) {
    return facilities.findById(visit.getFacilityId()).orElseThrow();
  }

  private static String key(String area) {
    return org.invisiblebars.entry.domain.MouScope.normalise(area);
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }

  public enum RiskDecision { CONFIRM, OVERRIDE }

  public enum Authorisation { AUTHORISE, DENY }

}
