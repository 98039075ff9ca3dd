package org.invisiblebars.accreditation.domain;

/** The outcome of the DMN decision accreditation-criteria. */
public enum Recommendation {
  RECOMMEND,
  RECOMMEND_WITH_CONDITIONS,
  NOT_RECOMMENDED
}
