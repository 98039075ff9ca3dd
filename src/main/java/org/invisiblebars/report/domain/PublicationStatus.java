package org.invisiblebars.report.domain;

/** Where an organisation's request to publish its released report stands. */
public enum PublicationStatus {
  /** The liaison officer prepares the public version (again, after the organisation's comments). */
  REDACTION,
  /** The organisation reads the preview and consents or asks for changes. */
  AWAITING_CONSENT,
  /** On the public register, with the organisation's consent to the version shown. */
  PUBLISHED,
  /** The organisation withdrew its consent: off the register. It may ask again. */
  WITHDRAWN
}
