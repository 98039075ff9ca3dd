package org.invisiblebars.support;

import jakarta.validation.Validation;
import java.util.List;
import java.util.Map;
import org.invisiblebars.platform.task.FormBinding;
import org.invisiblebars.platform.validation.InputRules;
import org.invisiblebars.platform.validation.InvalidInputException;
import org.invisiblebars.platform.validation.InvalidInputException.FieldProblem;

/**
 * A handler's form as Tasklist submits it, read and validated as on completion: for handler unit
 * tests.
 */
public final class FormRules {

  private static final InputRules RULES =
      new InputRules(Validation.buildDefaultValidatorFactory().getValidator());

  private FormRules() {}

  /**
   * What is wrong with {@code submitted} as the form {@code type}, field by field; empty when it is
   * valid.
   */
  public static List<FieldProblem> problems(
      Class<? extends Record> type, Map<String, ?> submitted) {
    try {
      new FormBinding(RULES).bind(type, submitted::get);
      return List.of();
    } catch (InvalidInputException invalid) {
      return invalid.problems();
    }
  }

  /** The form {@code type} read from {@code submitted}, which must be valid. */
  public static <F extends Record> F read(Class<F> type, Map<String, ?> submitted) {
    return new FormBinding(RULES).bind(type, submitted::get);
  }
}
