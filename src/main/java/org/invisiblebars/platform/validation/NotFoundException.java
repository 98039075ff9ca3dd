package org.invisiblebars.platform.validation;

import java.util.List;

/**
 * The thing asked for does not exist for this caller (404). Also used when it exists but belongs to
 * another organisation, so that callers cannot learn what others have.
 */
public class NotFoundException extends RuleViolation {

  public NotFoundException(String what) {
    super(404, what + " not found", List.of());
  }
}
