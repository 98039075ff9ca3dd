package org.invisiblebars.accreditation.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.invisiblebars.support.AccreditationForms.everyCriterionRated;
import static org.invisiblebars.support.AccreditationForms.mouClauses;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.invisiblebars.organisation.domain.MandateType;
import org.invisiblebars.organisation.domain.Organisation;
import org.invisiblebars.organisation.domain.OrganisationMember;
import org.invisiblebars.organisation.domain.OrganisationMemberRepository;
import org.invisiblebars.organisation.domain.OrganisationRepository;
import org.invisiblebars.support.AccreditationForms;
import org.invisiblebars.support.BusinessKeys;
import org.invisiblebars.support.EngineTasks;
import org.invisiblebars.support.Fixtures;
import org.invisiblebars.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The whole accreditation through HTTP only: the NGO API as john, the engine REST API as lena, sam
 * and martha (as Tasklist does).
 */
class AccreditationApiIT extends IntegrationTest {

  private static final String OTHER_NGO_USER = "olga";
  private static final String OTHER_PASSWORD = "Xv9#Tq4$Lm2!pR";

  @Autowired ObjectMapper json;
  private final EngineTasks engine = new EngineTasks(this::as);
  @Autowired JdbcTemplate jdbc;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired HistoryService historyService;
  @Autowired OrganisationRepository organisations;
  @Autowired OrganisationMemberRepository members;

  @BeforeEach
  void anotherOrganisation() {
    if (identityService.createUserQuery().userId(OTHER_NGO_USER).count() == 0) {
      User olga = identityService.newUser(OTHER_NGO_USER);
      olga.setPassword(OTHER_PASSWORD);
      identityService.saveUser(olga);
      identityService.createMembership(OTHER_NGO_USER, "ngo");
      Organisation other =
          organisations.save(new Organisation("Other Watch", MandateType.NGO, Instant.now()));
      members.save(new OrganisationMember(OTHER_NGO_USER, other.getId()));
    }
  }

  @Test
  void completeApplicationBecomesActiveThroughTheApis() throws Exception {
    ResponseEntity<String> submitted =
        submit("john", application("Monthly monitoring of detention conditions"), "key-active");
    assertThat(submitted.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String id = json.readTree(submitted.getBody()).get("id").asText();
    assertThat(submitted.getHeaders().getLocation()).hasToString("/api/v1/accreditations/" + id);
    assertThat(status("john", id)).isEqualTo("SUBMITTED");

    complete("lena", id, "Task_CheckApplicationCompleteness", Map.of("completeness", "COMPLETE"));
    complete("lena", id, "Task_RateAccreditationCriteria", everyCriterionRated(4));
    assertThat(tasks("lena", id, "Task_VetRepresentatives"))
        .as("security's task, not lena's")
        .isEmpty();
    for (JsonNode vetting : tasks("sam", id, "Task_VetRepresentatives")) {
      completeTask(
          "sam",
          vetting.get("id").asText(),
          Map.of("vetting", "CLEARED", "vettingReasons", "No record"));
    }
    complete(
        "lena", id, "Task_ConsultStaff", Map.of("staffViews", "Wing staff welcome the programme"));
    engine.awaitTasks("martha", id, "Task_DecideAccreditation");

    JsonNode staffView =
        json.readTree(as("martha").getForObject("/api/v1/accreditations/" + id, String.class));
    assertThat(staffView.at("/review/recommendation").asText()).isEqualTo("RECOMMEND");
    assertThat(staffView.at("/review/score").asInt()).isEqualTo(28);
    assertThat(
            json.readTree(as("john").getForObject("/api/v1/accreditations/" + id, String.class))
                .has("review"))
        .as("the NGO does not see the internal review")
        .isFalse();

    complete(
        "martha",
        id,
        "Task_DecideAccreditation",
        Map.of("decision", "APPROVE", "decisionReasons", "Meets the criteria"));
    complete("lena", id, "Task_DraftMou", mouClauses());
    assertThat(status("john", id)).isEqualTo("MOU_IN_NEGOTIATION");
    assertThat(
            post("john", "/api/v1/accreditations/" + id + "/mou/agreement", Map.of("version", 1))
                .getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(status("john", id)).isEqualTo("AWAITING_COUNTERSIGNATURE");
    assertThat(
            json.readTree(as("john").getForObject("/api/v1/accreditations/" + id, String.class))
                .get("awaiting")
                .asText())
        .isEqualTo("COUNTERSIGNATURE");

    ResponseEntity<byte[]> pdf =
        as("john").getForEntity("/api/v1/accreditations/" + id + "/mou.pdf", byte[].class);
    assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
    try (var document = Loader.loadPDF(pdf.getBody())) {
      String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
      assertThat(text)
          .contains(
              "Memorandum of Understanding",
              "Prison Watch",
              "Tuesdays and Thursdays",
              "Segregation unit",
              "John Representative",
              "45 days");
    }

    assertThat(
            post(
                    "john",
                    "/api/v1/accreditations/" + id + "/countersignature",
                    Map.of("signatory", "John Representative"))
                .getStatusCode())
        .isEqualTo(HttpStatus.OK);
    complete("martha", id, "Task_SignMou", Map.of("mouSigned", true));

    JsonNode active =
        json.readTree(as("john").getForObject("/api/v1/accreditations/" + id, String.class));
    assertThat(active.get("status").asText()).isEqualTo("ACTIVE");
    assertThat(active.get("termEnd").asText()).isNotBlank();
    assertThat(
            jdbc.queryForList(
                "select decided_by from decision_log where subject_id = ?::uuid order by decided_at",
                String.class,
                id))
        .contains("lena", "sam", "martha", "john");
    assertThat(
            historyService
                .createUserOperationLogQuery()
                .userId("martha")
                .operationType("Complete")
                .count())
        .as("Camunda's user operation log names the acting user")
        .isPositive();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from act_ru_variable v join act_ru_execution e on v.proc_inst_id_ = e.proc_inst_id_ where e.business_key_ = ? and v.name_ in ('decisionReasons', 'staffViews', 'vettingReasons', 'applicationSummary')",
                Long.class,
                BusinessKeys.of(id)))
        .as("form fields do not stay in the process")
        .isZero();
  }

  @Test
  void verifiedFormalMandateIsRegisteredWithoutAnMou() throws Exception {
    Map<String, Object> npm = new LinkedHashMap<>(application("Unannounced visits under OPCAT"));
    npm.put("mandateType", "NPM");
    npm.put("mandateReference", "OPCAT Art. 17; National Preventive Mechanism Act 2009");
    npm.put("mandateIssuingBody", "Office of the Ombudsperson");
    npm.put("mandateValidUntil", "2030-12-31");
    String id = json.readTree(submit("john", npm, "key-npm").getBody()).get("id").asText();

    ResponseEntity<String> refused =
        tryComplete("lena", id, "Task_VerifyFormalMandate", Map.of("mandateVerified", "MAYBE"));
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json.readTree(refused.getBody()).get("message").asText())
        .isEqualTo("Is the mandate verified?: must be one of [VERIFIED, NOT_VERIFIED]");
    refused =
        tryComplete("lena", id, "Task_VerifyFormalMandate", Map.of("mandateVerified", "VERIFIED"));
    assertThat(json.readTree(refused.getBody()).get("message").asText())
        .isEqualTo("Verification notes: is required");
    complete(
        "lena",
        id,
        "Task_VerifyFormalMandate",
        Map.of("mandateVerified", "VERIFIED", "verificationNotes", "Designation act checked"));

    assertThat(status("john", id)).isEqualTo("MANDATE_REGISTERED");
    assertThat(
            as("john")
                .getForEntity("/api/v1/accreditations/" + id + "/mou.pdf", String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void rejectionMustNameAFailedCriterion() throws Exception {
    String id = submittedAndReviewed("key-reject");

    ResponseEntity<String> refused =
        tryComplete(
            "martha",
            id,
            "Task_DecideAccreditation",
            Map.of(
                "decision",
                "REJECT",
                "decisionReasons",
                "Too weak",
                "againstRecommendationReason",
                "Local concerns"));
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody()).contains("failedCriteria");
    ResponseEntity<String> unexplained =
        tryComplete(
            "martha",
            id,
            "Task_DecideAccreditation",
            Map.of("decision", "REJECT", "decisionReasons", "Too weak", "failedFunds", true));
    assertThat(unexplained.getStatusCode())
        .as("against the recommendation without saying why")
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(unexplained.getBody()).contains("againstRecommendationReason");

    complete(
        "martha",
        id,
        "Task_DecideAccreditation",
        Map.of(
            "decision",
            "REJECT",
            "decisionReasons",
            "Too weak",
            "failedFunds",
            true,
            "againstRecommendationReason",
            "Funding is not credible"));
    JsonNode rejected =
        json.readTree(as("john").getForObject("/api/v1/accreditations/" + id, String.class));
    assertThat(rejected.get("status").asText()).isEqualTo("REJECTED");
    assertThat(rejected.at("/outcome/reasons").asText())
        .as("the NGO is told why")
        .contains("Too weak", "funds");
  }

  @Test
  void informationIsRequestedAndSupplied() throws Exception {
    String id =
        json.readTree(submit("john", application("Family liaison"), "key-info").getBody())
            .get("id")
            .asText();

    complete(
        "lena",
        id,
        "Task_CheckApplicationCompleteness",
        Map.of(
            "completeness",
            "INCOMPLETE",
            "informationRequested",
            "Please attach your audited accounts."));
    JsonNode awaiting =
        json.readTree(as("john").getForObject("/api/v1/accreditations/" + id, String.class));
    assertThat(awaiting.get("status").asText()).isEqualTo("AWAITING_INFORMATION");
    assertThat(awaiting.get("informationRequested").asText()).contains("audited accounts");

    assertThat(
            post(
                    "john",
                    "/api/v1/accreditations/" + id + "/information",
                    Map.of("information", "Attached."))
                .getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(status("john", id)).isEqualTo("SUBMITTED");
    assertThat(tasks("lena", id, "Task_CheckApplicationCompleteness")).hasSize(1);
  }

  @Test
  void anotherOrganisationsAccreditationIsNotFound() throws Exception {
    String id =
        json.readTree(submit("john", application("Anti-corruption"), "key-scope").getBody())
            .get("id")
            .asText();
    TestRestTemplate olga = rest.withBasicAuth(OTHER_NGO_USER, OTHER_PASSWORD);

    assertThat(olga.getForEntity("/api/v1/accreditations/" + id, String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(
            olga.getForEntity("/api/v1/accreditations/" + id + "/mou.pdf", String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(
            olga.postForEntity(
                    "/api/v1/accreditations/" + id + "/information",
                    jsonBody(Map.of("information", "x")),
                    String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(
            json.readTree(olga.getForObject("/api/v1/accreditations", String.class))
                .findValuesAsText("id"))
        .doesNotContain(id);
    assertThat(as("sam").getForEntity("/api/v1/accreditations/" + id, String.class).getStatusCode())
        .as("staff read everything")
        .isEqualTo(HttpStatus.OK);
    assertThat(
            post("lena", "/api/v1/accreditations/" + id + "/revocation", Map.of("reasons", "x"))
                .getStatusCode())
        .as("only a director revokes")
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(
            post(
                    "martha",
                    "/api/v1/accreditations/" + id + "/revocation",
                    Map.of("reasons", "Breach of the rules of the facility"))
                .getStatusCode())
        .isEqualTo(HttpStatus.OK);
    JsonNode revoked =
        json.readTree(as("john").getForObject("/api/v1/accreditations/" + id, String.class));
    assertThat(revoked.get("status").asText()).isEqualTo("REVOKED");
    assertThat(revoked.at("/outcome/reasons").asText())
        .as("the NGO is told why")
        .contains("Breach of the rules");
  }

  @Test
  void badInputIsRefusedWithEveryFieldAndNothingIsStored() throws Exception {
    long before = jdbc.queryForObject("select count(*) from accreditation", Long.class);
    long representativesBefore =
        jdbc.queryForObject("select count(*) from representative", Long.class);
    Map<String, Object> bad = new LinkedHashMap<>(application(""));
    bad.put("sustainabilityMonths", -1);
    bad.put("mandateType", "NPM");
    bad.put("facilityIds", List.of("00000000-0000-0000-0000-000000000000"));

    ResponseEntity<String> response = submit("john", bad, null);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType())
        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    JsonNode problem = json.readTree(response.getBody());
    assertThat(problem.get("errors").findValuesAsText("field"))
        .contains(
            "proposedActivity",
            "sustainabilityMonths",
            "facilityIds[0]",
            "mandateReference",
            "mandateIssuingBody",
            "mandateValidUntil");
    assertThat(jdbc.queryForObject("select count(*) from accreditation", Long.class))
        .isEqualTo(before);
    assertThat(jdbc.queryForObject("select count(*) from representative", Long.class))
        .isEqualTo(representativesBefore);

    Map<String, Object> wrongEnum = new LinkedHashMap<>(application("x"));
    wrongEnum.put("programmeType", "KNITTING");
    JsonNode enumProblem = json.readTree(submit("john", wrongEnum, null).getBody());
    assertThat(enumProblem.get("errors").findValuesAsText("field"))
        .containsExactly("programmeType");
  }

  @Test
  void aRepeatedSubmissionReturnsTheFirstResult() throws Exception {
    ResponseEntity<String> first = submit("john", application("Repeated"), "key-repeat");
    ResponseEntity<String> second = submit("john", application("Repeated"), "key-repeat");

    assertThat(second.getHeaders().getLocation()).isEqualTo(first.getHeaders().getLocation());
    assertThat(second.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from accreditation where idempotency_key = ?",
                Long.class,
                "key-repeat-" + RUN))
        .isEqualTo(1);
  }

  @Test
  void staffCannotApplyAndNgosCannotRevoke() {
    assertThat(submit("lena", application("x"), null).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.getForEntity("/api/v1/accreditations", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  private String submittedAndReviewed(String key) throws Exception {
    String id =
        json.readTree(submit("john", application("Monitoring"), key).getBody()).get("id").asText();
    complete("lena", id, "Task_CheckApplicationCompleteness", Map.of("completeness", "COMPLETE"));
    complete("lena", id, "Task_RateAccreditationCriteria", everyCriterionRated(4));
    for (JsonNode vetting : tasks("sam", id, "Task_VetRepresentatives")) {
      completeTask(
          "sam",
          vetting.get("id").asText(),
          Map.of("vetting", "CLEARED", "vettingReasons", "No record"));
    }
    complete("lena", id, "Task_ConsultStaff", Map.of("staffViews", "Fine"));
    engine.awaitTasks("martha", id, "Task_DecideAccreditation");
    return id;
  }

  private Map<String, Object> application(String activity) {
    return AccreditationForms.application(activity, facility(), List.of("John Representative"));
  }

  /**
   * A facility of this class's own, with room for its applications: at Central Prison the other
   * tests' accreditations (active, or with an MoU in negotiation) fill the liaison capacity, and a
   * full facility makes the recommendation "join a network" instead of the one these tests follow.
   */
  private String facility() {
    if (facility == null) {
      facility =
          new Fixtures(rest, this::as, taskService)
              .newFacility("Accreditation API prison " + RUN, 50);
    }
    return facility;
  }

  private static String facility;

  private ResponseEntity<String> submit(String user, Map<String, Object> body, String key) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    if (key != null) {
      headers.set("Idempotency-Key", key + "-" + RUN);
    }
    return as(user)
        .postForEntity("/api/v1/accreditations", new HttpEntity<>(body, headers), String.class);
  }

  /** Idempotency keys are per run, so a rerun on the same database starts fresh. */
  private static final String RUN = Long.toString(System.nanoTime());

  private String status(String user, String id) throws Exception {
    return json.readTree(as(user).getForObject("/api/v1/accreditations/" + id, String.class))
        .get("status")
        .asText();
  }

  private JsonNode tasks(String user, String id, String taskKey) {
    return engine.tasks(user, id, taskKey);
  }

  private void complete(String user, String id, String taskKey, Map<String, Object> fields) {
    engine.complete(user, id, taskKey, fields);
  }

  private ResponseEntity<String> tryComplete(
      String user, String id, String taskKey, Map<String, Object> fields) {
    return engine.tryComplete(user, id, taskKey, fields);
  }

  private ResponseEntity<String> completeTask(
      String user, String taskId, Map<String, Object> fields) {
    return engine.completeTask(user, taskId, fields);
  }

  private ResponseEntity<String> post(String user, String path, Map<String, Object> body) {
    return as(user).postForEntity(path, jsonBody(body), String.class);
  }

  private static HttpEntity<Object> jsonBody(Object body) {
    return EngineTasks.jsonBody(body);
  }
}
