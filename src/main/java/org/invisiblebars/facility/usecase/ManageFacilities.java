package org.invisiblebars.facility.usecase;

import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.invisiblebars.facility.domain.AlertLevel;
import org.invisiblebars.facility.domain.Facility;
import org.invisiblebars.facility.domain.FacilityRepository;
import org.invisiblebars.facility.domain.SecurityLevel;
import org.invisiblebars.platform.audit.DecisionLog;
import org.invisiblebars.platform.audit.DecisionLogEntry;
import org.invisiblebars.platform.persistence.UniqueKey;
import org.invisiblebars.platform.validation.FieldCheck;
import org.invisiblebars.platform.validation.InvalidInputException;
import org.invisiblebars.platform.validation.NotFoundException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Facilities as data: administrators register them; security staff set the current alert level. */
@Service
public class ManageFacilities {

  static final String SUBJECT = "FACILITY";

  private final FacilityRepository facilities;
  private final DecisionLog decisionLog;
  private final Clock clock;

  ManageFacilities(FacilityRepository facilities, DecisionLog decisionLog, Clock clock) {
    this.facilities = facilities;
    this.decisionLog = decisionLog;
    this.clock = clock;
  }

  /** Registers a facility; every problem of the input is reported at once. */
  @Transactional
  public Facility register(Registration r) {
    FieldCheck check = new FieldCheck().requireText(r.name(), "name", 200)
        .requireRange(r.liaisonCapacity(), "liaisonCapacity", 0, 1000)
        .require(r.securityLevel() != null, "securityLevel", "is required: LOW, MEDIUM, HIGH or MAXIMUM")
        .require(r.visitingDays() != null && !r.visitingDays().isEmpty(), "visitingDays", "name at least one day")
        .require(r.visitingFrom() != null, "visitingFrom", "is required (HH:mm)")
        .require(r.visitingUntil() != null, "visitingUntil", "is required (HH:mm)")
        .require(r.visitingFrom() == null || r.visitingUntil() == null || r.visitingFrom().isBefore(r.visitingUntil()),
            "visitingUntil", "must be after visitingFrom")
        .require(r.name() == null || facilities.findByName(r.name().strip()).isEmpty(), "name", "is already registered");
    if (r.highSecurityAreas() != null) {
      for (int i = 0; i < r.highSecurityAreas().size(); i++) {
        check.requireText(r.highSecurityAreas().get(i), "highSecurityAreas[" + i + "]", 200);
      }
    }
    check.orThrow();
    Facility facility = new Facility(r.name().strip(), r.liaisonCapacity());
    facility.describe(r.securityLevel(), r.highSecurityAreas() == null ? List.of() : r.highSecurityAreas(), r.visitingDays(),
        r.visitingFrom(), r.visitingUntil());
    try {
      return facilities.saveAndFlush(facility);
    } catch (DataIntegrityViolationException refused) {
      // registered at the same moment by another request: the same answer as when registered before
      throw UniqueKey.taken(refused) ? InvalidInputException.of("name", "is already registered") : refused;
    }
  }

  /** Security sets the facility's alert level, with reasons; it feeds every later risk assessment. */
  @Transactional
  public Facility setAlertLevel(UUID facilityId, AlertLevel level, String reasons, String actor) {
    new FieldCheck().require(level != null, "alertLevel", "is required: NORMAL, ELEVATED or CRITICAL")
        .requireText(reasons, "reasons", 2000).orThrow();
    // Locked, and the time taken once the lock is held: levels set at once are logged in the order they apply.
    Facility facility = facilities.findForUpdateById(facilityId).orElseThrow(() -> new NotFoundException("facility " + facilityId));
    facility.raiseAlert(level, actor, clock.instant());
    decisionLog.save(new DecisionLogEntry(SUBJECT, facilityId, "AlertLevel", level.name(), reasons, actor, clock.instant()));
    return facility;
  }

  @Transactional(readOnly = true)
  public Facility get(UUID id) {
    return facilities.findById(id).orElseThrow(() -> new NotFoundException("facility " + id));
  }

  @Transactional(readOnly = true)
  public List<Facility> all() {
    return facilities.findAll();
  }

  /** A facility as an administrator registers it. */
  public record Registration(String name, Integer liaisonCapacity, SecurityLevel securityLevel,
      @Size(max = 50, message = "name at most {max}") List<String> highSecurityAreas, Set<DayOfWeek> visitingDays,
      LocalTime visitingFrom, LocalTime visitingUntil) {}
}
