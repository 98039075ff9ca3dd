package org.invisiblebars.accreditation.domain;

/**
 * What a supporting document is: the three an application cannot go without, references (any
 * number) and the documents sent with an answer to a request for information.
 */
public enum DocumentKind {
  STATUTES(true),
  REGISTRATION_CERTIFICATE(true),
  FINANCIAL_STATEMENT(true),
  REFERENCE(false),
  INFORMATION_ANSWER(false);

  private final boolean requiredToApply;

  DocumentKind(boolean requiredToApply) {
    this.requiredToApply = requiredToApply;
  }

  /** Whether an application is submitted only with a document of this kind. */
  public boolean isRequiredToApply() {
    return requiredToApply;
  }
}
