package org.invisiblebars.platform.validation;

import java.util.List;

/**
 * Bad input from a person: each problem names the field and what is wrong. The API answers 400 as
 * RFC 9457 problem details; a task completion fails with the same text, and nothing is saved.
 */
public class InvalidInputException extends RuleViolation {

  public InvalidInputException(List<FieldProblem> problems) {
    super(400, describe(problems), problems);
  }

  public static InvalidInputException of(String field, String problem) {
    return new InvalidInputException(List.of(new FieldProblem(field, problem)));
  }

  private static String describe(List<FieldProblem> problems) {
    return String.join("; ", problems.stream().map(p -> p.field() + ": " + p.problem()).toList());
  }

  /** One field and what is wrong with it. */
  public record FieldProblem(String field, String problem) {}
}
