package org.invisiblebars.organisation.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.invisiblebars.organisation.domain.MandateType;
import org.invisiblebars.organisation.domain.Organisation;
import org.invisiblebars.organisation.domain.OrganisationRepository;
import org.invisiblebars.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Onboarding an NGO without the demo: register it, create its user in Camunda, bind the two. */
class OrganisationApiIT extends IntegrationTest {

  private static final String RUN = Long.toString(System.nanoTime(), 36);
  private static final String PASSWORD = "Kq8#Wd3$Rn5!tZ";

  @Autowired ObjectMapper json;
  @Autowired OrganisationRepository organisations;

  @Test
  void aLiaisonOfficerRegistersAnOrganisationAndBindsItsRepresentative() throws Exception {
    String name = "Open Doors " + RUN;
    ResponseEntity<String> created =
        post(
            as("lena"),
            "/api/v1/organisations",
            Map.of(
                "name",
                name,
                "mandateType",
                "NGO",
                "networkName",
                "Faith Network",
                "religiousBased",
                true));
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String organisation = json.readTree(created.getBody()).get("id").asText();

    ResponseEntity<String> duplicate =
        post(as("lena"), "/api/v1/organisations", Map.of("name", name, "mandateType", "NGO"));
    assertThat(duplicate.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(duplicate.getBody()).contains("\"field\":\"name\"");
    assertThat(
            post(
                    as("john"),
                    "/api/v1/organisations",
                    Map.of("name", "x" + RUN, "mandateType", "NGO"))
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);

    String user = "rep" + RUN;
    assertThat(
            post(
                    as("admin"),
                    "/engine-rest/user/create",
                    Map.of(
                        "profile",
                        Map.of("id", user, "firstName", "Rae", "lastName", "Rep"),
                        "credentials",
                        Map.of("password", PASSWORD)))
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(bind("lena", organisation, user).getStatusCode())
        .as("not yet in group ngo")
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(
            as("admin")
                .exchange(
                    "/engine-rest/group/ngo/members/" + user, HttpMethod.PUT, null, String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(bind("lena", organisation, user).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(bind("sam", organisation, user).getStatusCode())
        .as("security does not onboard")
        .isEqualTo(HttpStatus.FORBIDDEN);

    TestRestTemplate representative = rest.withBasicAuth(user, PASSWORD);
    JsonNode own =
        json.readTree(representative.getForObject("/api/v1/organisations", String.class));
    assertThat(own.findValuesAsText("name")).containsExactly(name);
    String facility =
        json.readTree(representative.getForObject("/api/v1/facilities", String.class))
            .get(0)
            .get("id")
            .asText();
    ResponseEntity<String> application =
        post(
            representative,
            "/api/v1/accreditations",
            Map.of(
                "mandateType",
                "NGO",
                "programmeType",
                "PRISON_SERVICES",
                "proposedActivity",
                "Chaplaincy for all faiths",
                "sustainabilityMonths",
                12,
                "facilityIds",
                List.of(facility),
                "representatives",
                List.of(Map.of("fullName", "Rae Rep"))));
    assertThat(application.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(json.readTree(application.getBody()).get("organisationName").asText())
        .isEqualTo(name);

    String other =
        json.readTree(
                post(
                        as("lena"),
                        "/api/v1/organisations",
                        Map.of("name", "Other " + RUN, "mandateType", "NGO"))
                    .getBody())
            .get("id")
            .asText();
    assertThat(bind("lena", other, user).getStatusCode())
        .as("one organisation per user")
        .isEqualTo(HttpStatus.CONFLICT);
    assertThat(
            representative
                .getForEntity("/api/v1/organisations/" + other, String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void namesAreUniqueWhateverTheirCaseAndSpacingAndTheDatabaseHoldsToIt() {
    String name = "Case Watch " + RUN;
    assertThat(
            post(as("lena"), "/api/v1/organisations", Map.of("name", name, "mandateType", "NGO"))
                .getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
    for (String variant :
        List.of(
            name.toUpperCase(Locale.ROOT),
            "  " + name.replace(" ", " \t  ") + " ",
            name.toLowerCase(Locale.ROOT))) {
      ResponseEntity<String> duplicate =
          post(as("lena"), "/api/v1/organisations", Map.of("name", variant, "mandateType", "NGO"));
      assertThat(duplicate.getStatusCode()).as(variant).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(duplicate.getBody()).contains("\"field\":\"name\"");
    }
    // whoever writes, not only the API
    assertThatThrownBy(
            () ->
                organisations.save(
                    new Organisation(" case  WATCH " + RUN, MandateType.NGO, Instant.now())))
        .isInstanceOf(DataIntegrityViolationException.class);
  }

  private ResponseEntity<String> bind(String user, String organisation, String member) {
    return as(user)
        .exchange(
            "/api/v1/organisations/" + organisation + "/members/" + member,
            HttpMethod.PUT,
            null,
            String.class);
  }

  private static ResponseEntity<String> post(TestRestTemplate client, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return client.postForEntity(path, new HttpEntity<>(body, headers), String.class);
  }
}
