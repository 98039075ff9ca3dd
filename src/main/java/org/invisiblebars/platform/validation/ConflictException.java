package org.invisiblebars.platform.validation;

import java.util.List;

/**
 * The request is valid but not now: the record is not in a state that allows it (409), often
 * because another request changed it a moment before. Rules that state it throw this and every API
 * answers 409 (our API and the engine's, for task forms).
 */
public class ConflictException extends RuleViolation {

  public ConflictException(String message) {
    super(409, message, List.of());
  }
}
