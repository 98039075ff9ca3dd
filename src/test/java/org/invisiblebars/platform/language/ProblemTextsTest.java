package org.invisiblebars.platform.language;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Our rules' problem texts in French and Spanish: every catalogue has the same texts, each
 * translated with the same placeholders; a text is matched with the parts a rule filled in, and a
 * text without an entry stays as it is.
 */
class ProblemTextsTest {

  private static final Locale SPANISH = Locale.forLanguageTag("es");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d}");

  @Test
  void everyCatalogueTranslatesTheSameTextsWithTheirPlaceholders() {
    List<String> english = ProblemTexts.keys("fr");
    assertThat(english).hasSizeGreaterThan(50);
    assertThat(ProblemTexts.keys("es")).containsExactlyElementsOf(english);
    for (String language : List.of("fr", "es")) {
      JsonNode catalogue = ProblemTexts.catalogue(language);
      for (String text : english) {
        String translated = catalogue.get(text).asText();
        assertThat(translated).as("%s: %s", language, text).isNotBlank().isNotEqualTo(text);
        assertThat(placeholders(translated))
            .as("%s: %s", language, text)
            .isEqualTo(placeholders(text));
        assertThat(ProblemTexts.pattern(text).matcher(text).matches()).isTrue();
      }
    }
  }

  @Test
  void aTextIsTranslatedWithThePartsItsRuleFilledIn() {
    JsonNode french = ProblemTexts.catalogue("fr");
    assertThat(ProblemTexts.of("must be in the future", Locale.FRENCH))
        .isEqualTo(french.get("must be in the future").asText());
    String sameDay =
        ProblemTexts.of("must be on the same day as windowStart (Europe/Lisbon)", SPANISH);
    assertThat(sameDay)
        .isEqualTo(
            ProblemTexts.catalogue("es")
                .get("must be on the same day as windowStart ({0})")
                .asText()
                .replace("{0}", "Europe/Lisbon"));
    assertThat(ProblemTexts.of("a visit lasts at most 8 hours", Locale.FRENCH)).contains("8");
  }

  @Test
  void englishAndTextsWithoutAnEntryStayAsTheyAre() {
    assertThat(ProblemTexts.of("must be in the future", Locale.ENGLISH))
        .isEqualTo("must be in the future");
    assertThat(ProblemTexts.of("a text no rule writes", Locale.FRENCH))
        .isEqualTo("a text no rule writes");
    assertThat(ProblemTexts.of("must be in the future", Locale.GERMAN))
        .as("a language we do not write in is English")
        .isEqualTo("must be in the future");
    assertThat(ProblemTexts.of(null, Locale.FRENCH)).isNull();
  }

  @Test
  void everyProblemTextOurRulesWriteLiterallyHasItsTranslation() throws IOException {
    Pattern literal =
        Pattern.compile(
            "(?:new FieldProblem|InvalidInputException\\.of)\\(\\s*[^,()]+,\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*\\)");
    List<String> english = ProblemTexts.keys("fr");
    List<String> missing = new ArrayList<>();
    int read = 0;
    try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
      for (Path source : sources.filter(f -> f.toString().endsWith(".java")).toList()) {
        Matcher found = literal.matcher(Files.readString(source));
        while (found.find()) {
          String text = found.group(1).replace("\\\"", "\"");
          read++;
          if (!english.contains(text) && !text.matches("[a-z]+(\\.[a-zA-Z-]+)+")) {
            missing.add(source.getFileName() + ": " + text);
          }
        }
      }
    }
    assertThat(read).as("the texts found in the code").isGreaterThan(30);
    assertThat(missing).as("add them to messages/problems/*.json").isEmpty();
  }

  private static List<String> placeholders(String text) {
    List<String> found = new ArrayList<>();
    Matcher matcher = PLACEHOLDER.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group());
    }
    return found.stream().sorted().toList();
  }
}
