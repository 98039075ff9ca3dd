package org.invisiblebars.facility.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.invisiblebars.support.EngineTasks;
import org.invisiblebars.support.IntegrationTest;
import org.invisiblebars.support.Race;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Facilities under concurrent requests, each race run several times: one facility per name with all
 * its high-security areas, and alert levels set by several officers at once each logged, the
 * facility left at the level of the last entry in the log.
 */
class FacilityConcurrencyIT extends IntegrationTest {

  private static final int ROUNDS = 3;
  private static final String RUN = Long.toString(System.nanoTime(), 36);
  private static final List<String> LEVELS = List.of("NORMAL", "ELEVATED", "CRITICAL");

  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;

  @Test
  void theSameFacilityRegisteredTenTimesAtOnceIsOneFacilityWithAllItsAreas() throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      Map<String, Object> facility = facility("Eastern Remand " + RUN + "-" + round);

      List<ResponseEntity<String>> answers =
          Race.times(
              10,
              i ->
                  as("admin")
                      .postForEntity(
                          "/api/v1/facilities", EngineTasks.jsonBody(facility), String.class));

      assertThat(answers.stream().map(ResponseEntity::getStatusCode))
          .as(answers.stream().map(ResponseEntity::getBody).toList().toString())
          .containsOnly(HttpStatus.CREATED, HttpStatus.BAD_REQUEST)
          .containsOnlyOnce(HttpStatus.CREATED);
      for (ResponseEntity<String> refused :
          answers.stream().filter(a -> a.getStatusCode() == HttpStatus.BAD_REQUEST).toList()) {
        assertThat(json.readTree(refused.getBody()).get("errors").findValuesAsText("field"))
            .containsExactly("name");
      }
      String id =
          jdbc.queryForObject(
              "select id::text from facility where name = ?", String.class, facility.get("name"));
      assertThat(
              jdbc.queryForObject(
                  "select count(*) from facility_high_security_area where facility_id = ?::uuid",
                  Long.class,
                  id))
          .isEqualTo(3);
    }
  }

  @Test
  void alertLevelsSetAtOnceAreEachLoggedAndTheLastOneHolds() throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      ResponseEntity<String> created =
          as("admin")
              .postForEntity(
                  "/api/v1/facilities",
                  EngineTasks.jsonBody(facility("Harbour Prison " + RUN + "-" + round)),
                  String.class);
      String id = json.readTree(created.getBody()).get("id").asText();

      List<ResponseEntity<String>> answers =
          Race.times(
              8,
              i ->
                  as(i % 2 == 0 ? "sam" : "martha")
                      .exchange(
                          "/api/v1/facilities/" + id + "/alert-level",
                          HttpMethod.PUT,
                          new HttpEntity<>(
                              Map.of("alertLevel", LEVELS.get(i % 3), "reasons", "Report " + i),
                              EngineTasks.jsonBody(Map.of()).getHeaders()),
                          String.class));

      assertThat(answers)
          .allSatisfy(a -> assertThat(a.getStatusCode()).as(a.getBody()).isEqualTo(HttpStatus.OK));
      List<String> logged =
          jdbc.queryForList(
              "select decision from decision_log where subject_id = ?::uuid order by decided_at",
              String.class,
              id);
      assertThat(logged).hasSize(8);
      JsonNode now =
          json.readTree(as("sam").getForObject("/api/v1/facilities/" + id, String.class));
      assertThat(now.get("alertLevel").asText())
          .as("the facility is at the level logged last")
          .isEqualTo(logged.get(7));
      assertThat(now.get("highSecurityAreas")).hasSize(3);
    }
  }

  private static Map<String, Object> facility(String name) {
    return Map.of(
        "name",
        name,
        "liaisonCapacity",
        3,
        "securityLevel",
        "HIGH",
        "highSecurityAreas",
        List.of("Segregation unit", "Armoury", "Control room"),
        "visitingDays",
        List.of("MONDAY", "WEDNESDAY", "FRIDAY"),
        "visitingFrom",
        "09:00",
        "visitingUntil",
        "15:00");
  }
}
