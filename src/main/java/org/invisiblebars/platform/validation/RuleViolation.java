package org.invisiblebars.platform.validation;

import java.util.List;
import org.invisiblebars.platform.validation.InvalidInputException.FieldProblem;

/**
 * A rule of ours refused what a person asked for: bad input (each field and what is wrong with it),
 * something that does not exist for them, or a state that forbids it now. It carries the HTTP
 * status it means, so every API surface maps this one type once (our API's advice; the engine APIs'
 * mappers, which Tasklist calls) and a new rule needs no new mapping. Only the kinds in this
 * package extend it: {@link InvalidInputException} (400), {@link NotFoundException} (404), {@link
 * ConflictException} (409).
 */
public abstract class RuleViolation extends RuntimeException {

  private final int status;
  private final List<FieldProblem> problems;

  RuleViolation(int status, String message, List<FieldProblem> problems) {
    super(message);
    this.status = status;
    this.problems = List.copyOf(problems);
  }

  /** The HTTP status the refusal means: 400, 404 or 409. */
  public int status() {
    return status;
  }

  /**
   * The fields refused and why; empty when the refusal is about no field (a conflict, something not
   * found).
   */
  public List<FieldProblem> problems() {
    return problems;
  }
}
