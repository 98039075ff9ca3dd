package org.invisiblebars.platform.language;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.invisiblebars.support.IntegrationTest;
import org.invisiblebars.support.TasklistBrowser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.core.io.ClassPathResource;

/**
 * Tasklist's own interface in the browser's language: a browser set to French or Spanish gets
 * Tasklist's words in it, with every key of 7.24's English file translated.
 */
class TasklistLanguagesBrowserIT extends IntegrationTest {

  private static final String LOCALES = "META-INF/resources/webjars/camunda/app/tasklist/locales/";

  @ParameterizedTest
  @ValueSource(strings = {"fr", "es"})
  void aBrowserInFrenchOrSpanishGetsTasklistInIt(String language) throws IOException {
    JsonNode words = read(LOCALES + language + ".json").get("labels");
    String startProcess = words.get("START_PROCESS").asText();
    assertThat(startProcess)
        .isNotEqualTo(read(LOCALES + "en.json").at("/labels/START_PROCESS").asText());

    try (TasklistBrowser browser = TasklistBrowser.start(language)) {
      browser.logIn(baseUrl(), "lena", "demo");
      browser.await(
          "tasklist-in-" + language,
          ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), startProcess));
      browser.screenshot("tasklist-interface-" + language);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"fr", "es"})
  void everyKeyOfTheEnglishInterfaceIsTranslated(String language) throws IOException {
    assertThat(keys(read(LOCALES + language + ".json"), ""))
        .containsExactlyInAnyOrderElementsOf(keys(read(LOCALES + "en.json"), ""));
  }

  private static JsonNode read(String path) throws IOException {
    try (InputStream in = new ClassPathResource(path).getInputStream()) {
      byte[] bytes = in.readAllBytes();
      int start = bytes.length >= 3 && bytes[0] == (byte) 0xEF ? 3 : 0; // the English file's BOM
      return JsonMapper.builder().build().readTree(bytes, start, bytes.length - start);
    }
  }

  private static List<String> keys(JsonNode node, String prefix) {
    List<String> keys = new ArrayList<>();
    node.properties()
        .forEach(
            entry -> {
              if (entry.getValue().isObject()) {
                keys.addAll(keys(entry.getValue(), prefix + entry.getKey() + "."));
              } else {
                keys.add(prefix + entry.getKey());
              }
            });
    return keys;
  }
}
