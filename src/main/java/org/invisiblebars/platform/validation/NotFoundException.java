package org.invisiblebars.platform.validation;

/**
 * The thing asked for does not exist for this caller. Also used when it exists but belongs to
 * another organisation, so that callers cannot learn what others have.
 */
public class NotFoundException extends RuntimeException {

  public NotFoundException(String what) {
    super(what + " not found");
  }
}
