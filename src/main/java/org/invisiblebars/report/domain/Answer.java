package org.invisiblebars.report.domain;

/** The authorities' answer to one recommendation in the plan of action. */
public enum Answer {
  ACCEPTED,
  PARTIALLY_ACCEPTED,
  REJECTED;

  /** Accepted in whole or part: it has an action, owner and deadline, and is followed up. */
  public boolean commits() {
    return this != REJECTED;
  }
}
