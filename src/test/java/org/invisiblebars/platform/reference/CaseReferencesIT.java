package org.invisiblebars.platform.reference;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.invisiblebars.entry.usecase.EntryProcess;
import org.invisiblebars.organisation.domain.MandateType;
import org.invisiblebars.support.AccreditedOrganisations.Accredited;
import org.invisiblebars.support.ApiTest;
import org.invisiblebars.support.Fixtures;
import org.invisiblebars.support.Race;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Readable references: allocated without gaps or duplicates when two clients create cases at once,
 * the business key of each case's process instance, answered in the API, and accepted in place of
 * the id in a path with the same checks as the id.
 */
class CaseReferencesIT extends ApiTest {

  private static final Pattern VISIT_REFERENCE = Pattern.compile("VIS-(\\d{4})-(\\d{4,})");

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;

  @Test
  void twoClientsCreatingTwentyVisitsEachAtOnceGetFortyDistinctGapFreeReferences() {
    Accredited first = fixture.accredited(MandateType.NGO, 1);
    Accredited second = fixture.accredited(MandateType.NGO, 1);
    List<Accredited> clients = List.of(first, second);

    List<List<String>> created =
        Race.times(
            2,
            i -> {
              Accredited ngo = clients.get(i);
              List<String> references = new ArrayList<>();
              for (int n = 0; n < 20; n++) {
                JsonNode visit = requestVisit(ngo);
                references.add(visit.get("reference").asText());
                assertThat(instanceKey(visit.get("id").asText()))
                    .as("the business key of the visit's instance")
                    .isEqualTo(visit.get("reference").asText());
              }
              return references;
            });

    List<String> all = new ArrayList<>();
    created.forEach(all::addAll);
    Set<String> distinct = new HashSet<>(all);
    assertThat(distinct).as("distinct references").hasSize(40);
    List<Integer> numbers = new ArrayList<>();
    for (String reference : all) {
      Matcher matcher = VISIT_REFERENCE.matcher(reference);
      assertThat(matcher.matches()).as(reference).isTrue();
      assertThat(Integer.parseInt(matcher.group(1))).isEqualTo(Year.now(ZoneOffset.UTC).getValue());
      numbers.add(Integer.parseInt(matcher.group(2)));
    }
    numbers.sort(Integer::compare);
    assertThat(numbers.get(numbers.size() - 1) - numbers.get(0))
        .as("no gaps: " + numbers)
        .isEqualTo(39);
    assertThat(
            jdbc.queryForObject(
                "select last_number from case_reference_counter where prefix = 'VIS' and case_year = ?",
                Integer.class,
                Year.now(ZoneOffset.UTC).getValue()))
        .as("the counter stands at the last reference given")
        .isEqualTo(numbers.get(numbers.size() - 1));
  }

  @Test
  void aVisitIsReadByItsReferenceWithTheSameChecksAsByItsId() {
    Accredited owner = fixture.accredited(MandateType.NGO, 1);
    Accredited other = fixture.accredited(MandateType.NGO, 1);
    JsonNode visit = requestVisit(owner);
    String id = visit.get("id").asText();
    String reference = visit.get("reference").asText();

    for (String key : List.of(reference, reference.toLowerCase(Locale.ROOT))) {
      ResponseEntity<String> own =
          user(owner.user()).getForEntity("/api/v1/visits/" + key, String.class);
      assertThat(own.getStatusCode()).as(own.getBody()).isEqualTo(HttpStatus.OK);
      assertThat(engine.read(own.getBody()).get("id").asText()).isEqualTo(id);
    }
    JsonNode staff =
        engine.read(user("lena").getForObject("/api/v1/visits/" + reference, String.class));
    assertThat(staff.get("reference").asText()).isEqualTo(reference);

    ResponseEntity<String> othersById =
        user(other.user()).getForEntity("/api/v1/visits/" + id, String.class);
    ResponseEntity<String> othersByReference =
        user(other.user()).getForEntity("/api/v1/visits/" + reference, String.class);
    assertThat(othersById.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(othersByReference.getStatusCode())
        .as("another organisation learns nothing from a reference")
        .isEqualTo(HttpStatus.NOT_FOUND);

    ResponseEntity<String> unknown =
        user("lena").getForEntity("/api/v1/visits/VIS-1999-9999", String.class);
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(unknown.getHeaders().getContentType().toString()).contains("problem+json");
    ResponseEntity<String> garbage =
        user("lena").getForEntity("/api/v1/visits/not-a-visit", String.class);
    assertThat(garbage.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(garbage.getBody()).contains("\"field\":\"id\"", "an id or a case reference");

    ResponseEntity<byte[]> notice =
        user(owner.user())
            .getForEntity("/api/v1/visits/" + reference + "/search-notice.pdf", byte[].class);
    assertThat(notice.getStatusCode())
        .as("the notice exists once the visit is scheduled, by reference as by id")
        .isEqualTo(
            user(owner.user())
                .getForEntity("/api/v1/visits/" + id + "/search-notice.pdf", byte[].class)
                .getStatusCode());
  }

  @Test
  void accreditationsAndReportsAnswerTheirReferenceAndAreReadByIt() {
    Fixtures fixtures = new Fixtures(rest, this::as, taskService);
    String facility = fixtures.facility("Central Prison");
    Fixtures.Ngo npm = fixtures.registeredMandate("Reference Watch " + System.nanoTime(), facility);
    String reportId = fixtures.report(npm, facility, "Findings");

    JsonNode accreditation =
        engine.read(
            fixtures
                .as(npm)
                .getForObject("/api/v1/accreditations/" + npm.accreditationId(), String.class));
    String accreditationReference = accreditation.get("reference").asText();
    assertThat(accreditationReference).matches("ACC-\\d{4}-\\d{4,}");
    assertThat(
            engine
                .read(
                    fixtures
                        .as(npm)
                        .getForObject(
                            "/api/v1/accreditations/" + accreditationReference, String.class))
                .get("id")
                .asText())
        .isEqualTo(npm.accreditationId());

    JsonNode report =
        engine.read(fixtures.as(npm).getForObject("/api/v1/reports/" + reportId, String.class));
    String reportReference = report.get("reference").asText();
    assertThat(reportReference).matches("REP-\\d{4}-\\d{4,}");
    assertThat(instanceKey(reportId)).isEqualTo(reportReference);
    ResponseEntity<String> byReference =
        fixtures
            .as(npm)
            .getForEntity("/api/v1/reports/" + reportReference + "/status", String.class);
    assertThat(byReference.getStatusCode()).as(byReference.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(
            as("paula")
                .getForEntity("/api/v1/reports/" + reportReference, String.class)
                .getStatusCode())
        .as("a process owner reads no report, by reference as by id")
        .isEqualTo(
            as("paula").getForEntity("/api/v1/reports/" + reportId, String.class).getStatusCode());
  }

  /**
   * An instance started before references existed has the visit's id as business key: cancelling
   * the visit still reaches it.
   */
  @Test
  void aVisitWhoseInstanceHasItsIdAsBusinessKeyIsStillCancelled() {
    Accredited ngo = fixture.accredited(MandateType.NGO, 1);
    String id = requestVisit(ngo).get("id").asText();
    String instance =
        runtimeService
            .createProcessInstanceQuery()
            .variableValueEquals(EntryProcess.Variable.VISIT_ID, id)
            .singleResult()
            .getId();
    // as started before references existed (the engine offers no way to change a business key)
    jdbc.update(
        "update act_ru_execution set business_key_ = ? where proc_inst_id_ = ?", id, instance);
    jdbc.update("update act_hi_procinst set business_key_ = ? where id_ = ?", id, instance);

    ResponseEntity<String> cancelled =
        post(ngo.user(), "/api/v1/visits/" + id + "/cancellation", Map.of("reasons", "Ill"), null);

    assertThat(cancelled.getStatusCode()).as(cancelled.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance).count())
        .as("the cancellation ended the old instance")
        .isZero();
  }

  private String instanceKey(String caseId) {
    return jdbc.queryForObject(
        "select business_key_ from act_hi_procinst where id_ in"
            + " (select proc_inst_id_ from act_hi_varinst where name_ in ('visitId', 'reportId',"
            + " 'accreditationId') and text_ = ?)",
        String.class,
        caseId);
  }
}
