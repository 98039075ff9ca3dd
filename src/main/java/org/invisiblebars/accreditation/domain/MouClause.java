package org.invisiblebars.accreditation.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * The numbered clauses of an MoU, as the NGO reads them and proposes amendments to them. The
 * representatives follow security's vetting, the universal-access commitment is required of a
 * religious-based organisation, and the conditions are the director's approval: those three are
 * shown and discussed but not amended by text.
 */
public enum MouClause {
  MANDATE_AND_EXPECTATIONS(1, "Mandate and expectations", true),
  RESPONSIBILITIES(2, "Demarcation of responsibilities", true),
  REPRESENTATIVES(3, "Who: representatives", false),
  DAYS(4, "When: days", true),
  HOURS(5, "When: hours", true),
  PROCEDURES(6, "How: procedures inside the facility", true),
  ALLOWED_ACTIVITIES(7, "What: allowed activities", true),
  EXCLUDED_AREAS(8, "Where not: excluded areas", true),
  CONFIDENTIALITY_DAYS(9, "Confidentiality: days the authorities have to respond", true),
  TERM_MONTHS(10, "Term in months", true),
  CONTINUITY_PLAN(11, "Continuity plan", true),
  UNIVERSAL_ACCESS(12, "Universal access", false),
  CONDITIONS(13, "Conditions of the director's approval", false);

  private final int number;
  private final String title;
  private final boolean amendable;

  MouClause(int number, String title, boolean amendable) {
    this.number = number;
    this.title = title;
    this.amendable = amendable;
  }

  public int number() {
    return number;
  }

  public String title() {
    return title;
  }

  public boolean amendable() {
    return amendable;
  }

  /** The clause of a number, as the NGO names it. */
  public static Optional<MouClause> numbered(int number) {
    return Arrays.stream(values()).filter(c -> c.number == number).findFirst();
  }

  /** Whether the clause holds a whole number of days or months rather than text. */
  public boolean numeric() {
    return this == CONFIDENTIALITY_DAYS || this == TERM_MONTHS;
  }

  /** The clause's text in {@code clauses} (representatives as ids: the caller names them). */
  public String textOf(MouClauses clauses) {
    return switch (this) {
      case MANDATE_AND_EXPECTATIONS -> clauses.mandateAndExpectations();
      case RESPONSIBILITIES -> clauses.responsibilities();
      case REPRESENTATIVES -> clauses.representativeIds().size() + " cleared representatives";
      case DAYS -> clauses.days();
      case HOURS -> clauses.hours();
      case PROCEDURES -> clauses.procedures();
      case ALLOWED_ACTIVITIES -> clauses.allowedActivities();
      case EXCLUDED_AREAS -> clauses.excludedAreas();
      case CONFIDENTIALITY_DAYS -> String.valueOf(clauses.confidentialityDays());
      case TERM_MONTHS -> String.valueOf(clauses.termMonths());
      case CONTINUITY_PLAN -> clauses.continuityPlan() == null ? "" : clauses.continuityPlan();
      case UNIVERSAL_ACCESS ->
          clauses.universalAccess()
              ? "Serves prisoners of any religion or none"
              : "No commitment to universal access";
      case CONDITIONS -> clauses.conditions() == null ? "" : clauses.conditions();
    };
  }

  /** {@code clauses} with this clause's text replaced by {@code text} (an amendable clause). */
  public MouClauses apply(MouClauses c, String text) {
    return switch (this) {
      case MANDATE_AND_EXPECTATIONS ->
          c.with(text, null, null, null, null, null, null, null, null, null);
      case RESPONSIBILITIES -> c.with(null, text, null, null, null, null, null, null, null, null);
      case DAYS -> c.with(null, null, text, null, null, null, null, null, null, null);
      case HOURS -> c.with(null, null, null, text, null, null, null, null, null, null);
      case PROCEDURES -> c.with(null, null, null, null, text, null, null, null, null, null);
      case ALLOWED_ACTIVITIES -> c.with(null, null, null, null, null, text, null, null, null, null);
      case EXCLUDED_AREAS -> c.with(null, null, null, null, null, null, text, null, null, null);
      case CONFIDENTIALITY_DAYS ->
          c.with(
              null, null, null, null, null, null, null, Integer.valueOf(text.strip()), null, null);
      case TERM_MONTHS ->
          c.with(
              null, null, null, null, null, null, null, null, Integer.valueOf(text.strip()), null);
      case CONTINUITY_PLAN -> c.with(null, null, null, null, null, null, null, null, null, text);
      case REPRESENTATIVES, UNIVERSAL_ACCESS, CONDITIONS ->
          throw new IllegalArgumentException("clause " + number + " is not amended by text");
    };
  }

  /**
   * Why {@code text} cannot be this clause, or empty: a clause not amended by text, or a number
   * outside what the MoU allows (confidentiality 1–365 days, term 1–60 months).
   */
  public Optional<String> problemWith(String text) {
    if (!amendable) {
      return Optional.of("clause " + number + " (" + title + ") is not amended by text");
    }
    if (!numeric()) {
      return Optional.empty();
    }
    int max = this == CONFIDENTIALITY_DAYS ? Mou.MAX_CONFIDENTIALITY_DAYS : Mou.MAX_TERM_MONTHS;
    try {
      int value = Integer.parseInt(text.strip());
      return value >= 1 && value <= max
          ? Optional.empty()
          : Optional.of("must be a whole number from 1 to " + max);
    } catch (NumberFormatException e) {
      return Optional.of("must be a whole number from 1 to " + max);
    }
  }
}
