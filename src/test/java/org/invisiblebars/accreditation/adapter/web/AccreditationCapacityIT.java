package org.invisiblebars.accreditation.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.invisiblebars.support.AccreditationForms.everyCriterionRated;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.invisiblebars.accreditation.domain.Accreditation;
import org.invisiblebars.accreditation.domain.AccreditationRepository;
import org.invisiblebars.accreditation.domain.AccreditationStatus;
import org.invisiblebars.accreditation.domain.Application;
import org.invisiblebars.accreditation.domain.ProgrammeType;
import org.invisiblebars.organisation.domain.MandateType;
import org.invisiblebars.organisation.domain.Organisation;
import org.invisiblebars.organisation.domain.OrganisationRepository;
import org.invisiblebars.support.AccreditationForms;
import org.invisiblebars.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "If I let one in, how many follow?" with the demo facilities: North Women's Prison (liaison
 * capacity 2) is full, and the recommendation names the network its organisations belong to.
 */
class AccreditationCapacityIT extends ApiTest {

  private static final String NETWORK = "North Monitoring Network " + UUID.randomUUID();

  @Autowired OrganisationRepository organisations;
  @Autowired AccreditationRepository accreditations;
  @Autowired TransactionTemplate transactions;

  @Test
  void aFullFacilitysApplicantIsPointedToTheNetworkOfTheOrganisationsWorkingThere() {
    String north = fixture.facility("North Women's Prison");
    // two organisations of one network, approved and finishing their MoU there: they take the
    // liaison capacity as the capacity check counts it
    approvedAt(UUID.fromString(north), "Women's Rights Watch");
    approvedAt(UUID.fromString(north), "Mothers Inside");
    String applicant = fixture.accredited(MandateType.NGO).user();

    var submitted =
        post(
            applicant,
            "/api/v1/accreditations",
            AccreditationForms.application(
                "Monitoring of the mother and baby unit", north, List.of("Rosa Applicant")),
            null);
    assertThat(submitted.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String id = engine.read(submitted.getBody()).get("id").asText();
    engine.complete(
        "lena", id, "Task_CheckApplicationCompleteness", Map.of("completeness", "COMPLETE"));
    engine.complete("lena", id, "Task_RateAccreditationCriteria", everyCriterionRated(4));

    JsonNode review =
        engine
            .read(user("lena").getForObject("/api/v1/accreditations/" + id, String.class))
            .get("review");
    assertThat(review.get("capacityFull").asBoolean()).isTrue();
    assertThat(review.get("suggestedNetworks").asText()).contains(NETWORK);
    assertThat(review.get("rationale").asText())
        .contains("Liaison capacity is full at North Women's Prison", NETWORK)
        .doesNotContain("none is registered");
  }

  private void approvedAt(UUID facility, String name) {
    transactions.executeWithoutResult(
        tx -> {
          Organisation organisation =
              organisations.save(
                  new Organisation(name + " " + UUID.randomUUID(), MandateType.NGO, Instant.now()));
          organisation.joinNetwork(NETWORK);
          Accreditation accreditation =
              new Accreditation(
                  new Application(
                      organisation.getId(),
                      MandateType.NGO,
                      ProgrammeType.MONITORING,
                      null,
                      null,
                      null,
                      "Monitoring",
                      null,
                      null,
                      24,
                      List.of(facility),
                      List.of()),
                  "demo",
                  Instant.now(),
                  null);
          accreditation.moveTo(AccreditationStatus.AWAITING_COUNTERSIGNATURE);
          accreditations.save(accreditation);
        });
  }
}
