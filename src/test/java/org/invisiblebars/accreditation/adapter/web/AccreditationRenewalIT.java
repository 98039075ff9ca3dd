package org.invisiblebars.accreditation.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.invisiblebars.support.AccreditationForms.everyCriterionRated;
import static org.invisiblebars.support.AccreditationForms.mouClauses;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
 * history and how the term went (visits, reports, incidents), and the new term starts the day the
 * old one ends.
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

  @Test
  void theRenewalsReviewersReadHowTheTermWent() {
    Accredited ngo = fixture.accredited(MandateType.NGO);
    String cancelled = requestedByAlice(ngo);
    assertThat(
            post(
                    ngo.user(),
                    "/api/v1/visits/" + cancelled + "/cancellation",
                    Map.of("reasons", "Alice is ill"),
                    null)
                .getStatusCode())
        .isEqualTo(HttpStatus.OK);
    String visit = checkedIn(ngo, requestedByAlice(ngo));
    assertThat(
            engine
                .tryComplete(
                    "sam",
                    visit,
                    "Task_CheckOutVisitors",
                    Map.of(
                        "incidentOccurred",
                        true,
                        "incidentDescription",
                        "Photographed a cell without permission"))
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(
            post(
                    ngo.user(),
                    "/api/v1/incidents/" + visit + "/contest",
                    Map.of("account", "She photographed the corridor"),
                    null)
                .getStatusCode())
        .isEqualTo(HttpStatus.OK);
    ResponseEntity<String> submitted =
        post(ngo.user(), "/api/v1/reports", fixture.reportRequest("North Women's Prison"), null);
    assertThat(submitted.getStatusCode()).as(submitted.getBody()).isEqualTo(HttpStatus.CREATED);
    JsonNode report = engine.read(submitted.getBody());

    ResponseEntity<String> renewed = renew(ngo.user(), ngo.accreditationId().toString());
    assertThat(renewed.getStatusCode()).as(renewed.getBody()).isEqualTo(HttpStatus.CREATED);
    String id = engine.read(renewed.getBody()).get("id").asText();

    String summary = summary("lena", id, "Task_CheckApplicationCompleteness");
    assertThat(summary)
        .contains(
            "Visits in the term: 2 — 1 completed, 1 cancelled",
            reference(visit) + " on ",
            reference(cancelled) + " on ",
            "Reports in the term: 1 — 1 under confidential review",
            report.get("reference").asText() + " “Remand wing”",
            "Incidents in the term: 1 — 1 under contest",
            reference(visit)
                + ", "
                + LocalDate.ofInstant(
                    Instant.parse(
                        read("sam", "/api/v1/incidents/" + visit).get("recordedAt").asText()),
                    ZoneOffset.UTC)
                + ", against the delegation as a whole: Photographed a cell without permission"
                + " — contested, awaiting the director's decision")
        .as("readable references, not ids; nobody's account or findings")
        .doesNotContain(
            visit, cancelled, report.get("id").asText(), "corridor", "Overcrowded cells");

    engine.complete(
        "lena", id, "Task_CheckApplicationCompleteness", Map.of("completeness", "COMPLETE"));
    engine.complete("lena", id, "Task_RateAccreditationCriteria", everyCriterionRated(4));
    assertThat(summary("sam", id, "Task_VetRepresentatives"))
        .as("security vets the people; it reads no report, so no report's title")
        .contains("Reports in the term: 1 — 1 under confidential review", reference(visit))
        .doesNotContain("Remand wing", report.get("reference").asText());
  }

  private String reference(String visit) {
    return read("sam", "/api/v1/visits/" + visit).get("reference").asText();
  }

  /** The application summary {@code user} reads in the form of the case's {@code task}. */
  private String summary(String user, String id, String task) {
    String taskId = engine.tasks(user, id, task).get(0).get("id").asText();
    return read(user, "/engine-rest/task/" + taskId + "/form-variables")
        .at("/applicationSummary/value")
        .asText();
  }

  private ResponseEntity<String> renew(String user, String id) {
    return post(user, "/api/v1/accreditations/" + id + "/renewal", Map.of(), null);
  }

  private JsonNode read(String user, String path) {
    return engine.read(user(user).getForObject(path, String.class));
  }
}
