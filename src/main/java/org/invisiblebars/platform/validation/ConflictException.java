package org.invisiblebars.platform.validation;

/** The request is valid but not now: the record is not in a state that allows it (409). */
public class ConflictException extends RuntimeException {

  public ConflictException(String message) {
    super(message);
  }
}
