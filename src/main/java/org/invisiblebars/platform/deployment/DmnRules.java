package org.invisiblebars.platform.deployment;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.xml.namespace.QName;

/**
 * The rules for a process owner's DMN file: every expression language is FEEL or JUEL (any other
 * name runs a script engine), and every input expression, input entry, output entry and literal
 * expression only reads variables and uses literals and operators, checked in the language the DMN
 * engine will evaluate it in.
 */
final class DmnRules extends ModelXml {

  /** Elements whose {@code text} the DMN engine evaluates. */
  private static final Set<String> EVALUATED =
      Set.of("inputExpression", "inputEntry", "outputEntry", "literalExpression");

  /**
   * The FEEL names the DMN engine of 7.24 accepts; anything but these and "juel" is a script
   * language.
   */
  private static final Set<String> FEEL =
      Set.of(
          "https://www.omg.org/spec/DMN/20191111/FEEL/",
          "http://www.omg.org/spec/FEEL/20140401",
          "http://www.omg.org/spec/DMN/20180521/FEEL/",
          "https://www.omg.org/spec/DMN/20211108/FEEL/",
          "https://www.omg.org/spec/DMN/20230324/FEEL/");

  private final JuelRules juel;
  private final FeelRules feel;
  private final DmnLanguages defaults;

  /**
   * The definitions' expression language, when it is not FEEL (the engine then uses its defaults).
   */
  private String global;

  DmnRules(
      String resource,
      List<Offence> offences,
      JuelRules juel,
      FeelRules feel,
      DmnLanguages defaults) {
    super(resource, offences);
    this.juel = juel;
    this.feel = feel;
    this.defaults = defaults;
  }

  @Override
  void start(Element element) {
    String language = element.attribute("expressionLanguage");
    if (language == null) {
      return;
    }
    if (!isFeel(language) && !isJuel(language)) {
      offend(
          element,
          written(element, new QName("expressionLanguage"), language),
          "only FEEL and JUEL may be used: any other language runs a script, which process owners may not deploy");
    } else if (element.local().equals("definitions") && !isFeel(language)) {
      global = language;
    }
  }

  @Override
  void end(Element element) {
    Element owner = element.parent;
    String text = element.text.toString();
    if (!element.local().equals("text")
        || owner == null
        || !EVALUATED.contains(owner.local())
        || text.isBlank()) {
      return;
    }
    String language =
        Optional.ofNullable(owner.attribute("expressionLanguage"))
            .or(() -> Optional.ofNullable(global))
            .orElse(defaults.of(owner.local()));
    Optional<String> problem;
    if (isFeel(language)) {
      problem =
          owner.local().equals("inputEntry")
              ? feel.unaryTestsProblem(text)
              : feel.expressionProblem(text);
    } else if (isJuel(language)) {
      problem = juel.valueProblem(isExpression(text) ? text : "${" + text + "}");
    } else {
      return; // refused with its expressionLanguage attribute
    }
    problem.ifPresent(why -> offend(owner, owner.local() + " \"" + text.strip() + "\"", why));
  }

  static boolean isFeel(String language) {
    return FEEL.contains(language) || language.toLowerCase(Locale.ROOT).equals("feel");
  }

  static boolean isJuel(String language) {
    return language.equalsIgnoreCase("juel");
  }

  /**
   * The languages the DMN engine uses where a file names none (FEEL everywhere in 7.24, unless
   * legacy mode).
   */
  record DmnLanguages(
      String inputExpression, String inputEntry, String outputEntry, String literalExpression) {

    static final DmnLanguages FEEL_EVERYWHERE = new DmnLanguages("feel", "feel", "feel", "feel");

    String of(String element) {
      return switch (element) {
        case "inputExpression" -> inputExpression;
        case "inputEntry" -> inputEntry;
        case "outputEntry" -> outputEntry;
        default -> literalExpression;
      };
    }
  }
}
