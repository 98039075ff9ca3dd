package org.invisiblebars.report.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.invisiblebars.organisation.domain.MandateType;
import org.invisiblebars.organisation.domain.RepresentativeRepository;
import org.invisiblebars.report.domain.PublicationRepository;
import org.invisiblebars.report.domain.ReportRepository;
import org.invisiblebars.report.usecase.KnownNames;
import org.invisiblebars.report.usecase.ReportPublicationProcess;
import org.invisiblebars.support.AccreditedOrganisations.Accredited;
import org.invisiblebars.support.ApiTest;
import org.invisiblebars.support.ReviewPeriod;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Publication through the NGO API as each role: the prison's system publishes nothing on its own;
 * only the organisation asks, the liaison officer redacts (the safety net refuses a known name and
 * the allegation), the organisation consents to the exact preview or asks for changes, and may
 * withdraw its consent. An ICRC report is never offered for publication. The public register is
 * tested by its content: no allegation detail, no known name, nothing without consent.
 */
class ReportPublicationIT extends ApiTest {

  private static final String RUN = Long.toString(System.nanoTime(), 36);
  private static final String ALLEGATION =
      "Two prisoners were beaten by officers on the night shift " + RUN + ".";

  @Autowired RepresentativeRepository representatives;
  @Autowired ReportRepository reports;
  @Autowired PublicationRepository publications;
  @Autowired KnownNames knownNames;

  @Test
  void onlyTheOrganisationPublishesAfterRedactionAndWithItsConsentToTheExactPreview() {
    Accredited ngo = fixture.accredited(MandateType.NGO, 1);
    Accredited otherNgo = fixture.accredited(MandateType.NGO, 1);
    String alice = representatives.findById(ngo.alice()).orElseThrow().getFullName();
    String id = submit(ngo, alice);
    String path = "/api/v1/reports/" + id + "/publication";

    assertThat(post(ngo.user(), path, Map.of(), null).getStatusCode())
        .as("not while under review")
        .isEqualTo(HttpStatus.CONFLICT);
    new ReviewPeriod(context).end(id);
    assertThat(rest.getForEntity("/api/v1/public/reports/" + id, String.class).getStatusCode())
        .as("released, not published")
        .isEqualTo(HttpStatus.NOT_FOUND);

    // Nobody but the organisation asks.
    assertThat(post(otherNgo.user(), path, Map.of(), null).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    for (String staff : List.of("lena", "martha", "maria")) {
      assertThat(post(staff, path, Map.of(), null).getStatusCode())
          .as(staff)
          .isEqualTo(HttpStatus.FORBIDDEN);
    }
    assertThat(rest.postForEntity(path, null, String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    ResponseEntity<String> asked = post(ngo.user(), path, Map.of(), null);
    assertThat(asked.getStatusCode()).as(asked.getBody()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(engine.read(asked.getBody()).get("status").asText()).isEqualTo("REDACTION");
    assertThat(post(ngo.user(), path, Map.of(), null).getStatusCode())
        .as("one request at a time")
        .isEqualTo(HttpStatus.CONFLICT);

    // The redaction task shows neither the allegation nor the names the report lists.
    String task =
        engine
            .tasks("lena", id, ReportPublicationProcess.Element.REDACT_REPORT)
            .get(0)
            .get("id")
            .asText();
    String form =
        user("lena").getForObject("/engine-rest/task/" + task + "/form-variables", String.class);
    assertThat(form).contains("Overcrowded cells").doesNotContain(ALLEGATION, "beaten");
    assertThat(
            user("maria")
                .getForEntity("/engine-rest/task/" + task + "/form-variables", String.class)
                .getBody())
        .doesNotContain("Overcrowded cells");

    // The safety net: a known name (a representative, a staff user) or the allegation is refused.
    ResponseEntity<String> named =
        engine.completeTask(
            "lena",
            task,
            redaction("Overcrowded cells; " + alice + " saw Martha Director.", "1. Paint"));
    assertThat(named.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(named.getBody()).contains("Findings", "names a person", alice, "Martha Director");
    ResponseEntity<String> alleged =
        engine.completeTask("lena", task, redaction("Overcrowded. " + ALLEGATION, "1. Paint"));
    assertThat(alleged.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(alleged.getBody()).contains("repeats the allegation");
    assertThat(
            engine
                .completeTask("lena", task, redaction("Overcrowded cells", "1. Paint"))
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);

    // The preview is exactly what would be public; nothing is public yet.
    JsonNode preview = engine.read(user(ngo.user()).getForObject(path, String.class));
    assertThat(preview.get("status").asText()).isEqualTo("AWAITING_CONSENT");
    assertThat(preview.get("version").asInt()).isEqualTo(1);
    assertThat(preview.get("preview").get("findings").asText()).isEqualTo("Overcrowded cells");
    assertThat(user(otherNgo.user()).getForEntity(path, String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(rest.getForEntity("/api/v1/public/reports/" + id, String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);

    // Changes asked: back to redaction with the comments; a consent to an old version is refused.
    assertThat(post(ngo.user(), path + "/changes", Map.of("version", 1), null).getBody())
        .contains("comments");
    assertThat(
            post(
                    ngo.user(),
                    path + "/changes",
                    Map.of("version", 1, "comments", "Say which wing"),
                    null)
                .getStatusCode())
        .isEqualTo(HttpStatus.OK);
    String again =
        engine
            .tasks("lena", id, ReportPublicationProcess.Element.REDACT_REPORT)
            .get(0)
            .get("id")
            .asText();
    assertThat(
            user("lena")
                .getForObject("/engine-rest/task/" + again + "/form-variables", String.class))
        .contains("Say which wing");
    engine.complete(
        "lena",
        id,
        ReportPublicationProcess.Element.REDACT_REPORT,
        redaction("Overcrowded cells on the remand wing", "1. Paint"));
    assertThat(post(ngo.user(), path + "/consent", Map.of("version", 1), null).getStatusCode())
        .as("consent names the version read")
        .isEqualTo(HttpStatus.CONFLICT);
    assertThat(post("lena", path + "/consent", Map.of("version", 2), null).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(post(ngo.user(), path + "/consent", Map.of("version", 2), null).getStatusCode())
        .isEqualTo(HttpStatus.OK);

    JsonNode published =
        engine.read(rest.getForObject("/api/v1/public/reports/" + id, String.class));
    assertThat(published.get("findings").asText())
        .isEqualTo("Overcrowded cells on the remand wing");
    assertThat(published.get("version").asInt()).isEqualTo(2);
    assertThat(published.get("reference").asText())
        .as("citable by its reference")
        .matches("REP-\\d{4}-\\d{4}");
    assertThat(published.toString()).doesNotContain(ALLEGATION, alice, "allegation");
    assertThat(rest.getForObject("/api/v1/public/reports", String.class)).contains(id);
    assertRegisterHoldsOnlyConsentedRedactedText();

    // Withdrawal: off the register at once, logged; only the organisation withdraws.
    assertThat(post("martha", path + "/withdrawal", Map.of("reasons", "x"), null).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(
            post(
                    ngo.user(),
                    path + "/withdrawal",
                    Map.of("reasons", "A witness fears reprisal"),
                    null)
                .getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(rest.getForEntity("/api/v1/public/reports/" + id, String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(rest.getForObject("/api/v1/public/reports", String.class)).doesNotContain(id);
    assertThat(decisions(id, "PUBLICATION_REQUESTED")).isOne();
    assertThat(decisions(id, "PUBLIC_VERSION_REDACTED")).isEqualTo(2);
    assertThat(decisions(id, "PUBLICATION_CHANGES_REQUESTED")).isOne();
    assertThat(decisions(id, "PUBLICATION_CONSENTED")).isOne();
    assertThat(decisions(id, "PUBLICATION_WITHDRAWN")).isOne();
    assertThat(
            jdbc.queryForObject(
                "select consented_by || ' ' || consented_version from report_publication where report_id = ?::uuid",
                String.class,
                id))
        .isEqualTo(ngo.user() + " 2");
  }

  @Test
  void anIcrcReportStaysConfidentialAndIsNeverOfferedForPublication() {
    Accredited icrc = fixture.accredited(MandateType.ICRC, 1);
    String id = submit(icrc, null);
    new ReviewPeriod(context).end(id);

    JsonNode status =
        engine.read(
            user(icrc.user()).getForObject("/api/v1/reports/" + id + "/status", String.class));
    assertThat(status.get("status").asText()).isEqualTo("KEPT_CONFIDENTIAL");
    assertThat(status.get("freeToUse").asBoolean()).isFalse();
    assertThat(status.get("releaseStatement").asText())
        .contains("stays confidential between the ICRC and the authorities");
    ResponseEntity<String> asked =
        post(icrc.user(), "/api/v1/reports/" + id + "/publication", Map.of(), null);
    assertThat(asked.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(engine.read(asked.getBody()).get("detail").asText())
        .contains("ICRC report stays confidential");
    assertThat(rest.getForEntity("/api/v1/public/reports/" + id, String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertRegisterHoldsOnlyConsentedRedactedText();
  }

  /**
   * The whole register, by content: every report on it has its organisation's consent to the
   * version shown, and no text of it holds a name the system knows or its allegation's details.
   */
  private void assertRegisterHoldsOnlyConsentedRedactedText() {
    var names = knownNames.people();
    for (JsonNode entry : engine.read(rest.getForObject("/api/v1/public/reports", String.class))) {
      UUID id = UUID.fromString(entry.get("id").asText());
      var publication = publications.findById(id).orElseThrow();
      assertThat(publication.getConsentedVersion())
          .as("consent to the version on the register of %s", id)
          .isEqualTo(entry.get("version").asInt());
      var report = reports.findById(id).orElseThrow();
      String text = entry.toString();
      if (report.getAllegationDetails() != null) {
        assertThat(text).doesNotContain(report.getAllegationDetails());
      }
      assertThat(names).noneMatch(name -> text.contains(name));
      assertThat(report.getPersonsNamed()).noneMatch(text::contains);
    }
  }

  private String submit(Accredited ngo, String personNamed) {
    Map<String, Object> body = new HashMap<>();
    body.put("title", "Remand wing " + RUN);
    body.put("facilityId", fixture.facility("Central Prison"));
    body.put("visitsCovered", "Visit of 3 November");
    body.put("findings", "Overcrowded cells.");
    body.put("allegation", true);
    body.put("allegationDetails", ALLEGATION);
    body.put("personsNamed", personNamed == null ? List.of() : List.of(personNamed));
    body.put(
        "recommendations",
        List.of(
            Map.of(
                "text",
                "Paint the cells",
                "area",
                "Living conditions",
                "priority",
                "URGENT",
                "resourceEstimate",
                "LOW")));
    ResponseEntity<String> created = post(ngo.user(), "/api/v1/reports", body, null);
    assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
    return engine.read(created.getBody()).get("id").asText();
  }

  private static Map<String, Object> redaction(String findings, String recommendations) {
    return Map.of(
        "publicTitle",
        "Remand wing",
        "publicFindings",
        findings,
        "publicRecommendations",
        recommendations);
  }
}
