package org.invisiblebars.facility.adapter;

import org.invisiblebars.facility.domain.Facility;
import org.invisiblebars.facility.domain.FacilityRepository;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Two demo facilities, idempotently; only with the {@code demo} profile. */
@Component
@Profile("demo")
@Order(5)
class DemoFacilitySeeder implements ApplicationRunner {

  static final String CENTRAL_PRISON = "Central Prison";
  static final String NORTH_WOMENS_PRISON = "North Women's Prison";

  private final FacilityRepository facilities;

  DemoFacilitySeeder(FacilityRepository facilities) {
    this.facilities = facilities;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    if (facilities.findByName(CENTRAL_PRISON).isEmpty()) {
      facilities.save(new Facility(CENTRAL_PRISON, 3));
    }
    if (facilities.findByName(NORTH_WOMENS_PRISON).isEmpty()) {
      facilities.save(new Facility(NORTH_WOMENS_PRISON, 2));
    }
  }
}
