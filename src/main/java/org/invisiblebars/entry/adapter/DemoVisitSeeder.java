package org.invisiblebars.entry.adapter;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.invisiblebars.accreditation.domain.Accreditation;
import org.invisiblebars.accreditation.domain.AccreditationRepository;
import org.invisiblebars.accreditation.domain.AccreditationStatus;
import org.invisiblebars.accreditation.domain.Application;
import org.invisiblebars.accreditation.domain.ProgrammeType;
import org.invisiblebars.entry.usecase.RequestVisit;
import org.invisiblebars.facility.domain.Facility;
import org.invisiblebars.facility.domain.FacilityRepository;
import org.invisiblebars.organisation.domain.MandateType;
import org.invisiblebars.organisation.domain.Organisation;
import org.invisiblebars.organisation.domain.OrganisationRepository;
import org.invisiblebars.organisation.domain.Representative;
import org.invisiblebars.organisation.domain.RepresentativeRepository;
import org.invisiblebars.platform.validation.DateTimeInput;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * In the demo, the national preventive mechanism (a formal monitor whose mandate is registered) has
 * asked to visit Central Prison next week, so sam finds "Assess visit risk" in Tasklist right away.
 * Idempotent: the organisation by its name, the visit by its idempotency key.
 */
@Component
@Profile("demo")
@Order(30)
class DemoVisitSeeder implements ApplicationRunner {

  static final String DEMO_NPM = "National Preventive Mechanism";
  static final String IDEMPOTENCY_KEY = "demo-visit";

  private final OrganisationRepository organisations;
  private final RepresentativeRepository representatives;
  private final AccreditationRepository accreditations;
  private final FacilityRepository facilities;
  private final RequestVisit requestVisit;
  private final Clock clock;

  DemoVisitSeeder(
      OrganisationRepository organisations,
      RepresentativeRepository representatives,
      AccreditationRepository accreditations,
      FacilityRepository facilities,
      RequestVisit requestVisit,
      Clock clock) {
    this.organisations = organisations;
    this.representatives = representatives;
    this.accreditations = accreditations;
    this.facilities = facilities;
    this.requestVisit = requestVisit;
    this.clock = clock;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    Facility central =
        facilities.findAll().stream()
            .filter(f -> f.getName().equals("Central Prison"))
            .findFirst()
            .orElse(null);
    if (central == null) {
      return;
    }
    Organisation npm = organisations.findByName(DEMO_NPM).orElseGet(() -> registered(central));
    List<Representative> people = representatives.findByOrganisationId(npm.getId());
    ZoneId zone = central.getZone();
    LocalDate day = LocalDate.now(clock.withZone(zone)).plusDays(7);
    while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
      day = day.plusDays(1);
    }
    requestVisit.request(
        npm.getId(),
        new RequestVisit.Request(
            central.getId(),
            people.stream().map(Representative::getId).toList(),
            DateTimeInput.of(day.atTime(10, 0)),
            DateTimeInput.of(day.atTime(14, 0)),
            "OPCAT preventive visit",
            List.of("Segregation unit"),
            List.of("CAMERA"),
            List.of()),
        IDEMPOTENCY_KEY,
        "demo");
  }

  /**
   * The NPM with its mandate registered, as the accreditation process leaves a verified mandate.
   */
  private Organisation registered(Facility facility) {
    Organisation npm =
        organisations.save(new Organisation(DEMO_NPM, MandateType.NPM, clock.instant()));
    Representative head =
        representatives.save(new Representative(npm.getId(), "Nadia Okafor", "Head of delegation"));
    Representative doctor =
        representatives.save(new Representative(npm.getId(), "Tomás Rey", "Medical doctor"));
    Accreditation mandate =
        new Accreditation(
            new Application(
                npm.getId(),
                MandateType.NPM,
                ProgrammeType.MONITORING,
                "OPCAT art. 17 designation 2024/3",
                "Parliament",
                null,
                "Preventive visits to all places of detention",
                null,
                null,
                60,
                List.of(facility.getId()),
                List.of(head.getId(), doctor.getId())),
            "demo",
            clock.instant(),
            null);
    // The mechanism's own publication rule: the authorities have 45 days to answer its reports.
    mandate.registerMandateReviewDays(45);
    mandate.moveTo(AccreditationStatus.MANDATE_REGISTERED);
    accreditations.save(mandate);
    return npm;
  }
}
