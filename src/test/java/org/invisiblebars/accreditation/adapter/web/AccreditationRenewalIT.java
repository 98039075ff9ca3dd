package org.invisiblebars.accreditation.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.invisiblebars.support.AccreditationForms.mouClauses;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.UUID;
import org.invisiblebars.accreditation.domain.Accreditation;
import org.invisiblebars.accreditation.domain.AccreditationRepository;
import org.invisiblebars.accreditation.domain.Nominee;
import org.invisiblebars.organisation.domain.MandateType;
import org.invisiblebars.support.AccreditationReview;
import org.invisiblebars.support.AccreditedOrganisations.Accredited;
import org.invisiblebars.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The renewal path: the organisation sees when its accreditation is due for renewal and applies to
 * renew it; the new application is linked to it and prefilled from it, its reviewers read the
 * history, and the new term starts the day the old one ends.
 */
class AccreditationRenewalIT extends ApiTest {

  @Autowired AccreditationRepository accreditations;
  @Autowired TransactionTemplate transactions;

  @Test
  void theOrganisationRenewsAndTheNewTermStartsWhenTheOldOneEnds() {
    Accredited ngo = fixture.accredited(MandateType.NGO);
    Accredited other = fixture.accredited(MandateType.NGO);
    String old = ngo.accreditationId().toString();
    JsonNode active = read(ngo.user(), "/api/v1/accreditations/" + old);
    assertThat(active.get("renewalDueBy").asText()).isEqualTo(active.get("termEnd").asText());

    assertThat(renew(other.user(), old).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(renew("lena", old).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> renewed = renew(ngo.user(), old);
    assertThat(renewed.getStatusCode()).as(renewed.getBody()).isEqualTo(HttpStatus.CREATED);
    JsonNode renewal = engine.read(renewed.getBody());
    String id = renewal.get("id").asText();
    assertThat(renewal.get("status").asText()).isEqualTo("SUBMITTED");
    assertThat(renewal.get("renewalOf").asText()).isEqualTo(old);
    assertThat(renew(ngo.user(), old).getStatusCode())
        .as("one renewal at a time")
        .isEqualTo(HttpStatus.CONFLICT);
    transactions.executeWithoutResult(
        tx -> {
          Accreditation application = accreditations.findById(UUID.fromString(id)).orElseThrow();
          assertThat(application.getNominees().stream().map(Nominee::getRepresentativeId))
              .as("the same representatives, vetted again")
              .containsExactlyInAnyOrderElementsOf(ngo.people());
          assertThat(application.getFacilityIds())
              .isEqualTo(
                  accreditations.findById(ngo.accreditationId()).orElseThrow().getFacilityIds());
        });

    String check =
        engine.tasks("lena", id, "Task_CheckApplicationCompleteness").get(0).get("id").asText();
    String summary =
        read("lena", "/engine-rest/task/" + check + "/form-variables")
            .at("/applicationSummary/value")
            .asText();
    assertThat(summary)
        .contains(
            "Renewal of the accreditation active from " + active.get("termStart").asText(),
            "to " + active.get("termEnd").asText(),
            "Past vetting: Alice Martin",
            "CLEARED");

    AccreditationReview.approve(engine, id, null);
    engine.complete("lena", id, "Task_DraftMou", mouClauses());
    post(ngo.user(), "/api/v1/accreditations/" + id + "/mou/agreement", Map.of("version", 1), null);
    post(
        ngo.user(),
        "/api/v1/accreditations/" + id + "/countersignature",
        Map.of("signatory", "Alice Martin"),
        null);
    engine.complete("martha", id, "Task_SignMou", Map.of("mouSigned", true));

    JsonNode signed = read(ngo.user(), "/api/v1/accreditations/" + id);
    assertThat(signed.get("status").asText()).isEqualTo("ACTIVE");
    assertThat(signed.get("termStart").asText())
        .as("no gap, no overlap")
        .isEqualTo(active.get("termEnd").asText());
  }

  private ResponseEntity<String> renew(String user, String id) {
    return post(user, "/api/v1/accreditations/" + id + "/renewal", Map.of(), null);
  }

  private JsonNode read(String user, String path) {
    return engine.read(user(user).getForObject(path, String.class));
  }
}
