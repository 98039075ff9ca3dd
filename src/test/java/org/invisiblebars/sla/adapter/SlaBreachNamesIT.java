package org.invisiblebars.sla.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.invisiblebars.organisation.domain.MandateType;
import org.invisiblebars.support.AccreditedOrganisations.Accredited;
import org.invisiblebars.support.ApiTest;
import org.invisiblebars.support.BusinessKeys;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * A breach names its task as people read it and its case by reference, organisation and facility,
 * in the SLA API, its CSV export and so on the dashboard.
 */
class SlaBreachNamesIT extends ApiTest {

  @Autowired TaskService taskService;
  @Autowired BreachScan scan;

  @Test
  void aBreachShowsTheTaskNameAndTheCasesReferenceOrganisationAndFacility() {
    Accredited ngo = fixture.accredited(MandateType.NGO, 1);
    JsonNode visit = requestVisit(ngo);
    String reference = visit.get("reference").asText();
    Task task =
        taskService
            .createTaskQuery()
            .processInstanceBusinessKey(BusinessKeys.of(visit.get("id").asText()))
            .singleResult();
    assertThat(task.getName()).isNotBlank().isNotEqualTo(task.getTaskDefinitionKey());
    taskService.setDueDate(task.getId(), Date.from(Instant.now().minus(Duration.ofHours(2))));
    scan.scan();

    JsonNode breach = null;
    for (JsonNode item :
        engine
            .read(as("maria").getForObject("/api/v1/sla/breaches?open=true&size=500", String.class))
            .get("items")) {
      if (item.get("taskId").asText().equals(task.getId())) {
        breach = item;
      }
    }
    assertThat(breach).as("the breach of " + task.getId()).isNotNull();
    assertThat(breach.get("taskName").asText()).isEqualTo(task.getName());
    assertThat(breach.get("reference").asText()).isEqualTo(reference);
    assertThat(breach.get("organisationName").asText())
        .isEqualTo(visit.get("organisationName").asText());
    assertThat(breach.get("facilityName").asText()).isEqualTo("North Women's Prison");

    HttpHeaders accept = new HttpHeaders();
    accept.setAccept(List.of(MediaType.parseMediaType("text/csv")));
    String csv =
        as("maria")
            .exchange(
                "/api/v1/sla/breaches?open=true",
                HttpMethod.GET,
                new HttpEntity<>(accept),
                String.class)
            .getBody();
    assertThat(csv.lines().findFirst().orElseThrow())
        .contains("task_name", "reference", "organisation", "facility");
    assertThat(csv.lines().filter(line -> line.contains(task.getId())).findFirst().orElseThrow())
        .contains(task.getName(), reference, "North Women's Prison");
    JsonNode types = engine.read(as("maria").getForObject("/api/v1/sla/task-types", String.class));
    for (JsonNode type : types) {
      assertThat(type.get("taskName").asText()).as(type.toString()).isNotBlank();
    }
  }
}
