package org.invisiblebars.platform.validation;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import org.invisiblebars.platform.validation.InvalidInputException.FieldProblem;
import org.springframework.stereotype.Component;

/**
 * Bean Validation of a use case's input together with the rules only the use case can check (a
 * name already registered), so a person reads every problem of one request at once, each naming its
 * field.
 */
@Component
public class InputRules {

  private final Validator validator;

  InputRules(Validator validator) {
    this.validator = validator;
  }

  /** The problems of {@code input}'s constraints, by field path ({@code highSecurityAreas[0]}). */
  public List<FieldProblem> problems(Object input) {
    List<FieldProblem> problems = new ArrayList<>();
    for (ConstraintViolation<Object> violation : validator.validate(input)) {
      problems.add(new FieldProblem(field(violation), violation.getMessage()));
    }
    problems.sort((a, b) -> a.field().compareTo(b.field()));
    return problems;
  }

  /** Throws when {@code input} breaks a constraint or {@code more} holds a problem the caller found. */
  public void check(Object input, List<FieldProblem> more) {
    List<FieldProblem> problems = problems(input);
    problems.addAll(more);
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
  }

  private static String field(ConstraintViolation<?> violation) {
    StringBuilder path = new StringBuilder();
    for (var node : violation.getPropertyPath()) {
      if (node.getName() == null || node.getName().startsWith("<")) {
        if (node.getIndex() != null) {
          path.append('[').append(node.getIndex()).append(']');
        }
        continue;
      }
      if (!path.isEmpty()) {
        path.append('.');
      }
      path.append(node.getName());
      if (node.getIndex() != null && node.isInIterable()) {
        path.append('[').append(node.getIndex()).append(']');
      }
    }
    return path.toString();
  }
}
