package org.invisiblebars.platform.validation;

import java.util.ArrayList;
import java.util.List;

/** Collects every problem of one input before failing, so the person sees them all at once. */
public final class FieldCheck {

  private final List<InvalidInputException.FieldProblem> problems = new ArrayList<>();

  public FieldCheck require(boolean condition, String field, String problem) {
    if (!condition) {
      problems.add(new InvalidInputException.FieldProblem(field, problem));
    }
    return this;
  }

  public FieldCheck requireText(String value, String field, int maxLength) {
    if (value == null || value.isBlank()) {
      problems.add(new InvalidInputException.FieldProblem(field, "is required"));
    } else if (value.length() > maxLength) {
      problems.add(new InvalidInputException.FieldProblem(field, "must be at most " + maxLength + " characters"));
    }
    return this;
  }

  public FieldCheck optionalText(String value, String field, int maxLength) {
    if (value != null && value.length() > maxLength) {
      problems.add(new InvalidInputException.FieldProblem(field, "must be at most " + maxLength + " characters"));
    }
    return this;
  }

  public FieldCheck requireRange(Integer value, String field, int min, int max) {
    if (value == null) {
      problems.add(new InvalidInputException.FieldProblem(field, "is required"));
    } else if (value < min || value > max) {
      problems.add(new InvalidInputException.FieldProblem(field, "must be between " + min + " and " + max));
    }
    return this;
  }

  /** Throws when any check failed. */
  public void orThrow() {
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
  }
}
