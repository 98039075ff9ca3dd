package org.invisiblebars.accreditation.usecase;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The accreditation rules as the deployed models hold them: the criteria decision and the waiting
 * times of the accreditation process. The adapter reads the latest deployed versions, never a copy.
 */
public interface AccreditationRulesSource {

  /** The latest deployed criteria: how the score is made and the table that recommends. */
  CriteriaRules criteria();

  /** The duration of a timer of the latest deployed accreditation process, if it has one. */
  Optional<Duration> timer(String elementId);

  /**
   * The criteria decision as deployed: the engine's version counter and the {@code versionTag} the
   * process owner gave it (e.g. {@code 2026.12}), the name people use.
   */
  record CriteriaRules(
      int version,
      String versionTag,
      String scoreExpression,
      List<Weight> weights,
      String hitPolicy,
      List<String> inputs,
      List<RuleRow> rules) {}

  /** A criterion's weight in the score (null when the expression is not a weighted sum). */
  record Weight(String criterion, Integer weight) {}

  /** One rule: when each input matches (in the order of the inputs), the outputs and why. */
  record RuleRow(
      int number, List<String> when, String recommendation, String rationale, String description) {}
}
