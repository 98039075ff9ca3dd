package org.invisiblebars.platform.language;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.invisiblebars.platform.identity.UserPreferences;
import org.invisiblebars.platform.identity.UserPreferences.Digest;
import org.invisiblebars.platform.identity.UserPreferences.Preference;
import org.invisiblebars.support.AccreditedOrganisations;
import org.invisiblebars.support.ApiTest;
import org.invisiblebars.support.StaffUsers;
import org.invisiblebars.support.WebappSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * A task's Camunda Form reaches Tasklist in its reader's language: the language a staff member
 * stored at {@code /sla/settings}, else the browser's; the form's keys, option values and rules
 * never change, only the words people read.
 */
class TranslatedFormsIT extends ApiTest {

  private static final String FORM = "check-application-completeness";
  private static final String QUESTION = "Is the application complete?";
  private static final String COMPLETE = "Complete \u2014 go on to rate the accreditation criteria";

  @Autowired IdentityService identityService;
  @Autowired UserPreferences preferences;
  @Autowired FormTranslations translations;

  private String taskId;

  @BeforeEach
  void aTaskWithAForm() {
    taskId = engine.awaitTaskId("lena", applied(), "Task_CheckApplicationCompleteness");
  }

  @Test
  void tasklistShowsTheFormInTheLanguageItsReaderChose() throws IOException {
    String officer = StaffUsers.ensure(identityService, "liaisonfr", "ngo-liaison");
    preferences.save(officer, new Preference(Locale.FRENCH, Digest.IMMEDIATE, true));
    WebappSession tasklist = new WebappSession(baseUrl());
    assertThat(tasklist.login(officer, AccreditedOrganisations.PASSWORD, "tasklist"))
        .isEqualTo(200);

    HttpResponse<String> form =
        tasklist.get("/camunda/api/engine/engine/default/task/" + taskId + "/deployed-form");

    assertThat(form.statusCode()).as(form.body()).isEqualTo(200);
    assertThat(form.headers().firstValue("Content-Language")).hasValue("fr");
    JsonNode french = engine.read(form.body());
    Map<String, String> catalogue = translations.catalogue("fr", FORM);
    assertThat(catalogue.get(QUESTION)).isNotBlank().isNotEqualTo(QUESTION);
    JsonNode completeness = component(french, "completeness");
    assertThat(completeness.get("label").asText()).isEqualTo(catalogue.get(QUESTION));
    assertThat(completeness.get("values").get(0).get("label").asText())
        .isEqualTo(catalogue.get(COMPLETE));
    assertThat(completeness.get("values").get(0).get("value").asText()).isEqualTo("COMPLETE");
    assertThat(words(french)).as("every text is French").doesNotContain(QUESTION, COMPLETE);
    assertThat(withoutWords(french)).as("keys, values and rules unchanged").isEqualTo(original());
  }

  @Test
  void theEngineRestApiAnswersInTheBrowsersLanguageElseInEnglish() throws IOException {
    HttpHeaders spanish = new HttpHeaders();
    spanish.set(HttpHeaders.ACCEPT_LANGUAGE, "es-ES,es;q=0.9,en;q=0.5");
    ResponseEntity<String> inSpanish =
        as("lena")
            .exchange(
                "/engine-rest/task/" + taskId + "/deployed-form",
                HttpMethod.GET,
                new HttpEntity<>(spanish),
                String.class);
    assertThat(inSpanish.getStatusCode().value()).isEqualTo(200);
    assertThat(component(engine.read(inSpanish.getBody()), "completeness").get("label").asText())
        .isEqualTo(translations.catalogue("es", FORM).get(QUESTION))
        .isNotEqualTo(QUESTION);

    ResponseEntity<String> inEnglish =
        as("lena").getForEntity("/engine-rest/task/" + taskId + "/deployed-form", String.class);
    assertThat(engine.read(inEnglish.getBody()))
        .as("the form as deployed")
        .isEqualTo(engine.read(Files.readString(Path.of("forms", FORM + ".form"))));
  }

  @Test
  void theFormOfATaskThatDoesNotExistIsNotFoundOnBothApis() {
    ResponseEntity<String> rest =
        as("lena").getForEntity("/engine-rest/task/no-such-task/deployed-form", String.class);
    assertThat(rest.getStatusCode().value()).as(rest.getBody()).isEqualTo(404);
    assertThat(rest.getBody()).contains("No task no-such-task").doesNotContain("NullPointer");

    WebappSession tasklist = new WebappSession(baseUrl());
    tasklist.login("lena", "demo", "tasklist");
    HttpResponse<String> webapp =
        tasklist.get("/camunda/api/engine/engine/default/task/no-such-task/deployed-form");
    assertThat(webapp.statusCode()).as(webapp.body()).isEqualTo(404);
    assertThat(
            as("sam")
                .getForEntity("/engine-rest/task/" + taskId + "/deployed-form", String.class)
                .getStatusCode()
                .value())
        .as("a task security may not see: the engine's own answer")
        .isEqualTo(403);
  }

  private JsonNode original() throws IOException {
    return withoutWords(engine.read(Files.readString(Path.of("forms", FORM + ".form"))));
  }

  /** {@code form} with every text people read blanked: what must not change with the language. */
  private static JsonNode withoutWords(JsonNode form) {
    JsonNode copy = form.deepCopy();
    FormTranslations.eachText(copy, text -> text.owner().put(text.property(), ""));
    return copy;
  }

  private static List<String> words(JsonNode form) {
    List<String> words = new ArrayList<>();
    FormTranslations.eachText(form, text -> words.add(text.value()));
    return words;
  }

  private static JsonNode component(JsonNode form, String key) {
    List<JsonNode> found = new ArrayList<>();
    find(form, key, found);
    assertThat(found).as(key).hasSize(1);
    return found.get(0);
  }

  private static void find(JsonNode node, String key, List<JsonNode> found) {
    for (JsonNode component : node.path("components")) {
      if (key.equals(component.path("key").asText())) {
        found.add(component);
      }
      find(component, key, found);
    }
  }
}
