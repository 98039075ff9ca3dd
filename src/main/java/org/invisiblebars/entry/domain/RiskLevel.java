package org.invisiblebars.entry.domain;

/** The risk of a visit, as the visit-risk decision proposes and security confirms or overrides. */
public enum RiskLevel {
  LOW,
  MEDIUM,
  HIGH
}
