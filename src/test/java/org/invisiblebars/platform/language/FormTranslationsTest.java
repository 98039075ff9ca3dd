package org.invisiblebars.platform.language;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Every text of every form in {@code forms/} is translated into French and Spanish, keeping its
 * placeholders and link targets; no catalogue keeps a text no form has any more; and a translated
 * form changes only the words people read.
 */
class FormTranslationsTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^}]*}}");
  private static final Pattern LINK_TARGET = Pattern.compile("]\\(([^)]*)\\)");

  private final FormTranslations translations = new FormTranslations();

  @Test
  void everyTextOfEveryFormIsTranslatedIntoEveryOtherLanguage() throws IOException {
    SoftAssertions softly = new SoftAssertions();
    List<Path> forms = forms();
    assertThat(forms).hasSizeGreaterThan(20);
    for (Path form : forms) {
      JsonNode tree = JSON.readTree(form.toFile());
      String id = tree.get("id").asText();
      List<String> texts = FormTranslations.texts(tree);
      for (Locale language : Languages.SUPPORTED) {
        if (language.equals(Locale.ENGLISH)) {
          continue;
        }
        Map<String, String> catalogue = translations.catalogue(language.getLanguage(), id);
        softly
            .assertThat(catalogue.keySet())
            .as("%s in %s: the form's texts, no more", id, language)
            .containsExactlyInAnyOrderElementsOf(texts);
        for (String text : texts) {
          String translated = catalogue.getOrDefault(text, "");
          softly.assertThat(translated).as("%s in %s: %s", id, language, text).isNotBlank();
          softly
              .assertThat(all(PLACEHOLDER, translated))
              .as("%s in %s, placeholders of: %s", id, language, text)
              .isEqualTo(all(PLACEHOLDER, text));
          softly
              .assertThat(all(LINK_TARGET, translated))
              .as("%s in %s, links of: %s", id, language, text)
              .isEqualTo(all(LINK_TARGET, text));
        }
      }
    }
    softly.assertAll();
  }

  @Test
  void aTranslatedFormChangesOnlyTheWordsPeopleRead() throws IOException {
    Path path = Path.of("forms", "check-application-completeness.form");
    byte[] english = Files.readAllBytes(path);
    JsonNode french = JSON.readTree(translations.translate(english, Locale.FRENCH));
    Map<String, String> catalogue = translations.catalogue("fr", "check-application-completeness");

    List<String> words = new ArrayList<>();
    FormTranslations.eachText(french, text -> words.add(text.value()));
    List<String> expected =
        FormTranslations.texts(JSON.readTree(english)).stream().map(catalogue::get).toList();
    assertThat(words).containsAll(expected).doesNotContain("Is the application complete?");
    assertThat(blanked(french)).isEqualTo(blanked(JSON.readTree(english)));
  }

  @Test
  void englishAndFormsWithoutACatalogueStayAsTheyAre() {
    byte[] form =
        """
        {"id":"not-ours","components":[{"type":"textfield","key":"a","label":"Name"}]}
        """
            .getBytes(StandardCharsets.UTF_8);
    assertThat(translations.translate(form, Locale.ENGLISH)).isSameAs(form);
    assertThat(translations.translate(form, Locale.FRENCH)).isSameAs(form);
    assertThat(translations.translate("<form>embedded</form>".getBytes(), Locale.FRENCH))
        .asString()
        .isEqualTo("<form>embedded</form>");
  }

  @Test
  void aFormIdNeverNamesAPathOrAnotherLanguage() {
    assertThat(translations.catalogue("fr", "../../application")).isEmpty();
    assertThat(translations.catalogue("fr", "a.b")).isEmpty();
    assertThat(translations.catalogue("de", "check-application-completeness")).isEmpty();
    assertThat(translations.catalogue("fr", "check-application-completeness")).isNotEmpty();
  }

  @Test
  void aTextWithoutItsTranslationStaysInEnglish() throws IOException {
    byte[] form =
        """
        {"id":"check-application-completeness","components":[
          {"type":"textfield","key":"a","label":"A label a process owner just rewrote"},
          {"type":"radio","key":"completeness","label":"Is the application complete?",
           "values":[{"label":"Something new","value":"NEW"}]}]}
        """
            .getBytes(StandardCharsets.UTF_8);
    JsonNode french = JSON.readTree(translations.translate(form, Locale.FRENCH));
    assertThat(french.at("/components/0/label").asText())
        .isEqualTo("A label a process owner just rewrote");
    assertThat(french.at("/components/1/label").asText())
        .isNotEqualTo("Is the application complete?");
    assertThat(french.at("/components/1/values/0/label").asText()).isEqualTo("Something new");
  }

  private static JsonNode blanked(JsonNode form) {
    JsonNode copy = form.deepCopy();
    FormTranslations.eachText(copy, text -> text.owner().put(text.property(), ""));
    return copy;
  }

  private static List<String> all(Pattern pattern, String text) {
    List<String> found = new ArrayList<>();
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group());
    }
    return found.stream().sorted().toList();
  }

  private static List<Path> forms() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("forms"))) {
      return files.filter(f -> f.toString().endsWith(".form")).sorted().toList();
    }
  }
}
