package org.invisiblebars.entry.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.invisiblebars.entry.usecase.IncidentReviewProcess;
import org.invisiblebars.entry.usecase.IncidentReviewProcess.Element;
import org.invisiblebars.organisation.domain.MandateType;
import org.invisiblebars.support.AccreditedOrganisations.Accredited;
import org.invisiblebars.support.ApiTest;
import org.invisiblebars.support.BusinessKeys;
import org.invisiblebars.support.EngineTasks;
import org.invisiblebars.support.Race;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * An incident recorded at check-out, through HTTP as the people involved: security records it, the
 * organisation reads and contests it through the NGO API, the director decides in Tasklist (the
 * engine REST API), and only an upheld incident raises the risk of the organisation's next visit.
 */
class IncidentApiIT extends ApiTest {

  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;

  @Test
  void contestedIncidentUpheldByTheDirectorCountsInTheNextRisk() {
    Accredited ngo = fixture.accredited(MandateType.NGO);
    Accredited other = fixture.accredited(MandateType.NGO);
    String visit = visited(ngo);
    String alice = name(visit, ngo.alice());

    ResponseEntity<String> nobody = checkOut(visit, Map.of("incidentAgainst", "Somebody Else"));
    assertThat(nobody.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(nobody.getBody())
        .contains("Against whom", "is not the name of a visitor who entered");
    assertThat(checkOut(visit, Map.of("incidentAgainst", alice.toUpperCase())).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);

    JsonNode told = incident(ngo.user(), visit);
    assertThat(told.get("description").asText())
        .isEqualTo("Photographed a cell without permission");
    assertThat(told.get("against").asText()).isEqualTo(alice);
    assertThat(told.get("recordedByRole").asText()).isEqualTo("security");
    assertThat(told.has("recordedByUser")).as("no officer's name to the NGO").isFalse();
    assertThat(told.get("status").asText()).isEqualTo("OPEN");
    assertThat(told.get("countsInRiskAssessment").asBoolean()).isFalse();
    assertThat(told.get("contestDeadline").asText()).isNotBlank();
    assertThat(engine.read(user(ngo.user()).getForObject("/api/v1/incidents", String.class)))
        .hasSize(1);
    assertThat(incident("sam", visit).get("recordedByUser").asText()).isEqualTo("sam");
    assertThat(get("lena", visit).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(get("maria", visit).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get(other.user(), visit).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(engine.read(user(other.user()).getForObject("/api/v1/incidents", String.class)))
        .isEmpty();
    assertThat(contest(other.user(), visit, "Not us").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(contest("sam", visit, "Security may not contest").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(nextRisk(ngo)).as("an open incident does not count").isZero();

    ResponseEntity<String> blank = contest(ngo.user(), visit, " ");
    assertThat(blank.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(blank.getBody()).contains("account");
    // two clients of the organisation at once: one contest is taken, the other is told why not
    assertOneOkOthersConflict(
        Race.times(
            2, i -> contest(ngo.user(), visit, "She photographed the corridor, not a cell")));
    assertThat(incident(ngo.user(), visit).get("status").asText()).isEqualTo("CONTESTED");
    assertThat(engine.tasks("lena", visit, Element.DECIDE_CONTESTED_INCIDENT)).isEmpty();
    assertThat(engine.tasks("sam", visit, Element.DECIDE_CONTESTED_INCIDENT)).isEmpty();

    assertThat(
            engine
                .tryComplete(
                    "martha",
                    visit,
                    Element.DECIDE_CONTESTED_INCIDENT,
                    Map.of("incidentDecision", "UPHELD"))
                .getStatusCode())
        .as("reasons are required")
        .isEqualTo(HttpStatus.BAD_REQUEST);
    engine.complete(
        "martha",
        visit,
        Element.DECIDE_CONTESTED_INCIDENT,
        Map.of("incidentDecision", "UPHELD", "decisionReasons", "The escort saw the photograph"));

    JsonNode decided = incident(ngo.user(), visit);
    assertThat(decided.get("status").asText()).isEqualTo("UPHELD");
    assertThat(decided.get("decisionReasons").asText()).isEqualTo("The escort saw the photograph");
    assertThat(decided.get("decidedByRole").asText()).isEqualTo("director");
    assertThat(decided.get("contestAccount").asText()).contains("corridor");
    assertThat(decided.get("countsInRiskAssessment").asBoolean()).isTrue();
    assertThat(decisions(visit, "CONTESTED")).isOne();
    assertThat(decisions(visit, "UPHELD")).isOne();
    assertThat(nextRisk(ngo)).as("an upheld incident counts").isOne();
  }

  @Test
  void incidentDismissedByTheDirectorNeverCounts() {
    Accredited ngo = fixture.accredited(MandateType.NGO);
    String visit = visited(ngo);
    assertThat(checkOut(visit, Map.of()).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(incident(ngo.user(), visit).get("against").asText())
        .isEqualTo("the delegation as a whole");
    assertThat(contest(ngo.user(), visit, "Nobody took a photograph").getStatusCode())
        .isEqualTo(HttpStatus.OK);

    engine.complete(
        "martha",
        visit,
        Element.DECIDE_CONTESTED_INCIDENT,
        Map.of(
            "incidentDecision", "DISMISSED", "decisionReasons", "The camera held no such image"));

    JsonNode decided = incident(ngo.user(), visit);
    assertThat(decided.get("status").asText()).isEqualTo("DISMISSED");
    assertThat(decided.get("decisionReasons").asText()).isEqualTo("The camera held no such image");
    assertThat(decisions(visit, "DISMISSED")).isOne();
    assertThat(nextRisk(ngo)).isZero();
  }

  @Test
  void incidentNotContestedInTimeIsUpheldAndCannotBeContestedAfter() {
    Accredited ngo = fixture.accredited(MandateType.NGO);
    String visit = visited(ngo);
    assertThat(checkOut(visit, Map.of()).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

    String instance =
        runtimeService
            .createProcessInstanceQuery()
            .processDefinitionKey(IncidentReviewProcess.KEY)
            .processInstanceBusinessKey(BusinessKeys.of(visit))
            .singleResult()
            .getId();
    managementService.executeJob(
        managementService
            .createJobQuery()
            .processInstanceId(instance)
            .activityId(Element.CONTEST_PERIOD_ENDED)
            .singleResult()
            .getId());

    JsonNode upheld = incident(ngo.user(), visit);
    assertThat(upheld.get("status").asText()).isEqualTo("UPHELD_UNCONTESTED");
    assertThat(upheld.get("countsInRiskAssessment").asBoolean()).isTrue();
    ResponseEntity<String> late = contest(ngo.user(), visit, "We were away");
    assertThat(late.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertProblem(late);
    assertThat(decisions(visit, "UPHELD_UNCONTESTED")).isOne();
    assertThat(nextRisk(ngo)).isOne();
  }

  // ------------------------------------------------------------------ fixture

  /** A visit of Alice's, checked in and waiting for check-out. */
  private String visited(Accredited ngo) {
    return checkedIn(ngo, requestedByAlice(ngo));
  }

  private ResponseEntity<String> checkOut(String visit, Map<String, Object> against) {
    Map<String, Object> form =
        new HashMap<>(
            Map.of(
                "incidentOccurred",
                true,
                "incidentDescription",
                "Photographed a cell without permission"));
    form.putAll(against);
    return engine.tryComplete("sam", visit, "Task_CheckOutVisitors", form);
  }

  /** The incidents the visit-risk decision counts for the organisation's next visit. */
  private int nextRisk(Accredited ngo) {
    return engine
        .read(user("sam").getForObject("/api/v1/visits/" + requestedByAlice(ngo), String.class))
        .at("/riskAssessment/incidentsLast12Months")
        .asInt();
  }

  private String name(String visit, UUID representative) {
    for (JsonNode person :
        engine
            .read(user("sam").getForObject("/api/v1/visits/" + visit, String.class))
            .get("representatives")) {
      if (person.get("id").asText().equals(representative.toString())) {
        return person.get("name").asText();
      }
    }
    throw new IllegalStateException("no " + representative + " in " + visit);
  }

  private ResponseEntity<String> get(String user, String visit) {
    return user(user).getForEntity("/api/v1/incidents/" + visit, String.class);
  }

  private JsonNode incident(String user, String visit) {
    ResponseEntity<String> answer = get(user, visit);
    assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK);
    return engine.read(answer.getBody());
  }

  private ResponseEntity<String> contest(String user, String visit, String account) {
    return user(user)
        .postForEntity(
            "/api/v1/incidents/" + visit + "/contest",
            EngineTasks.jsonBody(Map.of("account", account)),
            String.class);
  }
}
