package org.invisiblebars.platform.deployment;

import camundajar.impl.scala.Product;
import camundajar.impl.scala.collection.Iterator;
import java.util.Optional;
import java.util.Set;
import org.camunda.feel.FeelEngine;
import org.camunda.feel.api.FailedParseResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;
import org.camunda.feel.syntaxtree.Exp;
import org.camunda.feel.syntaxtree.FunctionDefinition;
import org.camunda.feel.syntaxtree.FunctionInvocation;
import org.camunda.feel.syntaxtree.JavaFunctionInvocation;
import org.camunda.feel.syntaxtree.PathExpression;
import org.camunda.feel.syntaxtree.QualifiedFunctionInvocation;
import org.camunda.feel.syntaxtree.Ref;

/**
 * The FEEL rules for a process owner's DMN table, on the syntax tree of the FEEL-Scala engine that
 * the DMN engine of Camunda 7.24 evaluates with (its public parse API). An entry may read variables
 * and use literals and operators: no function (the engine runs FEEL with external Java functions
 * off, but a function definition or call is refused before it gets there), no path or filter into
 * an object, no iteration.
 */
final class FeelRules {

  private static final FeelEngineApi FEEL = FeelEngineBuilder.forJava().build();

  /** Literals, variable references, operators and unary tests of the FEEL syntax tree. */
  private static final Set<String> VALUES =
      Set.of(
          "ConstNumber",
          "ConstBool",
          "ConstString",
          "ConstNull",
          "ConstDate",
          "ConstTime",
          "ConstLocalTime",
          "ConstDateTime",
          "ConstLocalDateTime",
          "ConstYearMonthDuration",
          "ConstDayTimeDuration",
          "ConstList",
          "ConstRange",
          "ConstContext",
          "ConstInputValue",
          "OpenConstRangeBoundary",
          "ClosedConstRangeBoundary",
          "OpenRangeBoundary",
          "ClosedRangeBoundary",
          "Ref",
          "Addition",
          "Subtraction",
          "Multiplication",
          "Division",
          "Exponentiation",
          "ArithmeticNegation",
          "Equal",
          "LessThan",
          "LessOrEqual",
          "GreaterThan",
          "GreaterOrEqual",
          "Conjunction",
          "Disjunction",
          "Not",
          "In",
          "InstanceOf",
          "If",
          "InputEqualTo",
          "InputLessThan",
          "InputLessOrEqual",
          "InputGreaterThan",
          "InputGreaterOrEqual",
          "InputInRange",
          "UnaryTestExpression",
          "AtLeastOne");

  /**
   * Why the expression (input expression, output entry, literal expression) does more, if it does.
   */
  Optional<String> expressionProblem(String expression) {
    return problem(FEEL.parseExpression(expression));
  }

  /** Why the unary tests (input entry) do more, if they do. */
  Optional<String> unaryTestsProblem(String unaryTests) {
    return problem(FEEL.parseUnaryTests(unaryTests));
  }

  private static Optional<String> problem(ParseResult parsed) {
    if (parsed instanceof FailedParseResult failed) {
      return Optional.of("is not valid FEEL (" + failure(failed) + ")");
    }
    return problem(parsed.parsedExpression().expression());
  }

  /**
   * The node's name in the syntax tree; a Scala case object's class name ends in $ (ConstNull$).
   */
  private static String kind(Object node) {
    String name = node.getClass().getSimpleName();
    return name.endsWith("$") ? name.substring(0, name.length() - 1) : name;
  }

  private static String failure(FailedParseResult failed) {
    Iterator<Object> parts = failed.productIterator();
    while (parts.hasNext()) {
      if (parts.next() instanceof FeelEngine.Failure failure) {
        return failure.message();
      }
    }
    return failed.toString();
  }

  private static Optional<String> problem(Object node) {
    if (node instanceof FunctionDefinition) {
      return Optional.of(
          "defines a function (an external one reaches any Java class); only variables, literals and operators are allowed");
    }
    if (node instanceof FunctionInvocation call) {
      return Optional.of(
          "calls the function "
              + call.function()
              + "(); only variables, literals and operators are allowed");
    }
    if (node instanceof QualifiedFunctionInvocation || node instanceof JavaFunctionInvocation) {
      return Optional.of("calls a function; only variables, literals and operators are allowed");
    }
    if (node instanceof PathExpression || node instanceof Ref ref && ref.names().size() != 1) {
      return Optional.of(
          "reads a property of an object; only variables, literals and operators are allowed");
    }
    if (node instanceof Exp && !VALUES.contains(kind(node))) {
      return Optional.of("uses " + kind(node) + ", which is not a variable, literal or operator");
    }
    if (node instanceof Product product) {
      Iterator<Object> parts = product.productIterator();
      while (parts.hasNext()) {
        Optional<String> problem = problem(parts.next());
        if (problem.isPresent()) {
          return problem;
        }
      }
    }
    return Optional.empty();
  }
}
