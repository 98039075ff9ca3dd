package org.invisiblebars.portal.adapter.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.invisiblebars.platform.language.ProblemTexts;
import org.invisiblebars.platform.validation.InvalidInputException.FieldProblem;

/**
 * The problems a use case found in a form, as a GOV.UK page shows them: the error summary (each
 * problem a link to its field) and the message under each field. The use cases name fields as our
 * API does ({@code recommendations[2].text}); a page's element ids cannot be read as CSS selectors
 * with brackets and dots, so each field is anchored at {@code recommendations-2-text}.
 *
 * @param list the summary's problems, in the order of the form
 * @param byAnchor the first message of each field, by the id of its element
 */
record FieldErrors(List<Error> list, Map<String, String> byAnchor) {

  static final FieldErrors NONE = new FieldErrors(List.of(), Map.of());

  /** The problems, each written as {@code label} names its field followed by what is wrong. */
  static FieldErrors of(List<FieldProblem> problems, Function<String, String> label) {
    List<Error> errors =
        problems.stream()
            .map(
                p ->
                    new Error(
                        p.field(),
                        anchor(p.field()),
                        label.apply(p.field()) + " " + ProblemTexts.inPageLanguage(p.problem())))
            .toList();
    Map<String, String> byAnchor = new LinkedHashMap<>();
    errors.forEach(e -> byAnchor.putIfAbsent(e.anchor(), e.message()));
    return new FieldErrors(errors, byAnchor);
  }

  /**
   * The id of a field's element: {@code recommendations[2].text} is {@code recommendations-2-text}.
   */
  static String anchor(String field) {
    return field.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("-$", "");
  }

  public boolean isEmpty() {
    return list.isEmpty();
  }

  /** Whether the field anchored at {@code anchor} has a problem. */
  public boolean has(String anchor) {
    return byAnchor.containsKey(anchor);
  }

  /** The message of the field anchored at {@code anchor}, or null. */
  public String of(String anchor) {
    return byAnchor.get(anchor);
  }

  /** One problem: the field as the use case names it, its element's id, the sentence shown. */
  record Error(String field, String anchor, String message) {}
}
