package org.invisiblebars.platform.validation;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.invisiblebars.platform.validation.InvalidInputException.FieldProblem;
import org.springframework.stereotype.Component;

/**
 * Bean Validation of a use case's input together with the rules only the use case can check (a name
 * already registered), so a person reads every problem of one request at once, each naming its
 * field.
 */
@Component
public class InputRules {

  private final Validator validator;

  public InputRules(Validator validator) {
    this.validator = validator;
  }

  /**
   * The problems of {@code input}'s constraints, by field path ({@code highSecurityAreas[0]}), in
   * the order of the record's fields (the order of the form or request the person filled in).
   */
  public List<FieldProblem> problems(Record input) {
    List<FieldProblem> problems = new ArrayList<>();
    for (ConstraintViolation<Record> violation : validator.validate(input)) {
      problems.add(new FieldProblem(field(violation), violation.getMessage()));
    }
    problems.sort(Comparator.comparing(FieldProblem::field));
    return inOrderOf(input, problems);
  }

  /**
   * Throws when {@code input} breaks a constraint or {@code more} holds a problem the caller found;
   * all of them, in the order of the record's fields.
   */
  public void check(Record input, List<FieldProblem> more) {
    List<FieldProblem> problems = problems(input);
    problems.addAll(more);
    throwIfAny(input, problems);
  }

  /** Throws {@code problems} of {@code input}, if there are any, in the order of its fields. */
  public static void throwIfAny(Record input, List<FieldProblem> problems) {
    if (!problems.isEmpty()) {
      throw new InvalidInputException(inOrderOf(input, problems));
    }
  }

  /**
   * The problems sorted by the position of their field in {@code input}'s record (stable: ties keep
   * their order).
   */
  private static List<FieldProblem> inOrderOf(Record input, List<FieldProblem> problems) {
    List<String> order =
        Arrays.stream(input.getClass().getRecordComponents())
            .map(RecordComponent::getName)
            .toList();
    List<FieldProblem> sorted = new ArrayList<>(problems);
    sorted.sort(Comparator.comparingInt(p -> position(order, p.field())));
    return sorted;
  }

  private static int position(List<String> order, String field) {
    int end = field.length();
    for (char c : new char[] {'[', '.'}) {
      int at = field.indexOf(c);
      if (at >= 0 && at < end) {
        end = at;
      }
    }
    int position = order.indexOf(field.substring(0, end));
    return position < 0 ? order.size() : position;
  }

  /**
   * The field a violation names as a person wrote it: {@code representatives[0].fullName}, {@code
   * areas[2]}.
   */
  private static String field(ConstraintViolation<?> violation) {
    StringBuilder path = new StringBuilder();
    for (var node : violation.getPropertyPath()) {
      if (node.isInIterable() && node.getIndex() != null) {
        path.append('[').append(node.getIndex()).append(']');
      }
      if (node.getName() == null || node.getName().startsWith("<")) {
        continue;
      }
      if (!path.isEmpty()) {
        path.append('.');
      }
      path.append(node.getName());
    }
    return path.toString();
  }
}
