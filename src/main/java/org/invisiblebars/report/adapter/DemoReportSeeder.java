package org.invisiblebars.report.adapter;

import java.util.List;
import org.invisiblebars.facility.domain.FacilityRepository;
import org.invisiblebars.organisation.domain.OrganisationRepository;
import org.invisiblebars.report.domain.Priority;
import org.invisiblebars.report.domain.ResourceEstimate;
import org.invisiblebars.report.usecase.SubmitReport;
import org.invisiblebars.report.usecase.SubmitReport.RecommendationRequest;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * In the demo, the national preventive mechanism (seeded with its registered mandate for the entry
 * demo) has submitted a monitoring report on Central Prison, so martha finds "Acknowledge report
 * and assign recommendations" in Tasklist right away. Idempotent through the report's key.
 */
@Component
@Profile("demo")
@Order(40)
class DemoReportSeeder implements ApplicationRunner {

  static final String DEMO_NPM = "National Preventive Mechanism";
  static final String IDEMPOTENCY_KEY = "demo-report";

  private final SubmitReport submitReport;
  private final OrganisationRepository organisations;
  private final FacilityRepository facilities;

  DemoReportSeeder(
      SubmitReport submitReport,
      OrganisationRepository organisations,
      FacilityRepository facilities) {
    this.submitReport = submitReport;
    this.organisations = organisations;
    this.facilities = facilities;
  }

  @Override
  public void run(ApplicationArguments args) {
    var npm = organisations.findByName(DEMO_NPM);
    var central =
        facilities.findAll().stream().filter(f -> f.getName().equals("Central Prison")).findFirst();
    if (npm.isEmpty() || central.isEmpty()) {
      return;
    }
    submitReport.submit(
        npm.get().getId(),
        new SubmitReport.Request(
            "Preventive visit to Central Prison, remand wing",
            central.get().getId(),
            "Unannounced visit of 12 and 13 October",
            "Staff know every prisoner by name; the library is open daily.",
            "Cells on the remand wing hold three people in space for two; the exercise yard is used for 30 minutes a day.",
            false,
            List.of(
                new RecommendationRequest(
                    "Reduce occupancy of the remand wing to its design capacity.",
                    "Remand wing",
                    Priority.URGENT,
                    ResourceEstimate.HIGH),
                new RecommendationRequest(
                    "Allow at least one hour in the open air every day.",
                    "Daily regime",
                    Priority.NON_URGENT,
                    ResourceEstimate.LOW)),
            null),
        IDEMPOTENCY_KEY,
        "demo");
  }
}
