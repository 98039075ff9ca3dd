package org.invisiblebars.entry.domain;

/**
 * Where an incident recorded at check-out stands. Only an upheld one (decided so by the director,
 * or not contested within the period) counts in later risk assessments.
 */
public enum IncidentStatus {
  /** Recorded; the organisation may still contest it. */
  OPEN,
  /** The organisation contested it with its account; the director decides. */
  CONTESTED,
  /** The director upheld it after reading the organisation's account. */
  UPHELD,
  /** The contest period passed without a contest: the organisation let it stand. */
  UPHELD_UNCONTESTED,
  /** The director dismissed it: it never counts. */
  DISMISSED;

  /** Whether the incident counts in later risk assessments. */
  public boolean isUpheld() {
    return this == UPHELD || this == UPHELD_UNCONTESTED;
  }
}
