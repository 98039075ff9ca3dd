package org.invisiblebars.accreditation.adapter.process;

import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.invisiblebars.accreditation.domain.Criterion;
import org.invisiblebars.accreditation.domain.ProgrammeType;
import org.invisiblebars.accreditation.domain.Recommendation;
import org.invisiblebars.accreditation.usecase.CriteriaDecision;
import org.springframework.stereotype.Component;

/** Evaluates the latest deployed version of the DMN decision accreditation-criteria. */
@Component
public class DmnCriteriaDecision implements CriteriaDecision {

  static final String DECISION_KEY = "accreditation-criteria";
  static final String LOWEST_RATING = "lowestRating";

  private final DecisionService decisionService;

  DmnCriteriaDecision(DecisionService decisionService) {
    this.decisionService = decisionService;
  }

  @Override
  public Outcome evaluate(
      Map<Criterion, Integer> ratings, int sustainabilityMonths, ProgrammeType programmeType) {
    DmnDecisionResult result =
        decisionService
            .evaluateDecisionByKey(DECISION_KEY)
            .variables(inputs(ratings, sustainabilityMonths, programmeType))
            .evaluate();
    Map<String, Object> row = result.getSingleResult().getEntryMap();
    return new Outcome(
        ((Number) row.get("score")).intValue(),
        Recommendation.valueOf((String) row.get("recommendation")),
        (String) row.get("rationale"));
  }

  /**
   * The decision's inputs: each rating, and the lowest of them, computed here because an entry of a
   * table that process owners deploy may not call functions (docs/security.md).
   */
  public static VariableMap inputs(
      Map<Criterion, Integer> ratings, int sustainabilityMonths, ProgrammeType programmeType) {
    VariableMap inputs =
        Variables.createVariables()
            .putValue("sustainabilityMonths", sustainabilityMonths)
            .putValue("programmeType", programmeType.name())
            .putValue(
                LOWEST_RATING,
                ratings.values().stream().mapToInt(Integer::intValue).min().orElse(0));
    ratings.forEach((criterion, rating) -> inputs.putValue(criterion.decisionInput(), rating));
    return inputs;
  }
}
