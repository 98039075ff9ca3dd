package org.invisiblebars.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.invisiblebars.accreditation.domain.Accreditation;
import org.invisiblebars.accreditation.domain.AccreditationRepository;
import org.invisiblebars.accreditation.domain.Application;
import org.invisiblebars.accreditation.domain.Criterion;
import org.invisiblebars.accreditation.domain.Mou;
import org.invisiblebars.accreditation.domain.MouClauses;
import org.invisiblebars.accreditation.domain.MouRepository;
import org.invisiblebars.accreditation.domain.Nominee;
import org.invisiblebars.accreditation.domain.ProgrammeType;
import org.invisiblebars.accreditation.domain.Rating;
import org.invisiblebars.accreditation.domain.Vetting;
import org.invisiblebars.entry.domain.Equipment;
import org.invisiblebars.entry.domain.Visit;
import org.invisiblebars.entry.domain.VisitRepository;
import org.invisiblebars.entry.domain.VisitRepresentative;
import org.invisiblebars.facility.domain.AlertLevel;
import org.invisiblebars.facility.domain.Facility;
import org.invisiblebars.facility.domain.FacilityRepository;
import org.invisiblebars.facility.domain.SecurityLevel;
import org.invisiblebars.organisation.domain.MandateType;
import org.invisiblebars.organisation.domain.Organisation;
import org.invisiblebars.organisation.domain.OrganisationRepository;
import org.invisiblebars.organisation.domain.Representative;
import org.invisiblebars.organisation.domain.RepresentativeRepository;
import org.invisiblebars.report.domain.Answer;
import org.invisiblebars.report.domain.PlanAnswer;
import org.invisiblebars.report.domain.Priority;
import org.invisiblebars.report.domain.Report;
import org.invisiblebars.report.domain.ReportRecommendation;
import org.invisiblebars.report.domain.ReportRepository;
import org.invisiblebars.report.domain.ResourceEstimate;
import org.invisiblebars.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every entity with collections, filled with several values as real use does, saved, read back in a
 * fresh transaction, changed and read again: each value once, in the entity and in its table.
 * Several collections of one entity must not multiply each other when they load, nor rewrite their
 * rows when nothing changed.
 */
class MultiValuedEntitiesIT extends IntegrationTest {

  private static final String RUN = Long.toString(System.nanoTime(), 36);

  @Autowired TransactionTemplate transactions;
  @Autowired JdbcTemplate jdbc;
  @Autowired OrganisationRepository organisations;
  @Autowired RepresentativeRepository representatives;
  @Autowired FacilityRepository facilities;
  @Autowired VisitRepository visits;
  @Autowired AccreditationRepository accreditations;
  @Autowired MouRepository mous;
  @Autowired ReportRepository reports;

  @Test
  void aVisitWithThreePeopleAreasAndItemsKeepsEachOnce() {
    UUID organisation = organisation();
    List<UUID> people = people(organisation, 3);
    UUID facility = facilities.findAll().get(0).getId();
    Visit created =
        new Visit(
            organisation,
            MandateType.NGO,
            true,
            new Visit.VisitRequest(
                facility,
                people,
                Instant.now().plus(5, ChronoUnit.DAYS),
                Instant.now().plus(5, ChronoUnit.DAYS).plus(3, ChronoUnit.HOURS),
                "Monitoring",
                List.of("Library", "Chapel", "Workshop"),
                List.of(Equipment.LAPTOP, Equipment.DOCUMENTS, Equipment.CAMERA)),
            "tester",
            Instant.now(),
            null);
    UUID id = transactions.execute(tx -> visits.save(created).getId());

    Visit read = transactions.execute(tx -> visits.findById(id).orElseThrow());
    assertThat(read.getRepresentatives())
        .extracting(VisitRepresentative::getRepresentativeId)
        .containsExactlyInAnyOrderElementsOf(people);
    assertThat(read.getAreas()).containsExactlyInAnyOrder("Library", "Chapel", "Workshop");
    assertThat(read.getEquipment())
        .containsExactlyInAnyOrder(Equipment.LAPTOP, Equipment.DOCUMENTS, Equipment.CAMERA);
    assertThat(visits.findByOrganisationIdOrderByWindowStartDesc(organisation))
        .singleElement()
        .satisfies(v -> assertThat(v.getRepresentatives()).hasSize(3));

    transactions.executeWithoutResult(
        tx -> {
          Visit visit = visits.findById(id).orElseThrow();
          visit.acceptForReview();
          visit.cancel("Ill", "tester", Visit.Canceller.ORGANISATION);
        });
    Visit cancelled = transactions.execute(tx -> visits.findById(id).orElseThrow());
    assertThat(cancelled.getRepresentatives()).hasSize(3);
    assertThat(rows("visit_representative", "visit_id", id)).isEqualTo(3);
    assertThat(rows("visit_area", "visit_id", id)).isEqualTo(3);
    assertThat(rows("visit_equipment", "visit_id", id)).isEqualTo(3);
  }

  @Test
  void anAccreditationWithSeveralFacilitiesPeopleAndRatingsKeepsEachOnce() {
    UUID organisation = organisation();
    List<UUID> people = people(organisation, 3);
    List<UUID> facilityIds = facilities.findAll().stream().map(Facility::getId).limit(2).toList();
    UUID id =
        transactions.execute(
            tx ->
                accreditations
                    .save(
                        new Accreditation(
                            new Application(
                                organisation,
                                MandateType.NGO,
                                ProgrammeType.MONITORING,
                                null,
                                null,
                                null,
                                "Monitoring",
                                null,
                                null,
                                12,
                                facilityIds,
                                people),
                            "tester",
                            Instant.now(),
                            null))
                    .getId());

    transactions.executeWithoutResult(
        tx -> {
          Accreditation accreditation = accreditations.findById(id).orElseThrow();
          accreditation.rate(
              List.of(Criterion.values()).stream()
                  .map(c -> new Rating(c, 4, "Evidence for " + c))
                  .toList());
          accreditation.vet(people.get(1), Vetting.CLEARED, "No record");
        });
    transactions.executeWithoutResult(
        tx ->
            accreditations
                .findById(id)
                .orElseThrow()
                .vet(people.get(2), Vetting.REFUSED, "Misconduct in 2024"));

    Accreditation read =
        transactions.execute(
            tx -> {
              Accreditation accreditation = accreditations.findById(id).orElseThrow();
              accreditation.getNominees();
              accreditation.getRatings();
              accreditation.getFacilityIds();
              return accreditation;
            });
    assertThat(read.getFacilityIds()).containsExactlyInAnyOrderElementsOf(facilityIds);
    assertThat(read.getRatings()).hasSize(Criterion.values().length);
    assertThat(read.getNominees())
        .extracting(n -> n.getRepresentativeId() + " " + n.getVetting())
        .containsExactlyInAnyOrder(
            people.get(0) + " PENDING", people.get(1) + " CLEARED", people.get(2) + " REFUSED");
    assertThat(rows("accreditation_representative", "accreditation_id", id)).isEqualTo(3);
    assertThat(rows("accreditation_facility", "accreditation_id", id)).isEqualTo(2);
    assertThat(rows("accreditation_rating", "accreditation_id", id))
        .isEqualTo(Criterion.values().length);
    assertThat(read.getNominees()).extracting(Nominee::getRepresentativeId).doesNotHaveDuplicates();

    UUID mou =
        transactions.execute(
            tx ->
                mous.save(
                        new Mou(
                            id,
                            new MouClauses(
                                "m",
                                "r",
                                Set.copyOf(people),
                                "d",
                                "h",
                                "p",
                                "a",
                                "e",
                                30,
                                12,
                                null,
                                false)))
                    .getId());
    transactions.executeWithoutResult(
        tx -> mous.findById(mou).orElseThrow().countersign("Ana", Instant.now()));
    Set<UUID> named =
        transactions.execute(tx -> mous.findById(mou).orElseThrow().getRepresentativeIds());
    assertThat(named).containsExactlyInAnyOrderElementsOf(people);
    assertThat(rows("mou_representative", "mou_id", mou)).isEqualTo(3);
  }

  @Test
  void aReportWithSeveralRecommendationsAndAFacilityWithSeveralAreasKeepEachOnce() {
    UUID organisation = organisation();
    Facility facility = new Facility("Valley Prison " + RUN, 2);
    facility.describe(
        SecurityLevel.HIGH,
        List.of("Armoury", "Control room", "Segregation unit"),
        EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
        LocalTime.of(9, 0),
        LocalTime.of(15, 0));
    UUID facilityId = transactions.execute(tx -> facilities.save(facility).getId());
    transactions.executeWithoutResult(
        tx ->
            facilities
                .findById(facilityId)
                .orElseThrow()
                .raiseAlert(AlertLevel.ELEVATED, "sam", Instant.now()));
    Set<String> areas =
        transactions.execute(
            tx -> facilities.findById(facilityId).orElseThrow().getHighSecurityAreas());
    assertThat(areas).containsExactlyInAnyOrder("Armoury", "Control room", "Segregation unit");
    assertThat(rows("facility_high_security_area", "facility_id", facilityId)).isEqualTo(3);

    List<ReportRecommendation> recommendations =
        List.of(
            new ReportRecommendation(
                1, "Paint the cells", "Living conditions", Priority.URGENT, ResourceEstimate.LOW),
            new ReportRecommendation(
                2,
                "Build a new wing",
                "Infrastructure",
                Priority.NON_URGENT,
                ResourceEstimate.HIGH),
            new ReportRecommendation(
                3, "Train the staff", "Staff", Priority.URGENT, ResourceEstimate.MEDIUM));
    UUID id =
        transactions.execute(
            tx ->
                reports
                    .save(
                        new Report(
                            organisation,
                            facilityId,
                            "Wing B",
                            "Two visits",
                            null,
                            "Findings",
                            false,
                            null,
                            List.of(),
                            MandateType.NGO,
                            recommendations,
                            30,
                            "tester",
                            Instant.now(),
                            null))
                    .getId());
    List<String> units = List.of("Facilities", "Budget", "Training");
    transactions.executeWithoutResult(
        tx -> {
          Report report = reports.findById(id).orElseThrow();
          for (int i = 0; i < units.size(); i++) {
            report.assign(recommendations.get(i).getId(), units.get(i), "martha", Instant.now());
          }
        });
    transactions.executeWithoutResult(
        tx -> {
          Report report = reports.findById(id).orElseThrow();
          report.answer(
              recommendations.get(0).getId(),
              new PlanAnswer(
                  Answer.ACCEPTED, "Cheap", "Paint", "Facilities", LocalDate.now().plusDays(30)),
              LocalDate.now());
          report.answer(
              recommendations.get(2).getId(),
              new PlanAnswer(Answer.REJECTED, "Trained last year", null, null, null),
              LocalDate.now());
          report.submitPlan("martha", Instant.now());
        });

    Report read = transactions.execute(tx -> reports.findById(id).orElseThrow());
    assertThat(read.getRecommendations())
        .extracting(ReportRecommendation::getPosition)
        .containsExactly(1, 2, 3);
    assertThat(read.getRecommendations())
        .extracting(ReportRecommendation::getResponsibleUnit)
        .containsExactly("Facilities", "Budget", "Training");
    assertThat(read.getRecommendations())
        .extracting(ReportRecommendation::getAnswer)
        .containsExactly(Answer.ACCEPTED, null, Answer.REJECTED);
    assertThat(rows("report_recommendation", "report_id", id)).isEqualTo(3);
  }

  private UUID organisation() {
    return transactions.execute(
        tx ->
            organisations
                .save(
                    new Organisation(
                        "Entities " + RUN + " " + UUID.randomUUID(),
                        MandateType.NGO,
                        Instant.now()))
                .getId());
  }

  private List<UUID> people(UUID organisation, int count) {
    return transactions.execute(
        tx ->
            IntStream.range(0, count)
                .mapToObj(
                    i ->
                        representatives
                            .save(new Representative(organisation, "Person " + i, "Monitor"))
                            .getId())
                .toList());
  }

  private long rows(String table, String column, UUID id) {
    return jdbc.queryForObject(
        "select count(*) from " + table + " where " + column + " = ?::uuid",
        Long.class,
        id.toString());
  }
}
