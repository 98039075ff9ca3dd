package org.invisiblebars.platform.language;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The problem texts of our rules in the page's language ({@code ${@problems.text(e.problem())}}). A
 * use case refuses input with a field and a problem in English ("must be in the future", "names
 * someone twice"): the API answers them as they are, and our pages show them after the field's
 * translated label. Bean Validation's messages are translated by its own bundles ({@code
 * ValidationMessages}); the texts our use cases write are translated here, from catalogues {@code
 * messages/problems/LANGUAGE.json} keyed by the English text, as the forms' texts are ({@link
 * FormTranslations}). A key may hold placeholders {@code {0}}, {@code {1}} … for the parts a rule
 * fills in (a date, a zone, a list of names), which the translation places where its grammar needs
 * them. A text with no entry stays in English: never a wrong translation.
 *
 * <p>Hand-written rather than a library: the texts come from code as finished sentences, not as
 * message keys, and matching them against a few dozen patterns is a few lines.
 */
@Component("problems")
public class ProblemTexts {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d)}");

  /** One entry of a catalogue: its English text as a pattern, and its translation. */
  private record Entry(Pattern english, String translated) {}

  private static final Map<String, List<Entry>> CATALOGUES = new ConcurrentHashMap<>();

  /** {@code problem} in the language of the request being answered (for the templates). */
  public String text(String problem) {
    return inPageLanguage(problem);
  }

  /** {@code problem} in the language of the request being answered. */
  public static String inPageLanguage(String problem) {
    return of(problem, LocaleContextHolder.getLocale());
  }

  /** {@code problem} in {@code language}; as it is when English, unknown or without an entry. */
  public static String of(String problem, Locale language) {
    String in = Languages.of(language).getLanguage();
    if (problem == null || Locale.ENGLISH.getLanguage().equals(in)) {
      return problem;
    }
    for (Entry entry : CATALOGUES.computeIfAbsent(in, ProblemTexts::read)) {
      Matcher matched = entry.english().matcher(problem);
      if (matched.matches()) {
        Matcher slots = PLACEHOLDER.matcher(entry.translated());
        StringBuilder written = new StringBuilder();
        while (slots.find()) {
          int group = Integer.parseInt(slots.group(1)) + 1;
          slots.appendReplacement(
              written,
              Matcher.quoteReplacement(
                  group <= matched.groupCount() ? matched.group(group) : slots.group()));
        }
        slots.appendTail(written);
        return written.toString();
      }
    }
    return problem;
  }

  /** The English texts of the catalogue of {@code language}, as written (for the tests). */
  static List<String> keys(String language) {
    List<String> keys = new ArrayList<>();
    catalogue(language).fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  /** The translations of {@code language}, as written (for the tests). */
  static JsonNode catalogue(String language) {
    ClassPathResource resource = new ClassPathResource("messages/problems/" + language + ".json");
    if (!resource.exists()) {
      return JSON.createObjectNode();
    }
    try (InputStream in = resource.getInputStream()) {
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("the problem texts " + resource + " are not JSON", e);
    }
  }

  /** The entries of {@code language}, the longest English text first (the most specific). */
  private static List<Entry> read(String language) {
    List<Entry> entries = new ArrayList<>();
    catalogue(language)
        .properties()
        .forEach(
            text -> {
              if (text.getValue().isTextual() && !text.getValue().asText().isEmpty()) {
                entries.add(new Entry(pattern(text.getKey()), text.getValue().asText()));
              }
            });
    entries.sort(Comparator.comparingInt((Entry e) -> e.english().pattern().length()).reversed());
    return List.copyOf(entries);
  }

  /** The English text as a pattern: its words literally, each placeholder any text. */
  static Pattern pattern(String english) {
    StringBuilder regex = new StringBuilder();
    Matcher slots = PLACEHOLDER.matcher(english);
    int at = 0;
    int slot = 0;
    while (slots.find()) {
      if (Integer.parseInt(slots.group(1)) != slot) {
        throw new IllegalStateException(
            "the placeholders of a problem text are {0}, {1} … in order: " + english);
      }
      regex.append(Pattern.quote(english.substring(at, slots.start()))).append("(.+?)");
      at = slots.end();
      slot++;
    }
    regex.append(Pattern.quote(english.substring(at)));
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }
}
