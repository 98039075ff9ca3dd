package org.invisiblebars.report.domain;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.invisiblebars.platform.validation.InvalidInputException.FieldProblem;

/**
 * The safety net under the redactor: a public text is refused when it contains a name the system
 * knows (the organisations' representatives, the staff users of the user directory, the people the
 * report names) or a sentence of the allegation's details. A name matches as whole words, whatever
 * the case, accents, punctuation and spacing ("ANNA o'neil" matches "Anna O'Neil").
 *
 * <p>What it cannot catch, so the redactor and the organisation's consent remain the real guard: a
 * person the system does not know (a prisoner the report did not list, a visitor, a relative); a
 * first name or surname alone, a nickname, initials, a misspelling or another transliteration; a
 * description that identifies someone without naming them ("the only woman on the night shift",
 * "the prisoner in cell 12"); an allegation retold in other words than the NGO's.
 */
public final class PublicTextCheck {

  /** A sentence of the allegation shorter than this many words is too common to refuse on. */
  static final int MIN_SENTENCE_WORDS = 5;

  private static final Pattern SENTENCE_END = Pattern.compile("[.!?;\\n]+");
  private static final Pattern NOT_A_LETTER = Pattern.compile("[^\\p{L}\\p{Nd}]+");

  private PublicTextCheck() {}

  /**
   * Every problem of {@code text}, by field: each known name it contains, and whether it repeats
   * the allegation. Empty when the text may be shown as the preview.
   */
  public static List<FieldProblem> problems(
      PublicText text, Collection<String> knownNames, String allegationDetails) {
    List<String> sentences = sentences(allegationDetails);
    List<FieldProblem> problems = new ArrayList<>();
    for (Map.Entry<String, String> field : text.byField().entrySet()) {
      if (field.getValue() == null || field.getValue().isBlank()) {
        continue;
      }
      String words = " " + words(field.getValue()) + " ";
      TreeSet<String> named = new TreeSet<>();
      for (String name : knownNames) {
        String wanted = words(name);
        if (!wanted.isEmpty() && words.contains(" " + wanted + " ")) {
          named.add(name.strip());
        }
      }
      if (!named.isEmpty()) {
        problems.add(
            new FieldProblem(
                field.getKey(),
                "names a person, which a public text must not: " + String.join(", ", named)));
      }
      if (sentences.stream().anyMatch(s -> words.contains(" " + s + " "))) {
        problems.add(
            new FieldProblem(
                field.getKey(),
                "repeats the allegation, which is never part of the public version"));
      }
    }
    return problems;
  }

  /** The allegation's sentences long enough to be recognised, as comparable words. */
  private static List<String> sentences(String allegationDetails) {
    if (allegationDetails == null) {
      return List.of();
    }
    return SENTENCE_END
        .splitAsStream(allegationDetails)
        .map(PublicTextCheck::words)
        .filter(s -> s.split(" ").length >= MIN_SENTENCE_WORDS)
        .toList();
  }

  /**
   * Lower case, without accents, punctuation or repeated spaces: "Anna O'Neil" as "anna o neil".
   */
  static String words(String text) {
    String plain =
        Normalizer.normalize(text, Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT);
    return NOT_A_LETTER.matcher(plain).replaceAll(" ").strip();
  }
}
