package org.invisiblebars.facility.adapter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.invisiblebars.facility.domain.AlertLevel;
import org.invisiblebars.facility.domain.Facility;
import org.invisiblebars.facility.domain.SecurityLevel;
import org.invisiblebars.facility.usecase.ManageFacilities;
import org.invisiblebars.platform.web.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Facilities. Everyone signed in sees names and visiting hours; staff also see the security level,
 * high-security areas and alert level, which NGOs never see. Administrators register facilities;
 * security staff and directors set the alert level (the security configuration's rules).
 */
@Tag(name = "Facilities")
@RestController
@RequestMapping("/api/v1/facilities")
class FacilityController {

  private final ManageFacilities facilities;

  FacilityController(ManageFacilities facilities) {
    this.facilities = facilities;
  }

  @Operation(summary = "List facilities with their visiting days and hours")
  @GetMapping
  List<FacilityView> list(Authentication authentication) {
    boolean staff = Caller.of(authentication).isStaff();
    return facilities.all().stream()
        .sorted(Comparator.comparing(Facility::getName))
        .map(f -> FacilityView.of(f, staff))
        .toList();
  }

  @Operation(summary = "Read a facility")
  @GetMapping("/{id}")
  FacilityView read(@PathVariable UUID id, Authentication authentication) {
    return FacilityView.of(facilities.get(id), Caller.of(authentication).isStaff());
  }

  @Operation(summary = "Register a facility")
  @ResponseStatus(HttpStatus.CREATED)
  @PostMapping
  ResponseEntity<FacilityView> register(@RequestBody ManageFacilities.Registration registration) {
    Facility created = facilities.register(registration);
    return ResponseEntity.created(URI.create("/api/v1/facilities/" + created.getId()))
        .body(FacilityView.of(created, true));
  }

  @Operation(summary = "Set a facility's alert level, with reasons")
  @PutMapping("/{id}/alert-level")
  FacilityView setAlertLevel(
      @PathVariable UUID id,
      @RequestBody ManageFacilities.AlertChange change,
      Authentication authentication) {
    return FacilityView.of(facilities.setAlertLevel(id, change, authentication.getName()), true);
  }

  @Operation(
      summary = "Change the zone a facility's days and hours are read in, and its areas",
      description =
          "Administrators only. The zone is an IANA id (Europe/Lisbon); the areas are those a"
              + " visit may ask for (high-security ones are offered to formal monitors only)."
              + " Visits keep their instants and are shown on the new clock.")
  @PutMapping("/{id}/visiting")
  FacilityView changeVisiting(
      @PathVariable UUID id,
      @RequestBody ManageFacilities.VisitingChange change,
      Authentication authentication) {
    return FacilityView.of(facilities.changeVisiting(id, change, authentication.getName()), true);
  }

  /**
   * Security details are null for callers who are not staff (and then left out of the JSON); the
   * visiting hours are in the facility's {@code zone}.
   */
  record FacilityView(
      UUID id,
      String name,
      Set<DayOfWeek> visitingDays,
      LocalTime visitingFrom,
      LocalTime visitingUntil,
      String zone,
      List<String> areas,
      Integer liaisonCapacity,
      SecurityLevel securityLevel,
      Set<String> highSecurityAreas,
      AlertLevel alertLevel,
      String alertSetBy,
      Instant alertSetAt) {

    static FacilityView of(Facility f, boolean staff) {
      return staff
          ? new FacilityView(
              f.getId(),
              f.getName(),
              f.getVisitingDays(),
              f.getVisitingFrom(),
              f.getVisitingUntil(),
              f.getZone().getId(),
              f.getAreas(),
              f.getLiaisonCapacity(),
              f.getSecurityLevel(),
              f.getHighSecurityAreas(),
              f.getAlertLevel(),
              f.getAlertSetBy(),
              f.getAlertSetAt())
          : new FacilityView(
              f.getId(),
              f.getName(),
              f.getVisitingDays(),
              f.getVisitingFrom(),
              f.getVisitingUntil(),
              f.getZone().getId(),
              f.areasOffered(false),
              null,
              null,
              null,
              null,
              null,
              null);
    }
  }
}
