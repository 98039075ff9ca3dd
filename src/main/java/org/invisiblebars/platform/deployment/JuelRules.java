package org.invisiblebars.platform.deployment;

import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.impl.juel.AstBinary;
import org.camunda.bpm.impl.juel.AstBoolean;
import org.camunda.bpm.impl.juel.AstChoice;
import org.camunda.bpm.impl.juel.AstComposite;
import org.camunda.bpm.impl.juel.AstEval;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstNested;
import org.camunda.bpm.impl.juel.AstNode;
import org.camunda.bpm.impl.juel.AstNull;
import org.camunda.bpm.impl.juel.AstNumber;
import org.camunda.bpm.impl.juel.AstProperty;
import org.camunda.bpm.impl.juel.AstString;
import org.camunda.bpm.impl.juel.AstText;
import org.camunda.bpm.impl.juel.AstUnary;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilder;
import org.camunda.bpm.impl.juel.TreeBuilderException;

/**
 * The JUEL rules for a process owner's model, on the syntax tree of the engine's own JUEL parser
 * (camunda-juel, an internal package: this class is its only user). Where the engine evaluates a
 * value (conditions, I/O mappings, timers, due dates, names, DMN entries in JUEL) an expression may
 * read variables and use literals and operators: no method call, no property access (so nothing
 * reachable from {@code execution} or {@code task}), no function, no bean. Where it resolves a
 * delegate (delegate expressions, listeners) it must be exactly {@code ${bean}} of a bean published
 * for models.
 */
final class JuelRules {

  /** Parses as the engine does: JUEL with method invocations and varargs. */
  private static final TreeBuilder PARSER =
      new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS);

  /** Names the engine resolves to its own objects before any variable. */
  static final Set<String> ENGINE_OBJECTS =
      Set.of("execution", "task", "caseExecution", "externalTask");

  private static final Set<Class<? extends AstNode>> VALUES =
      Set.of(
          AstComposite.class,
          AstEval.class,
          AstText.class,
          AstNested.class,
          AstBinary.class,
          AstUnary.class,
          AstChoice.class,
          AstIdentifier.class,
          AstBoolean.class,
          AstNull.class,
          AstNumber.class,
          AstString.class);

  private final Set<String> publishedBeans;

  JuelRules(Set<String> publishedBeans) {
    this.publishedBeans = publishedBeans;
  }

  /** Why the value expression does more than read variables and combine literals, if it does. */
  Optional<String> valueProblem(String expression) {
    try {
      return problem(PARSER.build(expression).getRoot());
    } catch (TreeBuilderException invalid) {
      return Optional.of(invalid(invalid));
    }
  }

  /**
   * Why the delegate expression is not exactly {@code ${bean}} of a published bean, if it is not.
   */
  Optional<String> delegateProblem(String expression) {
    Node root;
    try {
      root = PARSER.build(expression.trim()).getRoot();
    } catch (TreeBuilderException invalid) {
      return Optional.of(invalid(invalid));
    }
    if (root instanceof AstEval eval && eval.getChild(0) instanceof AstIdentifier bean) {
      return publishedBeans.contains(bean.getName())
          ? Optional.empty()
          : Optional.of("'" + bean.getName() + "' is not a bean published for models");
    }
    return Optional.of(
        "only ${bean} naming a bean published for models may be used here, nothing else");
  }

  private static String invalid(TreeBuilderException invalid) {
    return "is not a valid expression (" + invalid.getMessage() + ")";
  }

  private Optional<String> problem(Node node) {
    if (node instanceof AstMethod) {
      return Optional.of(
          "calls the method "
              + text(node)
              + "; only variables, literals and operators are allowed");
    }
    if (node instanceof AstProperty) {
      return Optional.of(
          "reads "
              + text(node)
              + " from an object; only variables, literals and operators are allowed");
    }
    if (node instanceof AstFunction function) {
      return Optional.of(
          "calls the function "
              + function.getName()
              + "(); only variables, literals and operators are allowed");
    }
    if (node instanceof AstIdentifier identifier) {
      if (ENGINE_OBJECTS.contains(identifier.getName())) {
        return Optional.of(
            "uses the engine's '" + identifier.getName() + "' object; only variables may be read");
      }
      if (publishedBeans.contains(identifier.getName())) {
        return Optional.of(
            "names the bean '"
                + identifier.getName()
                + "'; beans belong in delegate expressions and listeners");
      }
    }
    if (!VALUES.contains(node.getClass())) {
      return Optional.of(
          "uses "
              + node.getClass().getSimpleName()
              + ", which is not a variable, literal or operator");
    }
    for (int i = 0; i < node.getCardinality(); i++) {
      Optional<String> problem = problem(node.getChild(i));
      if (problem.isPresent()) {
        return problem;
      }
    }
    return Optional.empty();
  }

  private static String text(Node node) {
    StringBuilder text = new StringBuilder();
    ((AstNode) node).appendStructure(text, null);
    return text.toString();
  }
}
