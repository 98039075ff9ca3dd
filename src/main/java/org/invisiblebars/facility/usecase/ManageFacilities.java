package org.invisiblebars.facility.usecase;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.invisiblebars.facility.domain.AlertLevel;
import org.invisiblebars.facility.domain.Facility;
import org.invisiblebars.facility.domain.FacilityRepository;
import org.invisiblebars.facility.domain.SecurityLevel;
import org.invisiblebars.platform.audit.DecisionLog;
import org.invisiblebars.platform.audit.DecisionLogEntry;
import org.invisiblebars.platform.persistence.UniqueKey;
import org.invisiblebars.platform.validation.InOrder;
import org.invisiblebars.platform.validation.InputRules;
import org.invisiblebars.platform.validation.InvalidInputException;
import org.invisiblebars.platform.validation.InvalidInputException.FieldProblem;
import org.invisiblebars.platform.validation.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Facilities as data: administrators register them, each in its time zone (the configured {@code
 * invisible-bars.facilities.default-zone} when none is given); security staff set the current alert
 * level.
 */
@Service
public class ManageFacilities {

  static final String SUBJECT = "FACILITY";

  private final FacilityRepository facilities;
  private final DecisionLog decisionLog;
  private final Clock clock;
  private final InputRules rules;
  private final ZoneId defaultZone;

  ManageFacilities(
      FacilityRepository facilities,
      DecisionLog decisionLog,
      Clock clock,
      InputRules rules,
      @Value("${invisible-bars.facilities.default-zone:UTC}") ZoneId defaultZone) {
    this.facilities = facilities;
    this.decisionLog = decisionLog;
    this.clock = clock;
    this.rules = rules;
    this.defaultZone = defaultZone;
  }

  /** Registers a facility; every problem of the input is reported at once. */
  @Transactional
  public Facility register(Registration r) {
    boolean taken =
        r.name() != null
            && !r.name().isBlank()
            && facilities.findByName(r.name().strip()).isPresent();
    List<FieldProblem> more = new ArrayList<>();
    if (taken) {
      more.add(new FieldProblem("name", "is already registered"));
    }
    if (r.zone() != null && !ZoneId.getAvailableZoneIds().contains(r.zone())) {
      more.add(
          new FieldProblem(
              "zone", "is not a known time zone: give an IANA id such as Europe/Paris"));
    }
    rules.check(r, more);
    Facility facility = new Facility(r.name().strip(), r.liaisonCapacity());
    facility.describe(
        r.securityLevel(),
        r.highSecurityAreas() == null ? List.of() : r.highSecurityAreas(),
        r.visitingDays(),
        r.visitingFrom(),
        r.visitingUntil());
    facility.placeIn(r.zone() == null ? defaultZone : ZoneId.of(r.zone()));
    facility.offerAreas(
        r.areas() == null ? List.of() : r.areas().stream().map(String::strip).toList());
    try {
      return facilities.saveAndFlush(facility);
    } catch (DataIntegrityViolationException refused) {
      // registered at the same moment by another request: the same answer as when registered before
      throw UniqueKey.taken(refused)
          ? InvalidInputException.of("name", "is already registered")
          : refused;
    }
  }

  /**
   * Security sets the facility's alert level, with reasons; it feeds every later risk assessment.
   */
  @Transactional
  public Facility setAlertLevel(UUID facilityId, AlertChange change, String actor) {
    rules.check(change, List.of());
    AlertLevel level = change.alertLevel();
    String reasons = change.reasons();
    // Locked, and the time taken once the lock is held: levels set at once are logged in the order
    // they apply.
    Facility facility =
        facilities
            .findForUpdateById(facilityId)
            .orElseThrow(() -> new NotFoundException("facility " + facilityId));
    facility.raiseAlert(level, actor, clock.instant());
    decisionLog.save(
        new DecisionLogEntry(
            SUBJECT, facilityId, "AlertLevel", level.name(), reasons, actor, clock.instant()));
    return facility;
  }

  /**
   * An administrator changes the zone a facility's days and hours are read in, and the areas a
   * visit may ask for; logged with the change. Visits keep their instants: their times are shown on
   * the facility's new clock.
   */
  @Transactional
  public Facility changeVisiting(UUID facilityId, VisitingChange change, String actor) {
    List<FieldProblem> more = new ArrayList<>();
    if (change.zone() != null && !ZoneId.getAvailableZoneIds().contains(change.zone())) {
      more.add(
          new FieldProblem(
              "zone", "is not a known time zone: give an IANA id such as Europe/Paris"));
    }
    rules.check(change, more);
    Facility facility =
        facilities
            .findForUpdateById(facilityId)
            .orElseThrow(() -> new NotFoundException("facility " + facilityId));
    facility.placeIn(ZoneId.of(change.zone()));
    List<String> areas = change.areas().stream().map(String::strip).distinct().toList();
    facility.offerAreas(areas);
    decisionLog.save(
        new DecisionLogEntry(
            SUBJECT,
            facilityId,
            "Visiting",
            "CHANGED",
            "zone " + change.zone() + "; areas " + String.join(", ", areas),
            actor,
            clock.instant()));
    return facility;
  }

  @Transactional(readOnly = true)
  public Facility get(UUID id) {
    return facilities.findById(id).orElseThrow(() -> new NotFoundException("facility " + id));
  }

  /**
   * The zone in which what concerns {@code facilityIds} is read: theirs when they share one, else
   * (several zones, or none) the administration's, {@code invisible-bars.facilities.default-zone}.
   */
  @Transactional(readOnly = true)
  public ZoneId zoneOf(Collection<UUID> facilityIds) {
    Set<ZoneId> zones =
        facilities.findAllById(facilityIds).stream()
            .map(Facility::getZone)
            .collect(Collectors.toSet());
    return zones.size() == 1 ? zones.iterator().next() : defaultZone;
  }

  /** The administration's zone, {@code invisible-bars.facilities.default-zone}. */
  public ZoneId defaultZone() {
    return defaultZone;
  }

  @Transactional(readOnly = true)
  public List<Facility> all() {
    return facilities.findAll();
  }

  /**
   * A facility as an administrator registers it; {@code zone} (an IANA id, optional) and {@code
   * areas} (the areas a visit may ask for, optional) came with the portal's visit requests.
   */
  @InOrder(earlier = "visitingFrom", later = "visitingUntil")
  public record Registration(
      @NotBlank @Size(max = 200) String name,
      @NotNull @Min(0) @Max(1000) Integer liaisonCapacity,
      @NotNull(message = "is required: LOW, MEDIUM, HIGH or MAXIMUM") SecurityLevel securityLevel,
      @Size(max = 50, message = "name at most {max}")
          List<@NotBlank @Size(max = 200) String> highSecurityAreas,
      @NotEmpty(message = "name at least one day") Set<DayOfWeek> visitingDays,
      @NotNull(message = "is required (HH:mm)") LocalTime visitingFrom,
      @NotNull(message = "is required (HH:mm)") LocalTime visitingUntil,
      @Size(max = 64) String zone,
      @Size(max = 50, message = "name at most {max}")
          List<@NotBlank @Size(max = 200) String> areas) {}

  /**
   * The zone a facility's days and hours are read in (an IANA id) and the areas a visit may ask
   * for.
   */
  public record VisitingChange(
      @NotBlank @Size(max = 64) String zone,
      @NotNull(message = "is required: name the areas, or none")
          @Size(max = 50, message = "name at most {max}")
          List<@NotBlank @Size(max = 200) String> areas) {}

  /** A new alert level, with the reasons security gives for it. */
  public record AlertChange(
      @NotNull(message = "is required: NORMAL, ELEVATED or CRITICAL") AlertLevel alertLevel,
      @NotBlank @Size(max = 2000) String reasons) {}
}
