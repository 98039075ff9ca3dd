package org.invisiblebars.entry.usecase;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
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
import org.invisiblebars.entry.domain.SearchLevel;
import org.invisiblebars.entry.domain.SecurityBriefing;
import org.invisiblebars.entry.domain.SecurityBriefingRepository;
import org.invisiblebars.entry.domain.Visit;
import org.invisiblebars.entry.domain.VisitRepository;
import org.invisiblebars.entry.domain.VisitStatus;
import org.invisiblebars.facility.domain.Facility;
import org.invisiblebars.facility.domain.FacilityRepository;
import org.invisiblebars.organisation.domain.Organisation;
import org.invisiblebars.organisation.domain.OrganisationRepository;
import org.invisiblebars.organisation.domain.Representative;
import org.invisiblebars.organisation.domain.RepresentativeRepository;
import org.invisiblebars.platform.task.CaseLabel;
import org.invisiblebars.platform.task.CaseLabels;
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
public class VisitQueries implements CaseLabels {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("EEEE d MMMM uuuu, HH:mm", Locale.ENGLISH);
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

  private final VisitRepository visits;
  private final RiskAssessmentRepository assessments;
  private final SecurityBriefingRepository briefings;
  private final OrganisationRepository organisations;
  private final RepresentativeRepository representatives;
  private final FacilityRepository facilities;

  VisitQueries(
      VisitRepository visits,
      RiskAssessmentRepository assessments,
      SecurityBriefingRepository briefings,
      OrganisationRepository organisations,
      RepresentativeRepository representatives,
      FacilityRepository facilities) {
    this.visits = visits;
    this.assessments = assessments;
    this.briefings = briefings;
    this.organisations = organisations;
    this.representatives = representatives;
    this.facilities = facilities;
  }

  /**
   * The visit, or "not found" when it belongs to another organisation than {@code
   * organisationScope}.
   */
  public Visit scoped(UUID id, Optional<UUID> organisationScope) {
    return visits
        .findById(id)
        .filter(v -> organisationScope.map(v.getOrganisationId()::equals).orElse(true))
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
    List<Visit> found =
        organisationScope
            .map(visits::findByOrganisationIdOrderByWindowStartDesc)
            .orElseGet(visits::findAllByOrderByWindowStartDesc);
    Related related = related(found, withAssessment);
    return found.stream().map(v -> view(v, organisationScope.isEmpty(), related)).toList();
  }

  /**
   * What the views of some visits show from other tables, each table read once for all of them, not
   * once per visit.
   */
  private record Related(
      Map<UUID, String> names,
      Map<UUID, Organisation> organisations,
      Map<UUID, Facility> facilities,
      Map<UUID, RiskAssessment> assessments) {}

  private Related related(List<Visit> found, boolean withAssessment) {
    Set<UUID> people =
        found.stream().flatMap(v -> v.representativeIds().stream()).collect(Collectors.toSet());
    return new Related(
        representatives.findAllById(people).stream()
            .collect(Collectors.toMap(Representative::getId, Representative::getFullName)),
        byId(
            organisations.findAllById(
                found.stream().map(Visit::getOrganisationId).collect(Collectors.toSet())),
            Organisation::getId),
        byId(
            facilities.findAllById(
                found.stream().map(Visit::getFacilityId).collect(Collectors.toSet())),
            Facility::getId),
        withAssessment
            ? byId(
                assessments.findAllById(found.stream().map(Visit::getId).toList()),
                RiskAssessment::getVisitId)
            : Map.of());
  }

  private static <T> Map<UUID, T> byId(List<T> rows, Function<T, UUID> id) {
    return rows.stream().collect(Collectors.toMap(id, Function.identity()));
  }

  private VisitView view(Visit visit, boolean staff, Related related) {
    Map<UUID, String> names = related.names();
    List<RepresentativeView> people =
        visit.getRepresentatives().stream()
            .sorted(Comparator.comparing(r -> names.getOrDefault(r.getRepresentativeId(), "")))
            .map(
                r ->
                    new RepresentativeView(
                        r.getRepresentativeId(),
                        names.get(r.getRepresentativeId()),
                        r.getAcknowledgedAt(),
                        r.getEntryOutcome() == null ? null : r.getEntryOutcome().name()))
            .toList();
    RiskAssessment found = related.assessments().get(visit.getId());
    AssessmentView assessment = found == null ? null : assessmentView(found);
    return new VisitView(
        visit.getId(),
        visit.getReference(),
        VisitView.Request.of(
            visit,
            related.organisations().get(visit.getOrganisationId()).getName(),
            related.facilities().get(visit.getFacilityId())),
        VisitView.Progress.of(visit, awaiting(visit, names), staff),
        people,
        assessment);
  }

  private String awaiting(Visit visit, Map<UUID, String> names) {
    return switch (visit.getStatus()) {
      case REQUESTED, UNDER_REVIEW -> "the prison administration's review of the visit";
      case SCHEDULING -> "scheduling by the liaison officer";
      case SCHEDULED -> {
        List<String> missing =
            visit.getRepresentatives().stream()
                .filter(r -> !r.isAcknowledged())
                .map(r -> names.get(r.getRepresentativeId()))
                .sorted()
                .toList();
        yield missing.isEmpty()
            ? "the visit"
            : "acknowledgement of the search notice by "
                + String.join(", ", missing)
                + (visit.acknowledgesAtGate() ? " (ahead, or at the gate)" : "");
      }
      case IN_PROGRESS -> "check-out";
      default -> null;
    };
  }

  private static AssessmentView assessmentView(RiskAssessment a) {
    RiskAssessment.RiskInputs in = a.inputs();
    return new AssessmentView(
        a.getProposedRisk().name(),
        a.getProposedRationale(),
        in.firstVisit(),
        in.incidentsLast12Months(),
        in.facilitySecurityLevel().name(),
        in.alertLevel().name(),
        in.highSecurityAreasRequested(),
        in.electronicEquipment(),
        a.getRisk() == null ? null : a.getRisk().name(),
        a.getOverrideReasons(),
        a.getAssessedBy(),
        a.getAssessedAt(),
        a.getSearchLevel() == null ? null : a.getSearchLevel().name(),
        a.isDirectorAuthorisationRequired(),
        a.getSearchRationale());
  }

  /**
   * The search notice of a scheduled visit: why and how the visitors are searched, and their
   * rights.
   */
  public SearchNotice notice(UUID id, Optional<UUID> organisationScope) {
    Visit visit = scoped(id, organisationScope);
    if (visit.getNoticeIssuedAt() == null) {
      throw new ConflictException(
          "the search notice of this visit is not issued yet (status " + visit.getStatus() + ")");
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
    String why =
        "Everyone who enters "
            + facility.getName()
            + " is searched, so that no weapons, drugs, telephones or other "
            + "prohibited items come into the prison, and to protect prisoners, staff and visitors. The search is proportionate: "
            + (visit.isAdmittedByRight()
                ? "this visit went ahead by right, before or without a staff decision, so its"
                    + " level is the one authorised by then or, where none was, the screening the"
                    + " mandate allows by default"
                : "its level was set by the prison's security staff from an assessment of this"
                    + " visit")
            + (visit.getMandateType().isFormal()
                ? ", and a "
                    + visit.getMandateType()
                    + " monitor is never searched beyond what the "
                    + "mandate allows"
                : "")
            + ".";
    List<String> rights =
        List.of(
            "You will be searched with these techniques only, and never beyond the "
                + level.title().toLowerCase(Locale.ENGLISH)
                + ".",
            "A pat-down or any further search is made by an officer of your gender, out of public view.",
            "You may refuse to be searched. If you refuse, you do not enter and you are free to leave; refusing has no other consequence.",
            "Items that are not allowed inside are kept at the gate and returned when you leave.",
            "You may ask for the name of the officer who searches you and complain to the Director of the prison system.",
            "Each visitor must acknowledge this notice before the visit; without the acknowledgement there is no entry.");
    List<NoticeAcknowledgement> acknowledgements =
        visit.getRepresentatives().stream()
            .sorted(Comparator.comparing(r -> names.getOrDefault(r.getRepresentativeId(), "")))
            .map(
                r ->
                    new NoticeAcknowledgement(
                        r.getRepresentativeId(),
                        names.get(r.getRepresentativeId()),
                        r.getAcknowledgedAt()))
            .toList();
    return new SearchNotice(
        visit.getId(),
        visit.getReference(),
        organisation(visit).getName(),
        facility.getName(),
        window(visit),
        level.name(),
        level.title(),
        why,
        techniques,
        rights,
        visit.getConditions(),
        visit.getEscort(),
        visit.getMeetingPoint(),
        visit.getNoticeIssuedAt(),
        acknowledgements,
        visit.getWindowStart(),
        visit.getWindowEnd(),
        facility.getZone().toString(),
        visit.isAdmittedByRight(),
        visit.getMandateType().isFormal() ? visit.getMandateType().name() : null);
  }

  /**
   * A visit as its staff tasks show it: with the names of its organisation, facility and people,
   * its window as the prison reads it, and which of its people were ever briefed. The words are the
   * task's handler's; this says what there is.
   */
  public TaskView forTask(UUID id) {
    Visit visit = scoped(id, Optional.empty());
    Set<UUID> briefed =
        briefings.findByRepresentativeIdIn(visit.representativeIds()).stream()
            .map(SecurityBriefing::getRepresentativeId)
            .collect(Collectors.toSet());
    Facility facility = facility(visit);
    return new TaskView(
        visit,
        organisation(visit).getName(),
        facility.getName(),
        facility.getZone(),
        names(visit),
        window(visit),
        briefed);
  }

  /**
   * The risk assessment of a visit: the proposal and its factors, security's assessment, the
   * protocol.
   */
  public RiskAssessment assessment(UUID id) {
    return assessments
        .findById(id)
        .orElseThrow(() -> new NotFoundException("risk assessment of visit " + id));
  }

  /** The name of a representative; the id when the person is unknown. */
  public String representativeName(UUID representativeId) {
    return representatives
        .findById(representativeId)
        .map(Representative::getFullName)
        .orElse(representativeId.toString());
  }

  /** The window as the prison reads it: in the facility's zone, named. */
  private String window(Visit visit) {
    ZoneId zone = facility(visit).getZone();
    ZonedDateTime start = visit.getWindowStart().atZone(zone);
    ZonedDateTime end = visit.getWindowEnd().atZone(zone);
    return WHEN.format(start) + "–" + TIME.format(end) + " (" + zone + ")";
  }

  private Map<UUID, String> names(Visit visit) {
    return representatives.findAllById(visit.representativeIds()).stream()
        .collect(Collectors.toMap(Representative::getId, Representative::getFullName));
  }

  @Override
  public String subjectType() {
    return VisitSubject.TYPE;
  }

  /** The reference, the organisation and the facility of the visit. */
  @Override
  public Optional<CaseLabel> of(UUID id) {
    return visits
        .findById(id)
        .map(
            visit ->
                new CaseLabel(
                    visit.getReference(),
                    organisation(visit).getName(),
                    facility(visit).getName()));
  }

  private Organisation organisation(Visit visit) {
    return organisations.findById(visit.getOrganisationId()).orElseThrow();
  }

  private Facility facility(Visit visit) {
    return facilities.findById(visit.getFacilityId()).orElseThrow();
  }

  /**
   * A visit as the API answers it, one flat object in JSON, built from named parts: what was asked
   * and what became of it. The incident is shown to staff only, the assessment to those who may
   * read it.
   */
  public record VisitView(
      UUID id,
      String reference,
      @JsonUnwrapped Request request,
      @JsonUnwrapped Progress progress,
      List<RepresentativeView> representatives,
      AssessmentView riskAssessment) {

    /**
     * What the organisation asked for: who, where, when (as instants, and in the facility's zone,
     * named, for a client to show), to do what, with what.
     */
    public record Request(
        UUID organisationId,
        String organisationName,
        UUID facilityId,
        String facilityName,
        String mandateType,
        boolean announced,
        Instant windowStart,
        Instant windowEnd,
        @Schema(description = "The facility's time zone, an IANA id", example = "Europe/Paris")
            String facilityZone,
        @Schema(
                type = "string",
                format = "local-date-time",
                description = "windowStart on the facility's clock (facilityZone), without offset",
                example = "2027-03-02T09:30:00")
            LocalDateTime localWindowStart,
        @Schema(
                type = "string",
                format = "local-date-time",
                description = "windowEnd on the facility's clock (facilityZone), without offset",
                example = "2027-03-02T12:00:00")
            LocalDateTime localWindowEnd,
        String activity,
        List<String> areas,
        List<String> equipment,
        Instant requestedAt,
        List<UUID> recommendationIds) {

      static Request of(Visit visit, String organisationName, Facility facility) {
        ZoneId zone = facility.getZone();
        return new Request(
            visit.getOrganisationId(),
            organisationName,
            visit.getFacilityId(),
            facility.getName(),
            visit.getMandateType().name(),
            visit.isAnnounced(),
            visit.getWindowStart(),
            visit.getWindowEnd(),
            zone.getId(),
            LocalDateTime.ofInstant(visit.getWindowStart(), zone),
            LocalDateTime.ofInstant(visit.getWindowEnd(), zone),
            visit.getActivity(),
            List.copyOf(visit.getAreas()),
            visit.getEquipment().stream().map(Equipment::name).sorted().toList(),
            visit.getRequestedAt(),
            visit.getRecommendationIds());
      }
    }

    /** What became of the request, from the scope check to the check-out or cancellation. */
    public record Progress(
        VisitStatus status,
        String awaiting,
        List<String> rejectionReasons,
        String denialReasons,
        String authorisedSearchLevel,
        String conditions,
        String escort,
        String meetingPoint,
        Instant noticeIssuedAt,
        Instant admittedByRightAt,
        Instant checkedOutAt,
        String cancellationReasons,
        String incident) {

      static Progress of(Visit visit, String awaiting, boolean staff) {
        return new Progress(
            visit.getStatus(),
            awaiting,
            visit.rejectionReasons().isEmpty() ? null : visit.rejectionReasons(),
            visit.getDenialReasons(),
            visit.getAuthorisedSearchLevel() == null
                ? null
                : visit.getAuthorisedSearchLevel().name(),
            visit.getConditions(),
            visit.getEscort(),
            visit.getMeetingPoint(),
            visit.getNoticeIssuedAt(),
            visit.getAdmittedByRightAt(),
            visit.getCheckedOutAt(),
            visit.getCancellationReasons(),
            staff ? visit.getIncident() : null);
      }
    }
  }

  /** A visit with what its staff tasks show beside it ({@link #forTask}). */
  public record TaskView(
      Visit visit,
      String organisationName,
      String facilityName,
      ZoneId zone,
      Map<UUID, String> names,
      String window,
      Set<UUID> briefed) {}

  public record RepresentativeView(
      UUID id, String name, Instant noticeAcknowledgedAt, String entryOutcome) {}

  public record AssessmentView(
      String proposedRisk,
      String proposedRationale,
      boolean firstVisit,
      int incidentsLast12Months,
      String facilitySecurityLevel,
      String alertLevel,
      boolean highSecurityAreasRequested,
      boolean electronicEquipment,
      String risk,
      String overrideReasons,
      String assessedBy,
      Instant assessedAt,
      String searchLevel,
      boolean directorAuthorisationRequired,
      String searchRationale) {}

  /**
   * The search notice as the API answers it, in English. The last five fields are for the PDF,
   * which writes the same sentences in the reader's language from them; the API does not show them.
   */
  public record SearchNotice(
      UUID visitId,
      String reference,
      String organisationName,
      String facilityName,
      String window,
      String searchLevel,
      String searchTitle,
      String why,
      List<String> techniques,
      List<String> rights,
      String conditions,
      String escort,
      String meetingPoint,
      Instant issuedAt,
      List<NoticeAcknowledgement> acknowledgements,
      @JsonIgnore Instant windowStart,
      @JsonIgnore Instant windowEnd,
      @JsonIgnore String zone,
      @JsonIgnore boolean admittedByRight,
      @JsonIgnore String formalMandate) {}

  public record NoticeAcknowledgement(UUID representativeId, String name, Instant acknowledgedAt) {}
}
