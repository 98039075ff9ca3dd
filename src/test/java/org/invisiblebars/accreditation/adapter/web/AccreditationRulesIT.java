package org.invisiblebars.accreditation.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.invisiblebars.report.domain.Report;
import org.invisiblebars.support.IntegrationTest;
import org.invisiblebars.support.ModelerDeployment;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The published rules of accreditation, read by anyone, are those of the deployed models: a process
 * owner's new criteria table shows at once, and the earlier one again once it is gone.
 */
class AccreditationRulesIT extends IntegrationTest {

  private static final String RULES = "/api/v1/public/accreditation-rules";

  @Autowired RepositoryService repositoryService;
  @Autowired ObjectMapper json;

  @Test
  void anyoneReadsTheCriteriaWeightsThresholdsDocumentsAndPeriods() throws Exception {
    ResponseEntity<String> answer = rest.getForEntity(RULES, String.class);
    assertThat(answer.getStatusCode()).as("no sign-in").isEqualTo(HttpStatus.OK);
    JsonNode rules = json.readTree(answer.getBody());

    assertThat(rules.at("/criteria/versionTag").asText())
        .as("the versionTag of processes/accreditation-criteria.dmn")
        .isEqualTo(versionTagOfTheRepositoryTable());
    assertThat(rules.at("/criteria/weights").findValuesAsText("criterion"))
        .containsExactly(
            "knowledge",
            "expertise",
            "performance",
            "trackRecord",
            "commitment",
            "funds",
            "reputation");
    assertThat(rules.at("/criteria/weights/0/weight").asInt()).isEqualTo(1);
    assertThat(rules.at("/criteria/inputs").toString()).contains("Score", "Lowest rating");
    assertThat(rules.at("/criteria/rules/1/when/0").asText()).isEqualTo("< 18");
    assertThat(rules.at("/criteria/rules/1/recommendation").asText()).isEqualTo("NOT_RECOMMENDED");
    assertThat(rules.at("/criteria/rules/1/rationale").asText())
        .isEqualTo("The total score is below 18 of 35.");
    assertThat(rules.get("requiredInEveryApplication").toString())
        .contains(
            "mandateType", "programmeType", "proposedActivity", "facilityIds", "representatives");
    assertThat(rules.get("requiredForAFormalMandate").toString())
        .contains("mandateReference", "mandateIssuingBody", "mandateValidUntil");
    assertThat(rules.at("/periods/informationRequestDays").asInt()).isEqualTo(30);
    assertThat(rules.at("/periods/mouAnswerDays").asInt()).isEqualTo(30);
    assertThat(rules.at("/periods/countersignatureDays").asInt()).isEqualTo(30);
    assertThat(rules.at("/periods/defaultReviewDays").asInt()).isEqualTo(30);
    assertThat(rules.at("/periods/maximumExtensionDays").asInt())
        .isEqualTo(Report.MAX_EXTENSION_DAYS);
  }

  @Test
  void aNewlyDeployedCriteriaTableIsWhatThePublicReads() throws Exception {
    int before = read().at("/criteria/version").asInt();
    String table = ModelerDeployment.text("processes/accreditation-criteria.dmn");
    String changed =
        table
            .replace(
                "knowledge + expertise + performance", "2 * knowledge + expertise + performance")
            .replace("<text>&lt; 18</text>", "<text>&lt; 20</text>")
            .replace(
                "camunda:versionTag=\"" + versionTagOfTheRepositoryTable() + "\"",
                "camunda:versionTag=\"2099.01\"");
    assertThat(changed).isNotEqualTo(table);
    String deployment =
        repositoryService
            .createDeployment()
            .name("accreditation-rules-check")
            .addInputStream(
                "accreditation-criteria.dmn",
                new ByteArrayInputStream(changed.getBytes(StandardCharsets.UTF_8)))
            .deploy()
            .getId();
    try {
      JsonNode rules = read();
      assertThat(rules.at("/criteria/version").asInt()).isEqualTo(before + 1);
      assertThat(rules.at("/criteria/versionTag").asText()).isEqualTo("2099.01");
      assertThat(rules.at("/criteria/weights/0/weight").asInt()).isEqualTo(2);
      assertThat(rules.at("/criteria/scoreExpression").asText()).startsWith("2 * knowledge");
      assertThat(rules.at("/criteria/rules/1/when/0").asText()).isEqualTo("< 20");
    } finally {
      repositoryService.deleteDeployment(deployment, true);
    }
    JsonNode again = read();
    assertThat(again.at("/criteria/version").asInt()).isEqualTo(before);
    assertThat(again.at("/criteria/rules/1/when/0").asText()).isEqualTo("< 18");
  }

  private static String versionTagOfTheRepositoryTable() {
    return Dmn.readModelFromFile(Path.of("processes", "accreditation-criteria.dmn").toFile())
        .<Decision>getModelElementById("accreditation-criteria")
        .getVersionTag();
  }

  private JsonNode read() throws Exception {
    return json.readTree(rest.getForObject(RULES, String.class));
  }
}
