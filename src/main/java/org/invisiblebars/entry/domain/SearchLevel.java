package org.invisiblebars.entry.domain;

import org.invisiblebars.organisation.domain.MandateType;

/**
 * How a visitor is searched at the gate, from the least to the most intrusive; the order matters:
 * the level applied may never exceed the level authorised.
 */
public enum SearchLevel {
  SCREENING(
      "Screening",
      "You walk through a metal detector and your bags and equipment go through the X-ray scanner."),
  PAT_DOWN(
      "Pat-down",
      "You are screened as above and an officer of the same gender pats you down over your clothes."),
  ENHANCED(
      "Enhanced search",
      "You are patted down as above and an officer inspects each item you bring in, in front of you."),
  FULL(
      "Full search",
      "You are searched as above and asked to remove outer clothing in a private room, "
          + "in front of two officers of the same gender; nobody touches your body beyond a pat-down.");

  private final String title;
  private final String techniques;

  SearchLevel(String title, String techniques) {
    this.title = title;
    this.techniques = techniques;
  }

  public String title() {
    return title;
  }

  /** What the visitor will experience, as the search notice tells them. */
  public String techniques() {
    return techniques;
  }

  public boolean exceeds(SearchLevel other) {
    return compareTo(other) > 0;
  }

  /**
   * The most a mandate allows: a formal monitor (NPM, ICRC) is searched no further than a pat-down,
   * whatever the risk; an accredited NGO visitor may, with the director's authorisation, be fully
   * searched.
   */
  public static SearchLevel ceilingFor(MandateType mandateType) {
    return mandateType.isFormal() ? PAT_DOWN : FULL;
  }
}
