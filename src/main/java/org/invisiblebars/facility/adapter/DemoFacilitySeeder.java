package org.invisiblebars.facility.adapter;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.invisiblebars.facility.domain.Facility;
import org.invisiblebars.facility.domain.FacilityRepository;
import org.invisiblebars.facility.domain.SecurityLevel;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Two demo facilities with their security level, high-security areas, visiting hours and the areas
 * a visit may ask for, in the configured default zone, idempotently; only with the {@code demo}
 * profile. Demo facilities stored before they offered areas are given them.
 */
@Component
@Profile("demo")
@Order(5)
class DemoFacilitySeeder implements ApplicationRunner {

  static final String CENTRAL_PRISON = "Central Prison";
  static final String NORTH_WOMENS_PRISON = "North Women's Prison";
  private static final Set<DayOfWeek> WEEKDAYS =
      EnumSet.of(
          DayOfWeek.MONDAY,
          DayOfWeek.TUESDAY,
          DayOfWeek.WEDNESDAY,
          DayOfWeek.THURSDAY,
          DayOfWeek.FRIDAY);

  private static final List<String> CENTRAL_AREAS =
      List.of(
          "Reception",
          "Kitchen",
          "Health care unit",
          "Workshops",
          "Remand wing",
          "Segregation unit",
          "High-security wing");
  private static final List<String> NORTH_AREAS =
      List.of(
          "Reception", "Kitchen", "Health care unit", "Education block", "Mother and baby unit");

  private final FacilityRepository facilities;
  private final ZoneId zone;

  DemoFacilitySeeder(
      FacilityRepository facilities,
      @Value("${invisible-bars.facilities.default-zone:UTC}") ZoneId zone) {
    this.facilities = facilities;
    this.zone = zone;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    if (facilities.findByName(CENTRAL_PRISON).isEmpty()) {
      Facility central = new Facility(CENTRAL_PRISON, 3);
      central.describe(
          SecurityLevel.HIGH,
          List.of("Segregation unit", "High-security wing"),
          WEEKDAYS,
          LocalTime.of(9, 0),
          LocalTime.of(16, 0));
      central.placeIn(zone);
      facilities.save(central);
    }
    if (facilities.findByName(NORTH_WOMENS_PRISON).isEmpty()) {
      Facility north = new Facility(NORTH_WOMENS_PRISON, 2);
      north.describe(
          SecurityLevel.MEDIUM,
          List.of("Mother and baby unit"),
          EnumSet.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY, DayOfWeek.SATURDAY),
          LocalTime.of(10, 0),
          LocalTime.of(17, 0));
      north.placeIn(zone);
      facilities.save(north);
    }
    offer(CENTRAL_PRISON, CENTRAL_AREAS);
    offer(NORTH_WOMENS_PRISON, NORTH_AREAS);
  }

  private void offer(String name, List<String> areas) {
    facilities
        .findByName(name)
        .filter(facility -> facility.getAreas().isEmpty())
        .ifPresent(facility -> facility.offerAreas(areas));
  }
}
