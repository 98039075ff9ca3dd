package org.invisiblebars.accreditation.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.invisiblebars.support.AccreditationForms.mouClauses;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.invisiblebars.accreditation.domain.Accreditation;
import org.invisiblebars.accreditation.domain.AccreditationRepository;
import org.invisiblebars.accreditation.domain.AccreditationStatus;
import org.invisiblebars.accreditation.domain.Application;
import org.invisiblebars.accreditation.domain.Mou;
import org.invisiblebars.accreditation.domain.MouClauses;
import org.invisiblebars.accreditation.domain.MouRepository;
import org.invisiblebars.accreditation.domain.ProgrammeType;
import org.invisiblebars.organisation.domain.MandateType;
import org.invisiblebars.support.AccreditationForms;
import org.invisiblebars.support.AccreditationReview;
import org.invisiblebars.support.AccreditedOrganisations.Accredited;
import org.invisiblebars.support.ApiTest;
import org.invisiblebars.support.Eventually;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The MoU drafted together, through the NGO API as the organisation and the engine REST API as
 * lena, sam and martha: the director's conditions reach the MoU, the NGO amends clause by clause,
 * the liaison officer answers each, every version is kept, only an agreed version is countersigned,
 * and each answer of the API shows the status after the action.
 */
class MouNegotiationIT extends ApiTest {

  @Autowired AccreditationRepository accreditations;
  @Autowired MouRepository mous;
  @Autowired RuntimeService runtimeService;
  @Autowired TransactionTemplate transactions;

  @Test
  void theCountersignatureAnswerSaysTheDirectorsSignatureIsAwaited() {
    Accredited ngo = fixture.accredited(MandateType.NGO);
    UUID id = awaitingCountersignature(ngo);

    ResponseEntity<String> answer =
        post(
            ngo.user(),
            "/api/v1/accreditations/" + id + "/countersignature",
            Map.of("signatory", "Alice Martin"),
            null);

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode view = engine.read(answer.getBody());
    assertThat(view.get("status").asText()).isEqualTo("AWAITING_SIGNATURE");
    assertThat(view.hasNonNull("awaiting")).as("nothing more from the organisation").isFalse();
  }

  @Test
  void theNgoAmendsClauseByClauseAndOnlyAnAgreedVersionIsSigned() throws Exception {
    Accredited ngo = fixture.accredited(MandateType.NGO);
    Accredited other = fixture.accredited(MandateType.NGO);
    String id = approvedWithConditions(ngo, "Quarterly meeting with the director");

    String draftTask = engine.tasks("lena", id, "Task_DraftMou").get(0).get("id").asText();
    assertThat(
            read("lena", "/engine-rest/task/" + draftTask + "/form-variables")
                .at("/conditions/value")
                .asText())
        .as("the director's conditions, prefilled in Draft MoU")
        .isEqualTo("Quarterly meeting with the director");
    Map<String, Object> clauses = new LinkedHashMap<>(mouClauses());
    clauses.put("conditions", "Quarterly meeting with the director");
    engine.complete("lena", id, "Task_DraftMou", clauses);
    assertThat(view(ngo.user(), id).get("status").asText()).isEqualTo("MOU_IN_NEGOTIATION");
    assertThat(view(ngo.user(), id).get("awaiting").asText()).isEqualTo("MOU_AGREEMENT");

    JsonNode mou = read(ngo.user(), mouPath(id));
    assertThat(mou.get("version").asInt()).isEqualTo(1);
    assertThat(mou.get("clauses")).hasSize(13);
    assertThat(mou.at("/clauses/3/number").asInt()).isEqualTo(4);
    assertThat(mou.at("/clauses/3/text").asText()).isEqualTo("Tuesdays and Thursdays");
    assertThat(mou.at("/clauses/12/title").asText())
        .isEqualTo("Conditions of the director's approval");
    assertThat(mou.at("/clauses/12/text").asText())
        .isEqualTo("Quarterly meeting with the director");
    assertThat(user(other.user()).getForEntity(mouPath(id), String.class).getStatusCode())
        .as("another organisation's MoU")
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(rest.getForEntity(mouPath(id), String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);

    ResponseEntity<String> bad =
        amend(
            ngo.user(),
            id,
            Map.of("clause", 13, "text", "None", "reason", "We dislike it"),
            Map.of("clause", 9, "text", "forty", "reason", "More time"));
    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(bad.getBody()).contains("amendments[0].clause", "amendments[1].text");
    assertThat(
            amend(other.user(), id, Map.of("clause", 4, "text", "Mondays", "reason", "x"))
                .getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);

    ResponseEntity<String> proposed =
        amend(
            ngo.user(),
            id,
            Map.of("clause", 4, "text", "Mondays and Thursdays", "reason", "Our lawyers"),
            Map.of("clause", 9, "text", "20", "reason", "Findings go stale"));
    assertThat(proposed.getStatusCode()).as(proposed.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(
            post(ngo.user(), mouPath(id) + "/agreement", Map.of("version", 1), null)
                .getStatusCode())
        .as("no agreement while the amendments are answered")
        .isEqualTo(HttpStatus.CONFLICT);
    assertThat(view(ngo.user(), id).hasNonNull("awaiting"))
        .as("nothing is awaited from the organisation while the amendments are answered")
        .isFalse();

    JsonNode answers = engine.awaitTasks("lena", id, "Task_AnswerMouAmendment");
    assertThat(answers).hasSize(2);
    assertThat(engine.tasks("sam", id, "Task_AnswerMouAmendment")).as("not security's").isEmpty();
    for (JsonNode task : answers) {
      JsonNode form =
          engine.read(
              user("lena")
                  .getForObject(
                      "/engine-rest/task/" + task.get("id").asText() + "/form-variables",
                      String.class));
      Map<String, Object> answer =
          form.at("/clause/value").asText().startsWith("4.")
              ? Map.of("answer", "ACCEPTED")
              : Map.of(
                  "answer",
                  "COUNTER_PROPOSED",
                  "counterProposal",
                  "40",
                  "answerReasons",
                  "The plan of action needs more than 20 days");
      assertThat(engine.completeTask("lena", task.get("id").asText(), answer).getStatusCode())
          .isEqualTo(HttpStatus.NO_CONTENT);
    }

    Eventually.within(Duration.ofSeconds(30), "version 2 of the MoU")
        .until(() -> read(ngo.user(), mouPath(id)).get("version").asInt() == 2);
    JsonNode revised = read(ngo.user(), mouPath(id));
    assertThat(revised.at("/clauses/3/text").asText()).isEqualTo("Mondays and Thursdays");
    assertThat(revised.at("/clauses/8/text").asText()).isEqualTo("40");
    assertThat(revised.get("amendments")).hasSize(2);
    assertThat(revised.get("amendments").findValuesAsText("answer"))
        .containsExactlyInAnyOrder("ACCEPTED", "COUNTER_PROPOSED");
    assertThat(revised.get("amendments").findValuesAsText("answeredBy")).containsOnly("lena");
    assertThat(revised.get("versions")).hasSize(2);
    assertThat(revised.at("/versions/0/clauses/3/text").asText())
        .as("version 1 is kept as it was")
        .isEqualTo("Tuesdays and Thursdays");
    assertThat(revised.at("/versions/1/changedBy").asText()).isEqualTo("lena");
    assertThat(revised.at("/versions/1/changeSummary").asText())
        .contains("Clause 4", "accepted", "Clause 9", "The plan of action needs more than 20 days");
    assertThat(read("martha", mouPath(id)).get("versions")).as("staff read it too").hasSize(2);

    assertThat(
            post(ngo.user(), mouPath(id) + "/agreement", Map.of("version", 1), null)
                .getStatusCode())
        .as("version 1 is no longer the text")
        .isEqualTo(HttpStatus.CONFLICT);
    assertThat(
            post(
                    ngo.user(),
                    "/api/v1/accreditations/" + id + "/countersignature",
                    Map.of("signatory", "Alice Martin"),
                    null)
                .getStatusCode())
        .as("nothing is countersigned before it is agreed")
        .isEqualTo(HttpStatus.CONFLICT);
    ResponseEntity<String> agreed =
        post(ngo.user(), mouPath(id) + "/agreement", Map.of("version", 2), null);
    assertThat(agreed.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(engine.read(agreed.getBody()).get("status").asText())
        .isEqualTo("AWAITING_COUNTERSIGNATURE");

    ResponseEntity<String> countersigned =
        post(
            ngo.user(),
            "/api/v1/accreditations/" + id + "/countersignature",
            Map.of("signatory", "Alice Martin"),
            null);
    assertThat(engine.read(countersigned.getBody()).get("status").asText())
        .isEqualTo("AWAITING_SIGNATURE");
    engine.complete("martha", id, "Task_SignMou", Map.of("mouSigned", true));
    assertThat(view(ngo.user(), id).get("status").asText()).isEqualTo("ACTIVE");
    assertThat(read(ngo.user(), mouPath(id)).get("status").asText()).isEqualTo("SIGNED");

    ResponseEntity<byte[]> pdf = user(ngo.user()).getForEntity(mouPath(id) + ".pdf", byte[].class);
    try (var document = Loader.loadPDF(pdf.getBody())) {
      String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
      assertThat(text)
          .contains(
              "version 2",
              "Mondays and Thursdays",
              "40 days",
              "Conditions of approval",
              "Quarterly meeting with the director");
    }
  }

  private String approvedWithConditions(Accredited ngo, String conditions) {
    ResponseEntity<String> submitted =
        post(
            ngo.user(),
            "/api/v1/accreditations",
            AccreditationForms.application(
                "Monitoring of detention conditions",
                fixture.facility("Central Prison"),
                List.of("Rosa Monitor")),
            null);
    assertThat(submitted.getStatusCode()).as(submitted.getBody()).isEqualTo(HttpStatus.CREATED);
    String id = engine.read(submitted.getBody()).get("id").asText();
    AccreditationReview.approve(engine, id, conditions);
    return id;
  }

  /** An accreditation of {@code ngo} whose agreed MoU awaits the countersignature. */
  private UUID awaitingCountersignature(Accredited ngo) {
    UUID id =
        transactions.execute(
            tx -> {
              var accreditation =
                  new Accreditation(
                      new Application(
                          ngo.organisationId(),
                          MandateType.NGO,
                          ProgrammeType.MONITORING,
                          null,
                          null,
                          null,
                          "Monitoring",
                          null,
                          null,
                          24,
                          List.of(UUID.fromString(fixture.facility("Central Prison"))),
                          ngo.people()),
                      ngo.user(),
                      Instant.now(),
                      null);
              accreditation.moveTo(AccreditationStatus.AWAITING_COUNTERSIGNATURE);
              accreditations.save(accreditation);
              mous.save(
                  new Mou(
                      accreditation.getId(),
                      new MouClauses(
                          "m",
                          "r",
                          new HashSet<>(ngo.people()),
                          "d",
                          "h",
                          "p",
                          "a",
                          "e",
                          30,
                          12,
                          null,
                          false)));
              return accreditation.getId();
            });
    runtimeService
        .createProcessInstanceByKey("ngo-accreditation")
        .businessKey(id.toString())
        .setVariables(
            Variables.createVariables()
                .putValue("accreditationId", id.toString())
                .putValue("formalMandate", false)
                .putValue("organisationName", "Countersigning"))
        .startBeforeActivity("Gateway_AwaitCountersignature")
        .execute();
    return id;
  }

  /** The organisation's amendments to version 1, as {@code user} sends them. */
  @SafeVarargs
  private ResponseEntity<String> amend(String user, String id, Map<String, Object>... amendments) {
    return post(
        user,
        mouPath(id) + "/amendments",
        Map.of("version", 1, "amendments", List.of(amendments)),
        null);
  }

  private JsonNode view(String user, String id) {
    return read(user, "/api/v1/accreditations/" + id);
  }

  private JsonNode read(String user, String path) {
    return engine.read(user(user).getForObject(path, String.class));
  }

  private static String mouPath(String id) {
    return "/api/v1/accreditations/" + id + "/mou";
  }
}
