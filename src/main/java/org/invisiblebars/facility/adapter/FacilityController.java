package org.invisiblebars.facility.adapter;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.invisiblebars.facility.domain.Facility;
import org.invisiblebars.facility.domain.FacilityRepository;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The facilities an organisation may name in an application; any signed-in user may list them. */
@RestController
@RequestMapping("/api/v1/facilities")
class FacilityController {

  private final FacilityRepository facilities;

  FacilityController(FacilityRepository facilities) {
    this.facilities = facilities;
  }

  @GetMapping
  List<FacilitySummary> list() {
    return facilities.findAll().stream().sorted(Comparator.comparing(Facility::getName))
        .map(f -> new FacilitySummary(f.getId(), f.getName())).toList();
  }

  record FacilitySummary(UUID id, String name) {}
}
