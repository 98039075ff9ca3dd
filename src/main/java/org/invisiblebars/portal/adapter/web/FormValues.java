package org.invisiblebars.portal.adapter.web;

/** What the portal's forms send, read the same way on every page. */
final class FormValues {

  private FormValues() {}

  /**
   * A whole number typed or chosen in a form (a clause, a version), up to nine digits; null (and so
   * "is required" from the rules) when it is none.
   */
  static Integer number(String value) {
    if (value == null || !value.strip().matches("\\d{1,9}")) {
      return null;
    }
    return Integer.valueOf(value.strip());
  }

  /** A text field as typed, empty when it was not sent. */
  static String text(String value) {
    return value == null ? "" : value;
  }
}
