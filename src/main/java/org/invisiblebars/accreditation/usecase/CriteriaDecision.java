package org.invisiblebars.accreditation.usecase;

import java.util.Map;
import org.invisiblebars.accreditation.domain.Criterion;
import org.invisiblebars.accreditation.domain.ProgrammeType;
import org.invisiblebars.accreditation.domain.Recommendation;

/** The DMN decision accreditation-criteria, which process owners maintain. */
public interface CriteriaDecision {

  Outcome evaluate(
      Map<Criterion, Integer> ratings, int sustainabilityMonths, ProgrammeType programmeType);

  /** Score, recommendation and the rationale a director reads. */
  record Outcome(int score, Recommendation recommendation, String rationale) {}
}
