package org.invisiblebars.accreditation.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.invisiblebars.organisation.domain.MandateType;
import org.invisiblebars.organisation.domain.Representative;
import org.invisiblebars.organisation.domain.RepresentativeRepository;
import org.invisiblebars.support.AccreditedOrganisations.Accredited;
import org.invisiblebars.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * {@code GET /api/v1/organisations/{id}/representatives}: the organisation's own users and staff
 * read its representatives with their vetting; another organisation reads nothing.
 */
class RepresentativesApiIT extends ApiTest {

  @Autowired RepresentativeRepository representatives;

  @Test
  void theOrganisationReadsItsRepresentativesWithTheirVetting() {
    Accredited ngo = fixture.accredited(MandateType.NGO, 2);
    String application = appliedBy(ngo);
    UUID unnamed =
        representatives
            .save(new Representative(ngo.organisationId(), "Zoe Unnamed", "Interpreter"))
            .getId();

    JsonNode read = engine.read(get(ngo.user(), ngo.organisationId()).getBody());

    Map<String, JsonNode> byName = byName(read);
    assertThat(byName).hasSize(4).containsKeys("Ana Reyes", "Zoe Unnamed");
    JsonNode alice = byId(read, ngo.alice());
    assertThat(alice.get("vetting").asText()).isEqualTo("CLEARED");
    assertThat(alice.get("role").asText()).isEqualTo("Monitor");
    assertThat(alice.get("vettedFor").asText()).startsWith("ACC-");
    JsonNode applied = byName.get("Ana Reyes");
    assertThat(applied.get("vetting").asText()).isEqualTo("PENDING");
    assertThat(applied.get("vettedFor").asText())
        .isEqualTo(
            engine
                .read(
                    user(ngo.user())
                        .getForObject("/api/v1/accreditations/" + application, String.class))
                .get("reference")
                .asText());
    JsonNode none = byId(read, unnamed);
    assertThat(none.get("vetting").asText()).isEqualTo("NOT_NAMED");
    assertThat(none.path("vettedFor").asText(null)).isNull();
    assertThat(none.get("fullName").asText()).isEqualTo("Zoe Unnamed");
  }

  @Test
  void staffReadAnyOrganisationsRepresentatives() {
    Accredited ngo = fixture.accredited(MandateType.NGO, 2);

    for (String staff : new String[] {"lena", "sam", "martha"}) {
      ResponseEntity<String> answer = get(staff, ngo.organisationId());
      assertThat(answer.getStatusCode()).as(staff).isEqualTo(HttpStatus.OK);
      assertThat(engine.read(answer.getBody()).size()).as(staff).isEqualTo(2);
    }
  }

  @Test
  void anotherOrganisationGetsNotFoundAsForAnUnknownOne() {
    Accredited ngo = fixture.accredited(MandateType.NGO, 1);
    Accredited other = fixture.accredited(MandateType.NGO, 1);

    ResponseEntity<String> others = get(other.user(), ngo.organisationId());
    ResponseEntity<String> unknown = get("lena", UUID.randomUUID());

    assertThat(others.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(others.getBody()).doesNotContain("Alice");
    assertProblem(others);
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    ResponseEntity<String> malformed =
        user("lena").getForEntity("/api/v1/organisations/nope/representatives", String.class);
    assertThat(malformed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(malformed.getBody()).contains("\"field\":\"id\"");
  }

  private ResponseEntity<String> get(String user, UUID organisation) {
    return user(user)
        .getForEntity("/api/v1/organisations/" + organisation + "/representatives", String.class);
  }

  private static Map<String, JsonNode> byName(JsonNode list) {
    Map<String, JsonNode> byName = new HashMap<>();
    list.forEach(r -> byName.put(r.get("fullName").asText(), r));
    return byName;
  }

  private static JsonNode byId(JsonNode list, UUID id) {
    for (JsonNode r : list) {
      if (r.get("id").asText().equals(id.toString())) {
        return r;
      }
    }
    throw new AssertionError("no representative " + id + " in " + list);
  }
}
