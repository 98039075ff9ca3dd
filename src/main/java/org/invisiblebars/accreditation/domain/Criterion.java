package org.invisiblebars.accreditation.domain;

/** The objective accreditation criteria, each rated 1–5 with evidence. */
public enum Criterion {
  KNOWLEDGE("knowledge"),
  EXPERTISE("expertise"),
  PERFORMANCE("performance"),
  TRACK_RECORD("trackRecord"),
  COMMITMENT("commitment"),
  FUNDS("funds"),
  REPUTATION("reputation");

  private final String decisionInput;

  Criterion(String decisionInput) {
    this.decisionInput = decisionInput;
  }

  /** The name of this criterion's input in the DMN decision accreditation-criteria. */
  public String decisionInput() {
    return decisionInput;
  }
}
