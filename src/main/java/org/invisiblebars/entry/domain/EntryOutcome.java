package org.invisiblebars.entry.domain;

/** What happened to one representative at the gate. */
public enum EntryOutcome {
  ENTERED,
  /** Refused the search and left: no entry, and no consequence beyond that. */
  REFUSED_SEARCH,
  /** Did not come, or had not acknowledged the search notice. */
  NOT_ADMITTED
}
