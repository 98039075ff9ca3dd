package org.invisiblebars.entry.usecase;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.invisiblebars.entry.domain.Equipment;
import org.invisiblebars.entry.domain.Visit;
import org.invisiblebars.entry.domain.Visit.VisitRequest;
import org.invisiblebars.entry.domain.VisitRepository;
import org.invisiblebars.facility.domain.Facility;
import org.invisiblebars.facility.domain.FacilityRepository;
import org.invisiblebars.organisation.domain.MandateType;
import org.invisiblebars.organisation.domain.Organisation;
import org.invisiblebars.organisation.domain.OrganisationRepository;
import org.invisiblebars.organisation.domain.Representative;
import org.invisiblebars.organisation.domain.RepresentativeRepository;
import org.invisiblebars.platform.validation.DateTimeInput;
import org.invisiblebars.platform.validation.InputRules;
import org.invisiblebars.platform.validation.InvalidInputException;
import org.invisiblebars.platform.validation.InvalidInputException.FieldProblem;
import org.invisiblebars.platform.validation.NotFoundException;
import org.invisiblebars.platform.validation.WithinYears;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Receives a visit request and starts its process: an NGO asks ahead through the API; a security
 * officer registers an NPM or ICRC visit that arrives unannounced at the gate. Bad input is refused
 * whole (400 naming each field) before anything is stored; whether the visit is in scope is the
 * process's first step, so a request out of scope is stored and rejected with its reasons. The
 * organisation is locked while its request is taken, so requests sent at once are taken one after
 * the other and a repeated idempotency key finds the visit the first one created. The window is
 * given in the facility's local time or as instants ({@link DateTimeInput}), and stored as
 * instants.
 */
@Service
public class RequestVisit {

  static final int MAX_REPRESENTATIVES = 10;
  static final Duration LONGEST_WINDOW = Duration.ofHours(12);
  static final int MAX_RECOMMENDATIONS = 50;

  private final VisitRepository visits;
  private final OrganisationRepository organisations;
  private final RepresentativeRepository representatives;
  private final FacilityRepository facilities;
  private final VisitProcessPort process;
  private final RecommendationsToCheck recommendations;
  private final EntrySettings settings;
  private final Clock clock;
  private final InputRules rules;

  RequestVisit(
      VisitRepository visits,
      OrganisationRepository organisations,
      RepresentativeRepository representatives,
      FacilityRepository facilities,
      VisitProcessPort process,
      RecommendationsToCheck recommendations,
      EntrySettings settings,
      Clock clock,
      InputRules rules) {
    this.rules = rules;
    this.visits = visits;
    this.organisations = organisations;
    this.representatives = representatives;
    this.facilities = facilities;
    this.process = process;
    this.recommendations = recommendations;
    this.settings = settings;
    this.clock = clock;
  }

  /** An organisation requests a visit ahead; the same idempotency key returns the first visit. */
  @Transactional
  public Result request(UUID organisationId, Request request, String idempotencyKey, String actor) {
    Organisation organisation =
        organisations
            .findForUpdateById(organisationId)
            .orElseThrow(() -> new NotFoundException("organisation " + organisationId));
    Optional<Visit> earlier = earlier(organisationId, idempotencyKey);
    if (earlier.isPresent()) {
      return new Result(earlier.get(), false);
    }
    Instant now = clock.instant();
    VisitRequest details = validate(organisationId, request, now, true);
    List<UUID> checks =
        request.recommendationIds() == null ? List.of() : request.recommendationIds();
    return new Result(start(organisation, details, checks, true, actor, now, idempotencyKey), true);
  }

  /**
   * Checks a request as {@link #request} would, and stores nothing: every problem at once, for a
   * form that found problems of its own first.
   */
  @Transactional(readOnly = true)
  public void check(UUID organisationId, Request request) {
    validate(organisationId, request, clock.instant(), true);
  }

  /**
   * Security registers a formal monitor's unannounced visit at the gate; it starts now. The same
   * idempotency key (a second click, a second officer's device) returns the first visit.
   */
  @Transactional
  public Result registerUnannounced(
      UnannouncedRequest request, String idempotencyKey, String actor) {
    if (request.organisationId() == null) {
      throw InvalidInputException.of("organisationId", "is required");
    }
    Organisation organisation =
        organisations
            .findForUpdateById(request.organisationId())
            .orElseThrow(() -> InvalidInputException.of("organisationId", "no such organisation"));
    Optional<Visit> earlier = earlier(organisation.getId(), idempotencyKey);
    if (earlier.isPresent()) {
      return new Result(earlier.get(), false);
    }
    if (!organisation.getMandateType().isFormal()) {
      throw InvalidInputException.of(
          "organisationId",
          "only NPM and ICRC monitors may visit unannounced; "
              + organisation.getName()
              + " must request its visits ahead");
    }
    Instant now = clock.instant();
    Request asked =
        new Request(
            request.facilityId(),
            request.representativeIds(),
            DateTimeInput.of(now),
            request.windowEnd() == null ? null : DateTimeInput.of(request.windowEnd()),
            request.activity(),
            request.areas(),
            request.equipment(),
            List.of());
    VisitRequest details = validate(organisation.getId(), asked, now, false);
    return new Result(
        start(organisation, details, List.of(), false, actor, now, idempotencyKey), true);
  }

  private Optional<Visit> earlier(UUID organisationId, String idempotencyKey) {
    return idempotencyKey == null
        ? Optional.empty()
        : visits.findByOrganisationIdAndIdempotencyKey(organisationId, idempotencyKey);
  }

  private Visit start(
      Organisation organisation,
      VisitRequest details,
      List<UUID> recommendationIds,
      boolean announced,
      String actor,
      Instant now,
      String idempotencyKey) {
    MandateType mandate = organisation.getMandateType();
    Visit unsaved =
        new Visit(organisation.getId(), mandate, announced, details, actor, now, idempotencyKey);
    unsaved.checks(recommendationIds);
    // the saved instance: it has the reference the repository assigned when storing it
    Visit visit = visits.save(unsaved);
    process.start(
        visit.getId(),
        visit.getReference(),
        mandate.isFormal(),
        announced,
        deadlines(announced, details.windowStart(), details.windowEnd(), now, settings),
        organisation.getName(),
        facilities.findById(details.facilityId()).orElseThrow().getName());
    return visit;
  }

  /**
   * The dates of the process's timers and of the tasks due by them. An announced visit escalates
   * {@code escalate-before} ahead of its window, but never sooner than {@code
   * short-notice-escalate-after} after the request (or half the time left to the window, if less):
   * at short notice (a formal monitor needs none) its decision tasks would otherwise be overdue the
   * moment they are created. An unannounced visit is at the gate at once: it escalates nothing.
   */
  static VisitProcessPort.Deadlines deadlines(
      boolean announced,
      Instant windowStart,
      Instant windowEnd,
      Instant now,
      EntrySettings settings) {
    Instant checkOutAlertAt = windowEnd.plus(settings.checkOutAlertAfter());
    if (!announced) {
      return new VisitProcessPort.Deadlines(now, now, windowEnd, checkOutAlertAt);
    }
    Duration half = Duration.between(now, windowStart).dividedBy(2);
    Duration least =
        half.compareTo(settings.shortNoticeEscalateAfter()) < 0
            ? half
            : settings.shortNoticeEscalateAfter();
    Instant usual = windowStart.minus(settings.escalateBefore());
    Instant earliest = now.plus(least);
    return new VisitProcessPort.Deadlines(
        usual.isBefore(earliest) ? earliest : usual,
        windowStart.minus(settings.gateOpensBefore()),
        windowEnd,
        checkOutAlertAt);
  }

  /**
   * Every problem of the request at once: its constraints, then what only the organisation's
   * representatives, the facilities and the clock can tell.
   */
  private VisitRequest validate(
      UUID organisationId, Request request, Instant now, boolean announced) {
    List<FieldProblem> more = new ArrayList<>();
    Optional<Facility> facility =
        request.facilityId() == null ? Optional.empty() : facilities.findById(request.facilityId());
    if (request.facilityId() != null && facility.isEmpty()) {
      more.add(new FieldProblem("facilityId", "no such facility"));
    }
    List<UUID> people =
        request.representativeIds() == null ? List.of() : request.representativeIds();
    Set<UUID> own =
        representatives.findByOrganisationId(organisationId).stream()
            .map(Representative::getId)
            .collect(Collectors.toSet());
    for (int i = 0; i < people.size(); i++) {
      if (people.get(i) != null && !own.contains(people.get(i))) {
        more.add(
            new FieldProblem(
                "representativeIds[" + i + "]", "is not a representative of the organisation"));
      }
    }
    if (people.stream().distinct().count() != people.size()) {
      more.add(new FieldProblem("representativeIds", "names someone twice"));
    }
    List<FieldProblem> problems = rules.problems(request);
    // the window's own rules apply to a window whose times are valid (given, within a year, naming
    // one instant in the facility's zone): a time millions of years away is refused as such, not
    // measured; a local time is read only once the facility is known
    ZoneId zone = facility.map(Facility::getZone).orElse(settings.zone());
    boolean validWindow =
        problems.stream().noneMatch(p -> p.field().startsWith("window"))
            && (facility.isPresent()
                || (!request.windowStart().isLocal() && !request.windowEnd().isLocal()));
    Instant windowStart = null;
    Instant windowEnd = null;
    if (validWindow) {
      Optional<String> startProblem = request.windowStart().problemIn(zone);
      Optional<String> endProblem = request.windowEnd().problemIn(zone);
      startProblem.ifPresent(p -> more.add(new FieldProblem("windowStart", p)));
      endProblem.ifPresent(p -> more.add(new FieldProblem("windowEnd", p)));
      validWindow = startProblem.isEmpty() && endProblem.isEmpty();
    }
    if (validWindow) {
      windowStart = request.windowStart().in(zone);
      windowEnd = request.windowEnd().in(zone);
      if (!windowEnd.isAfter(windowStart)) {
        more.add(new FieldProblem("windowEnd", "must be after windowStart"));
      } else if (Duration.between(windowStart, windowEnd).compareTo(LONGEST_WINDOW) > 0) {
        more.add(
            new FieldProblem(
                "windowEnd", "a visit lasts at most " + LONGEST_WINDOW.toHours() + " hours"));
      }
      // the MoU's days and hours are read against one day; an unannounced monitor may stay past
      // midnight
      if (announced
          && !windowStart.atZone(zone).toLocalDate().equals(windowEnd.atZone(zone).toLocalDate())) {
        more.add(
            new FieldProblem("windowEnd", "must be on the same day as windowStart (" + zone + ")"));
      }
      if (announced && !windowStart.isAfter(now)) {
        more.add(new FieldProblem("windowStart", "must be in the future"));
      }
    }
    List<Equipment> equipment = new ArrayList<>();
    List<String> items = request.equipment() == null ? List.of() : request.equipment();
    for (int i = 0; i < items.size(); i++) {
      String item = items.get(i);
      if (item == null || Arrays.stream(Equipment.values()).noneMatch(e -> e.name().equals(item))) {
        more.add(
            new FieldProblem(
                "equipment[" + i + "]", "must be one of " + Arrays.toString(Equipment.values())));
      } else {
        equipment.add(Equipment.valueOf(item));
      }
    }
    more.addAll(checkable(organisationId, request));
    problems.addAll(more);
    InputRules.throwIfAny(request, problems);
    List<String> areas = request.areas() == null ? List.of() : request.areas();
    return new VisitRequest(
        request.facilityId(),
        people,
        windowStart,
        windowEnd,
        request.activity().trim(),
        areas.stream().map(String::trim).toList(),
        equipment);
  }

  /**
   * The recommendations a follow-up visit may name: the organisation's own, on reports about the
   * facility it visits, once answered; any other is refused by its index.
   */
  private List<FieldProblem> checkable(UUID organisationId, Request request) {
    List<UUID> named =
        request.recommendationIds() == null ? List.of() : request.recommendationIds();
    if (named.isEmpty() || request.facilityId() == null) {
      return List.of();
    }
    Set<UUID> allowed = recommendations.checkable(organisationId, request.facilityId());
    List<FieldProblem> problems = new ArrayList<>();
    for (int i = 0; i < named.size(); i++) {
      if (named.get(i) != null && !allowed.contains(named.get(i))) {
        problems.add(
            new FieldProblem(
                "recommendationIds[" + i + "]",
                "is not an answered recommendation of the organisation's reports on this facility"));
      }
    }
    if (named.stream().distinct().count() != named.size()) {
      problems.add(new FieldProblem("recommendationIds", "names a recommendation twice"));
    }
    return problems;
  }

  /**
   * A visit request as the NGO API receives it; a visit is requested at most a year ahead, its
   * window in the facility's local time or as instants. A follow-up visit names the recommendations
   * it checks ({@code recommendationIds}, optional).
   */
  public record Request(
      @NotNull UUID facilityId,
      @NotEmpty(message = "name at least one representative")
          @Size(max = MAX_REPRESENTATIVES, message = "at most {max} people per visit")
          List<@NotNull(message = "is not a representative of the organisation") UUID>
              representativeIds,
      @NotNull @WithinYears(1) DateTimeInput windowStart,
      @NotNull @WithinYears(1) DateTimeInput windowEnd,
      @NotBlank @Size(max = 200) String activity,
      @Size(max = 20, message = "at most {max} areas")
          List<@NotBlank @Size(max = 200) String> areas,
      List<String> equipment,
      @Size(max = MAX_RECOMMENDATIONS, message = "at most {max} recommendations per visit")
          List<@NotNull UUID> recommendationIds) {}

  /**
   * An unannounced visit as security registers it at the gate: it starts now and ends at {@code
   * windowEnd}.
   */
  public record UnannouncedRequest(
      @NotNull UUID organisationId,
      UUID facilityId,
      List<UUID> representativeIds,
      @WithinYears(1) Instant windowEnd,
      String activity,
      List<String> areas,
      List<String> equipment) {}

  public record Result(Visit visit, boolean created) {}
}
