package org.invisiblebars.accreditation.adapter;

import java.util.List;
import java.util.UUID;
import org.invisiblebars.accreditation.domain.ProgrammeType;
import org.invisiblebars.accreditation.usecase.SubmitApplication;
import org.invisiblebars.facility.domain.Facility;
import org.invisiblebars.facility.domain.FacilityRepository;
import org.invisiblebars.organisation.domain.MandateType;
import org.invisiblebars.organisation.domain.OrganisationRepository;
import org.invisiblebars.organisation.usecase.Membership;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * In the demo, john's NGO has applied once, so lena finds "Check application completeness" in
 * Tasklist right away. Idempotent through the application's idempotency key.
 */
@Component
@Profile("demo")
@Order(20)
class DemoApplicationSeeder implements ApplicationRunner {

  static final String IDEMPOTENCY_KEY = "demo-application";
  static final String REPRESENTATIVE = "john";

  private final SubmitApplication submitApplication;
  private final Membership membership;
  private final FacilityRepository facilities;
  private final OrganisationRepository organisations;

  DemoApplicationSeeder(
      SubmitApplication submitApplication,
      Membership membership,
      FacilityRepository facilities,
      OrganisationRepository organisations) {
    this.submitApplication = submitApplication;
    this.membership = membership;
    this.facilities = facilities;
    this.organisations = organisations;
  }

  @Override
  public void run(ApplicationArguments args) {
    var organisation = membership.organisationOf(REPRESENTATIVE);
    if (organisation.isEmpty() || organisations.findById(organisation.get()).isEmpty()) {
      return;
    }
    List<UUID> facility = facilities.findAll().stream().map(Facility::getId).limit(1).toList();
    submitApplication.submit(
        organisation.get(),
        new SubmitApplication.Request(
            MandateType.NGO,
            ProgrammeType.MONITORING,
            null,
            null,
            null,
            "Monthly monitoring visits to the remand wing, reporting on detention conditions.",
            "Strengths: trained monitors. Weaknesses: small team. Opportunities: regional network. Threats: funding.",
            "Regional Prison Monitoring Network",
            18,
            facility,
            List.of(
                new SubmitApplication.RepresentativeRequest("John Representative", "Monitor"),
                new SubmitApplication.RepresentativeRequest("Ana Volunteer", "Legal adviser")),
            false,
            "Regional Prison Monitoring Network",
            null),
        IDEMPOTENCY_KEY,
        REPRESENTATIVE);
  }
}
