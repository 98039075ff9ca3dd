package org.invisiblebars.facility.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.invisiblebars.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Facilities as data: what NGOs may see of them, and who may change them. */
class FacilityApiIT extends IntegrationTest {

  @Autowired ObjectMapper json;

  @Test
  void ngosSeeVisitingHoursButNoSecurityDetails() throws Exception {
    JsonNode forJohn = json.readTree(as("john").getForObject("/api/v1/facilities", String.class));
    JsonNode central = find(forJohn, "Central Prison");
    assertThat(central.get("visitingFrom").asText()).isEqualTo("09:00:00");
    assertThat(
            central.has("securityLevel")
                || central.has("alertLevel")
                || central.has("highSecurityAreas"))
        .as("security details are for staff only")
        .isFalse();
    assertThat(central.get("areas").toString())
        .as("the areas an NGO may ask for leave out the high-security areas")
        .contains("Workshops")
        .doesNotContain("Segregation unit", "High-security wing");

    JsonNode forSam =
        find(
            json.readTree(as("sam").getForObject("/api/v1/facilities", String.class)),
            "Central Prison");
    assertThat(forSam.get("securityLevel").asText()).isEqualTo("HIGH");
    assertThat(forSam.get("highSecurityAreas").toString()).contains("Segregation unit");
    assertThat(forSam.get("areas").toString()).contains("Segregation unit", "Workshops");
  }

  @Test
  void securitySetsTheAlertLevelWithReasons() throws Exception {
    String id =
        find(
                json.readTree(as("sam").getForObject("/api/v1/facilities", String.class)),
                "North Women's Prison")
            .get("id")
            .asText();
    String path = "/api/v1/facilities/" + id + "/alert-level";

    assertThat(
            put(as("john"), path, Map.of("alertLevel", "CRITICAL", "reasons", "x")).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(
            put(as("lena"), path, Map.of("alertLevel", "CRITICAL", "reasons", "x")).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> noReasons = put(as("sam"), path, Map.of("alertLevel", "ELEVATED"));
    assertThat(noReasons.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(noReasons.getBody()).contains("\"field\":\"reasons\"");

    try {
      ResponseEntity<String> raised =
          put(
              as("sam"),
              path,
              Map.of("alertLevel", "ELEVATED", "reasons", "Disturbance on wing B"));
      assertThat(raised.getStatusCode()).isEqualTo(HttpStatus.OK);
      JsonNode facility = json.readTree(raised.getBody());
      assertThat(facility.get("alertLevel").asText()).isEqualTo("ELEVATED");
      assertThat(facility.get("alertSetBy").asText()).isEqualTo("sam");
    } finally {
      put(as("sam"), path, Map.of("alertLevel", "NORMAL", "reasons", "Back to normal"));
    }
  }

  @Test
  void administratorsRegisterFacilitiesAndBadInputNamesEveryField() throws Exception {
    String name = "East Remand Centre " + System.nanoTime();
    Map<String, Object> facility =
        Map.of(
            "name",
            name,
            "liaisonCapacity",
            2,
            "securityLevel",
            "MAXIMUM",
            "highSecurityAreas",
            List.of("Category A unit"),
            "visitingDays",
            List.of("WEDNESDAY"),
            "visitingFrom",
            "10:00",
            "visitingUntil",
            "15:00");

    assertThat(post(as("lena"), facility).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> created = post(as("admin"), facility);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(json.readTree(created.getBody()).get("securityLevel").asText()).isEqualTo("MAXIMUM");

    ResponseEntity<String> invalid =
        post(
            as("admin"),
            Map.of(
                "name",
                name,
                "liaisonCapacity",
                -1,
                "visitingDays",
                List.of(),
                "visitingFrom",
                "15:00",
                "visitingUntil",
                "10:00"));
    assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json.readTree(invalid.getBody()).get("errors").findValuesAsText("field"))
        .contains("name", "liaisonCapacity", "securityLevel", "visitingDays", "visitingUntil");
  }

  @Test
  void administratorsChangeTheZoneAndTheAreasAndNgosAreOfferedTheNewAreas() throws Exception {
    String name = "West Remand Centre " + System.nanoTime();
    ResponseEntity<String> created =
        post(
            as("admin"),
            Map.of(
                "name",
                name,
                "liaisonCapacity",
                2,
                "securityLevel",
                "MEDIUM",
                "highSecurityAreas",
                List.of("Segregation unit"),
                "visitingDays",
                List.of("MONDAY"),
                "visitingFrom",
                "09:00",
                "visitingUntil",
                "12:00"));
    String id = json.readTree(created.getBody()).get("id").asText();
    String path = "/api/v1/facilities/" + id + "/visiting";
    Map<String, Object> change =
        Map.of("zone", "Europe/Lisbon", "areas", List.of(" Visits hall ", "Segregation unit"));

    assertThat(put(as("sam"), path, change).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> changed = put(as("admin"), path, change);
    assertThat(changed.getStatusCode()).as(changed.getBody()).isEqualTo(HttpStatus.OK);
    JsonNode facility = json.readTree(changed.getBody());
    assertThat(facility.get("zone").asText()).isEqualTo("Europe/Lisbon");
    List<String> areas = new ArrayList<>();
    facility.get("areas").forEach(area -> areas.add(area.asText()));
    assertThat(areas).as("stripped").containsExactlyInAnyOrder("Visits hall", "Segregation unit");
    JsonNode seenByNgo =
        find(json.readTree(as("john").getForObject("/api/v1/facilities", String.class)), name);
    assertThat(seenByNgo.get("zone").asText()).isEqualTo("Europe/Lisbon");
    assertThat(seenByNgo.get("areas").toString())
        .as("the new area, the high-security one left out for an NGO")
        .contains("Visits hall")
        .doesNotContain("Segregation unit");

    ResponseEntity<String> invalid =
        put(as("admin"), path, Map.of("zone", "Mars/Olympus", "areas", List.of("")));
    assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json.readTree(invalid.getBody()).get("errors").findValuesAsText("field"))
        .contains("zone", "areas[0]");
    assertThat(
            find(json.readTree(as("john").getForObject("/api/v1/facilities", String.class)), name)
                .get("zone")
                .asText())
        .as("nothing changed")
        .isEqualTo("Europe/Lisbon");
  }

  private static JsonNode find(JsonNode facilities, String name) {
    for (JsonNode facility : facilities) {
      if (facility.get("name").asText().equals(name)) {
        return facility;
      }
    }
    throw new AssertionError("no facility " + name);
  }

  private static ResponseEntity<String> post(TestRestTemplate client, Object body) {
    return client.postForEntity(
        "/api/v1/facilities", new HttpEntity<>(body, jsonHeaders()), String.class);
  }

  private static ResponseEntity<String> put(TestRestTemplate client, String path, Object body) {
    return client.exchange(
        path, HttpMethod.PUT, new HttpEntity<>(body, jsonHeaders()), String.class);
  }

  private static HttpHeaders jsonHeaders() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return headers;
  }
}
