package org.invisiblebars.report.domain;

/** What implementing a recommendation is expected to cost. */
public enum ResourceEstimate {
  LOW,
  MEDIUM,
  HIGH
}
