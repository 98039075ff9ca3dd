package org.invisiblebars.organisation.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.invisiblebars.support.EngineTasks;
import org.invisiblebars.support.IntegrationTest;
import org.invisiblebars.support.Race;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Registering organisations and binding NGO users under concurrent requests, each race run several
 * times: one organisation per name and one binding per user, whoever asks at the same moment, and
 * every other request answered as it would be on its own (400 naming the field, 409), never 500.
 */
class OrganisationConcurrencyIT extends IntegrationTest {

  private static final int ROUNDS = 3;
  private static final String RUN = Long.toString(System.nanoTime(), 36);

  @Autowired JdbcTemplate jdbc;
  @Autowired IdentityService identityService;
  @Autowired ObjectMapper json;

  @Test
  void theSameNameRegisteredTenTimesAtOnceIsOneOrganisation() throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      String name = "Justice Watch " + RUN + "-" + round;

      List<ResponseEntity<String>> answers =
          Race.times(
              10,
              i ->
                  as(i % 2 == 0 ? "lena" : "admin")
                      .postForEntity(
                          "/api/v1/organisations",
                          EngineTasks.jsonBody(Map.of("name", name, "mandateType", "NGO")),
                          String.class));

      assertThat(answers.stream().map(ResponseEntity::getStatusCode))
          .as(answers.stream().map(ResponseEntity::getBody).toList().toString())
          .containsOnly(HttpStatus.CREATED, HttpStatus.BAD_REQUEST)
          .containsOnlyOnce(HttpStatus.CREATED);
      for (ResponseEntity<String> refused :
          answers.stream().filter(a -> a.getStatusCode() == HttpStatus.BAD_REQUEST).toList()) {
        JsonNode problem = json.readTree(refused.getBody());
        assertThat(problem.get("errors").findValuesAsText("field")).containsExactly("name");
        assertThat(problem.get("errors").findValuesAsText("problem"))
            .singleElement(STRING)
            .startsWith("is already registered");
      }
      assertThat(
              jdbc.queryForObject(
                  "select count(*) from organisation where name = ?", Long.class, name))
          .isOne();
    }
  }

  @Test
  void oneUserBoundAtOnceToOneOrTwoOrganisationsRepresentsOne() throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      String first = registered("Prison Voices " + RUN + "-" + round);
      String second = registered("Cell Watch " + RUN + "-" + round);
      String user = ngoUser("rep" + RUN + round);

      List<ResponseEntity<String>> sameOrganisation =
          Race.times(8, i -> bind(i % 2 == 0 ? "lena" : "admin", first, user));

      assertThat(sameOrganisation)
          .as("binding again to the same organisation changes nothing")
          .allSatisfy(
              a -> assertThat(a.getStatusCode()).as(a.getBody()).isEqualTo(HttpStatus.NO_CONTENT));
      assertThat(
              jdbc.queryForList(
                  "select organisation_id::text from organisation_member where user_id = ?",
                  String.class,
                  user))
          .containsExactly(first);

      String other = ngoUser("rop" + RUN + round);
      List<ResponseEntity<String>> twoOrganisations =
          Race.times(8, i -> bind("lena", i % 2 == 0 ? first : second, other));

      List<String> bound =
          jdbc.queryForList(
              "select organisation_id::text from organisation_member where user_id = ?",
              String.class,
              other);
      assertThat(bound).hasSize(1);
      for (int i = 0; i < twoOrganisations.size(); i++) {
        ResponseEntity<String> answer = twoOrganisations.get(i);
        boolean winner = (i % 2 == 0 ? first : second).equals(bound.get(0));
        assertThat(answer.getStatusCode())
            .as(answer.getBody())
            .isEqualTo(winner ? HttpStatus.NO_CONTENT : HttpStatus.CONFLICT);
        if (!winner) {
          assertThat(json.readTree(answer.getBody()).get("detail").asText())
              .contains("already represents another organisation");
        }
      }
    }
  }

  private String registered(String name) throws Exception {
    ResponseEntity<String> created =
        as("lena")
            .postForEntity(
                "/api/v1/organisations",
                EngineTasks.jsonBody(Map.of("name", name, "mandateType", "NGO")),
                String.class);
    assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
    return json.readTree(created.getBody()).get("id").asText();
  }

  private String ngoUser(String id) {
    User user = identityService.newUser(id);
    user.setPassword("Vt7#Kq2$Lm9!pX");
    identityService.saveUser(user);
    identityService.createMembership(id, "ngo");
    return id;
  }

  private ResponseEntity<String> bind(String staff, String organisation, String user) {
    return as(staff)
        .exchange(
            "/api/v1/organisations/" + organisation + "/members/" + user,
            HttpMethod.PUT,
            null,
            String.class);
  }
}
