package org.invisiblebars.platform.validation;

/**
 * The request is valid but not now: the record is not in a state that allows it (409), often
 * because another request changed it a moment before. An illegal state for the domain, so rules
 * that state it throw this and every API answers 409 (our API and the engine's, for task forms).
 */
public class ConflictException extends IllegalStateException {

  public ConflictException(String message) {
    super(message);
  }
}
