package org.invisiblebars.entry.usecase;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.invisiblebars.entry.domain.Equipment;
import org.invisiblebars.entry.domain.RiskAssessment;
import org.invisiblebars.entry.domain.RiskAssessmentRepository;
import org.invisiblebars.entry.domain.RiskLevel;
import org.invisiblebars.entry.domain.SearchLevel;
import org.invisiblebars.entry.domain.SecurityBriefingRepository;
import org.invisiblebars.entry.domain.Visit;
import org.invisiblebars.entry.domain.VisitRepository;
import org.invisiblebars.entry.domain.VisitRepresentative;
import org.invisiblebars.entry.domain.VisitStatus;
import org.invisiblebars.facility.domain.Facility;
import org.invisiblebars.facility.domain.FacilityRepository;
import org.invisiblebars.organisation.domain.Organisation;
import org.invisiblebars.organisation.domain.OrganisationRepository;
import org.invisiblebars.organisation.domain.Representative;
import org.invisiblebars.organisation.domain.RepresentativeRepository;
import org.invisiblebars.platform.validation.ConflictException;
import org.invisiblebars.platform.validation.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads visits for the NGO API, for staff and for the texts Tasklist forms show. An organisation
 * sees its own visits without the risk assessment; only security and the director see that.
 */
@Service
@Transactional(readOnly = true)
public class VisitQueries {

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu, HH:mm", Locale.ENGLISH);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

  private final VisitRepository visits;
  private final RiskAssessmentRepository assessments;
  private final SecurityBriefingRepository briefings;
  private final OrganisationRepository organisations;
  private final RepresentativeRepository representatives;
  private final FacilityRepository facilities;
  private final EntrySettings settings;

  VisitQueries(VisitRepository visits, RiskAssessmentRepository assessments, SecurityBriefingRepository briefings,
      OrganisationRepository organisations, RepresentativeRepository representatives, FacilityRepository facilities,
      EntrySettings settings) {
    this.visits = visits;
    this.assessments = assessments;
    this.briefings = briefings;
    this.organisations = organisations;
    this.representatives = representatives;
    this.facilities = facilities;
    this.settings = settings;
  }

  /** The visit, or "not found" when it belongs to another organisation than {@code organisationScope}. */
  public Visit scoped(UUID id, Optional<UUID> organisationScope) {
    return visits.findById(id).filter(v -> organisationScope.map(v.getOrganisationId()::equals).orElse(true))
        .orElseThrow(() -> new NotFoundException("visit " + id));
  }

  /**
   * The visit as the caller may see it: {@code withAssessment} only for security and the director;
   * {@code organisationScope} limits an NGO user to their own organisation's visits.
   */
  public VisitView view(UUID id, Optional<UUID> organisationScope, boolean withAssessment) {
    Visit visit = scoped(id, organisationScope);
    return view(visit, organisationScope.isEmpty(), related(List.of(visit), withAssessment));
  }

  public List<VisitView> list(Optional<UUID> organisationScope, boolean withAssessment) {
    List<Visit> found = organisationScope.map(visits::findByOrganisationIdOrderByWindowStartDesc)
        .orElseGet(visits::findAllByOrderByWindowStartDesc);
    Related related = related(found, withAssessment);
    return found.stream().map(v -> view(v, organisationScope.isEmpty(), related)).toList();
  }

  /** What the views of some visits show from other tables, each table read once for all of them, not once per visit. */
  private record Related(Map<UUID, String> names, Map<UUID, Organisation> organisations, Map<UUID, Facility> facilities,
      Map<UUID, RiskAssessment> assessments) {}

  private Related related(List<Visit> found, boolean withAssessment) {
    Set<UUID> people = found.stream().flatMap(v -> v.representativeIds().stream()).collect(Collectors.toSet());
    return new Related(
        representatives.findAllById(people).stream().collect(Collectors.toMap(Representative::getId, Representative::getFullName)),
        byId(organisations.findAllById(found.stream().map(Visit::getOrganisationId).collect(Collectors.toSet())), Organisation::getId),
        byId(facilities.findAllById(found.stream().map(Visit::getFacilityId).collect(Collectors.toSet())), Facility::getId),
        withAssessment ? byId(assessments.findAllById(found.stream().map(Visit::getId).toList()), RiskAssessment::getVisitId)
            : Map.of());
  }

  private static <T> Map<UUID, T> byId(List<T> rows, Function<T, UUID> id) {
    return rows.stream().collect(Collectors.toMap(id, Function.identity()));
  }

  private VisitView view(Visit visit, boolean staff, Related related) {
    Map<UUID, String> names = related.names();
    List<RepresentativeView> people = visit.getRepresentatives().stream()
        .sorted(Comparator.comparing(r -> names.getOrDefault(r.getRepresentativeId(), "")))
        .map(r -> new RepresentativeView(r.getRepresentativeId(), names.get(r.getRepresentativeId()), r.getAcknowledgedAt(),
            r.getEntryOutcome() == null ? null : r.getEntryOutcome().name()))
        .toList();
    RiskAssessment found = related.assessments().get(visit.getId());
    AssessmentView assessment = found == null ? null : assessmentView(found);
    return new VisitView(visit.getId(), visit.getOrganisationId(), related.organisations().get(visit.getOrganisationId()).getName(),
        visit.getFacilityId(), related.facilities().get(visit.getFacilityId()).getName(), visit.getMandateType().name(),
        visit.isAnnounced(), visit.getWindowStart(),
        visit.getWindowEnd(), visit.getActivity(), List.copyOf(visit.getAreas()),
        visit.getEquipment().stream().map(Equipment::name).sorted().toList(), visit.getStatus(), awaiting(visit, names),
        visit.rejectionReasons().isEmpty() ? null : visit.rejectionReasons(), visit.getDenialReasons(),
        visit.getAuthorisedSearchLevel() == null ? null : visit.getAuthorisedSearchLevel().name(), visit.getConditions(),
        visit.getEscort(), visit.getMeetingPoint(), visit.getNoticeIssuedAt(), people, visit.getRequestedAt(),
        visit.getCheckedOutAt(), visit.getCancellationReasons(), staff ? visit.getIncident() : null, assessment);
  }

  private String awaiting(Visit visit, Map<UUID, String> names) {
    return switch (visit.getStatus()) {
      case REQUESTED, UNDER_REVIEW -> "the prison administration's review of the visit";
      case SCHEDULING -> "scheduling by the liaison officer";
      case SCHEDULED -> {
        List<String> missing = visit.getRepresentatives().stream().filter(r -> !r.isAcknowledged())
            .map(r -> names.get(r.getRepresentativeId())).sorted().toList();
        yield missing.isEmpty() ? "the visit" : "acknowledgement of the search notice by " + String.join(", ", missing);
      }
      case IN_PROGRESS -> "check-out";
      default -> null;
    };
  }

  private static AssessmentView assessmentView(RiskAssessment a) {
    RiskAssessment.RiskInputs in = a.inputs();
    return new AssessmentView(a.getProposedRisk().name(), a.getProposedRationale(), in.firstVisit(), in.incidentsLast12Months(),
        in.facilitySecurityLevel().name(), in.alertLevel().name(), in.highSecurityAreasRequested(), in.electronicEquipment(),
        a.getRisk() == null ? null : a.getRisk().name(), a.getOverrideReasons(), a.getAssessedBy(), a.getAssessedAt(),
        a.getSearchLevel() == null ? null : a.getSearchLevel().name(), a.isDirectorAuthorisationRequired(), a.getSearchRationale());
  }

  /** The search notice of a scheduled visit: why and how the visitors are searched, and their rights. */
  public SearchNotice notice(UUID id, Optional<UUID> organisationScope) {
    Visit visit = scoped(id, organisationScope);
    if (visit.getNoticeIssuedAt() == null) {
      throw new ConflictException("the search notice of this visit is not issued yet (status " + visit.getStatus() + ")");
    }
    SearchLevel level = visit.getAuthorisedSearchLevel();
    Facility facility = facility(visit);
    Map<UUID, String> names = names(visit);
    List<String> techniques = new ArrayList<>();
    for (SearchLevel step : SearchLevel.values()) {
      if (!step.exceeds(level)) {
        techniques.add(step.title() + ": " + step.techniques());
      }
    }
    String why = "Everyone who enters " + facility.getName() + " is searched, so that no weapons, drugs, telephones or other "
        + "prohibited items come into the prison, and to protect prisoners, staff and visitors. The search is proportionate: "
        + "its level was set by the prison's security staff from an assessment of this visit"
        + (visit.getMandateType().isFormal() ? ", and a " + visit.getMandateType() + " monitor is never searched beyond what the "
            + "mandate allows" : "") + ".";
    List<String> rights = List.of(
        "You will be searched with these techniques only, and never beyond the " + level.title().toLowerCase(Locale.ENGLISH) + ".",
        "A pat-down or any further search is made by an officer of your gender, out of public view.",
        "You may refuse to be searched. If you refuse, you do not enter and you are free to leave; refusing has no other consequence.",
        "Items that are not allowed inside are kept at the gate and returned when you leave.",
        "You may ask for the name of the officer who searches you and complain to the Director of the prison system.",
        "Each visitor must acknowledge this notice before the visit; without the acknowledgement there is no entry.");
    List<NoticeAcknowledgement> acknowledgements = visit.getRepresentatives().stream()
        .sorted(Comparator.comparing(r -> names.getOrDefault(r.getRepresentativeId(), "")))
        .map(r -> new NoticeAcknowledgement(r.getRepresentativeId(), names.get(r.getRepresentativeId()), r.getAcknowledgedAt()))
        .toList();
    return new SearchNotice(visit.getId(), organisation(visit).getName(), facility.getName(), window(visit), level.name(),
        level.title(), why, techniques, rights, visit.getConditions(), visit.getEscort(), visit.getMeetingPoint(),
        visit.getNoticeIssuedAt(), acknowledgements);
  }

  /** What a staff task shows about the visit: organisation, place, window, people, activity, areas, equipment. */
  public String visitSummary(UUID id) {
    Visit visit = scoped(id, Optional.empty());
    Map<UUID, String> names = names(visit);
    return String.join("\n",
        "Organisation: " + organisation(visit).getName() + " (" + visit.getMandateType() + (visit.isAnnounced() ? "" : ", unannounced")
            + ")",
        "Facility: " + facility(visit).getName(),
        "When: " + window(visit),
        "Representatives: " + visit.representativeIds().stream().map(names::get).sorted().collect(Collectors.joining(", ")),
        "Activity: " + visit.getActivity(),
        "Areas: " + (visit.getAreas().isEmpty() ? "none named" : String.join(", ", visit.getAreas())),
        "Equipment: " + (visit.getEquipment().isEmpty() ? "none" : visit.getEquipment().stream().map(Equipment::name).sorted()
            .collect(Collectors.joining(", "))));
  }

  /** The risk proposal with the factors the decision weighed, for security's assessment. */
  public String riskProposal(UUID id) {
    RiskAssessment a = assessments.findById(id).orElseThrow(() -> new NotFoundException("risk proposal of visit " + id));
    RiskAssessment.RiskInputs in = a.inputs();
    return String.join("\n",
        "Proposed risk: " + a.getProposedRisk() + " — " + a.getProposedRationale(),
        "First visit of a representative: " + yesNo(in.firstVisit()),
        "Incidents in the last 12 months: " + in.incidentsLast12Months(),
        "Facility security level: " + in.facilitySecurityLevel(),
        "Facility alert level: " + in.alertLevel(),
        "High-security areas requested: " + yesNo(in.highSecurityAreasRequested()),
        "Electronic equipment: " + yesNo(in.electronicEquipment()));
  }

  /** The risk the visit-risk decision proposed, which security's form starts with. */
  public RiskLevel proposedRisk(UUID id) {
    return assessments.findById(id).map(RiskAssessment::getProposedRisk).orElse(null);
  }

  /** The assessment and protocol, for the director's authorisation. */
  public String assessmentSummary(UUID id) {
    RiskAssessment a = assessments.findById(id).orElseThrow(() -> new NotFoundException("risk assessment of visit " + id));
    return String.join("\n",
        "Risk: " + a.getRisk() + (a.isOverridden() ? " (security overrode the proposed " + a.getProposedRisk() + ": "
            + a.getOverrideReasons() + ")" : " (as proposed: " + a.getProposedRationale() + ")"),
        "Search protocol: " + a.getSearchLevel() + " — " + a.getSearchRationale(),
        "Assessed by " + a.getAssessedBy());
  }

  /** The search level the protocol set, which the director's form starts with. */
  public SearchLevel protocolSearchLevel(UUID id) {
    return assessments.findById(id).map(RiskAssessment::getSearchLevel).orElse(null);
  }

  /** The authorised level and conditions, for scheduling, the gate and check-out. */
  public String authorisationSummary(UUID id) {
    Visit visit = scoped(id, Optional.empty());
    SearchLevel level = visit.getAuthorisedSearchLevel();
    return "Authorised search: " + (level == null ? "none yet" : level + " — " + level.techniques())
        + (visit.getConditions() == null ? "" : "\nConditions: " + visit.getConditions())
        + (visit.getEscort() == null ? "" : "\nEscort: " + visit.getEscort() + ", meeting at " + visit.getMeetingPoint());
  }

  /** One representative at the gate: name, acknowledgement, briefing. */
  public String gateSummary(UUID id, UUID representativeId) {
    Visit visit = scoped(id, Optional.empty());
    VisitRepresentative person = visit.representative(representativeId);
    return String.join("\n",
        "Representative: " + names(visit).get(representativeId),
        "Search notice acknowledged: " + (person.isAcknowledged() ? "yes, " + person.getAcknowledgedAt() : "NO — no entry"
            + (visit.isAnnounced() ? "" : " unless acknowledged here at the gate")),
        "Security briefing: " + (briefings.existsById(representativeId) ? "held" : "NOT held — no entry"));
  }

  public String representativeName(UUID representativeId) {
    return representatives.findById(representativeId).map(Representative::getFullName).orElse(representativeId.toString());
  }

  /** Who entered and who is still inside, for check-out and for accounting for visitors. */
  public String enteredSummary(UUID id) {
    Visit visit = scoped(id, Optional.empty());
    Map<UUID, String> names = names(visit);
    return "Entered: " + visit.getRepresentatives().stream()
        .filter(r -> r.getEntryOutcome() == org.invisiblebars.entry.domain.EntryOutcome.ENTERED)
        .map(r -> names.get(r.getRepresentativeId()) + " (" + r.getAppliedSearchLevel() + ")").sorted()
        .collect(Collectors.joining(", "))
        + "\nEscort: " + visit.getEscort() + "\nWindow: " + window(visit);
  }

  private String window(Visit visit) {
    ZonedDateTime start = visit.getWindowStart().atZone(settings.zone());
    ZonedDateTime end = visit.getWindowEnd().atZone(settings.zone());
    return WHEN.format(start) + "–" + TIME.format(end) + " (" + settings.zone() + ")";
  }

  private Map<UUID, String> names(Visit visit) {
    return representatives.findAllById(visit.representativeIds()).stream()
        .collect(Collectors.toMap(Representative::getId, Representative::getFullName));
  }

  private Organisation organisation(Visit visit) {
    return organisations.findById(visit.getOrganisationId()).orElseThrow();
  }

  private Facility facility(Visit visit) {
    return facilities.findById(visit.getFacilityId()).orElseThrow();
  }

  private static String yesNo(boolean value) {
    return value ? "yes" : "no";
  }

  public record VisitView(UUID id, UUID organisationId, String organisationName, UUID facilityId, String facilityName,
      String mandateType, boolean announced, Instant windowStart, Instant windowEnd, String activity, List<String> areas,
      List<String> equipment, VisitStatus status, String awaiting, List<String> rejectionReasons, String denialReasons,
      String authorisedSearchLevel, String conditions, String escort, String meetingPoint, Instant noticeIssuedAt,
      List<RepresentativeView> representatives, Instant requestedAt, Instant checkedOutAt, String cancellationReasons,
      String incident, AssessmentView riskAssessment) {}

  public record RepresentativeView(UUID id, String name, Instant noticeAcknowledgedAt, String entryOutcome) {}

  public record AssessmentView(String proposedRisk, String proposedRationale, boolean firstVisit, int incidentsLast12Months,
      String facilitySecurityLevel, String alertLevel, boolean highSecurityAreasRequested, boolean electronicEquipment,
      String risk, String overrideReasons, String assessedBy, Instant assessedAt, String searchLevel,
      boolean directorAuthorisationRequired, String searchRationale) {}

  public record SearchNotice(UUID visitId, String organisationName, String facilityName, String window, String searchLevel,
      String searchTitle, String why, List<String> techniques, List<String> rights, String conditions, String escort,
      String meetingPoint, Instant issuedAt, List<NoticeAcknowledgement> acknowledgements) {}

  public record NoticeAcknowledgement(UUID representativeId, String name, Instant acknowledgedAt) {}
}
