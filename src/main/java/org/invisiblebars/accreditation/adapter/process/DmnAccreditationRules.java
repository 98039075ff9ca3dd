package org.invisiblebars.accreditation.adapter.process;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.TimeDuration;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.LiteralExpression;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.invisiblebars.accreditation.domain.Criterion;
import org.invisiblebars.accreditation.usecase.AccreditationProcess;
import org.invisiblebars.accreditation.usecase.AccreditationRulesSource;
import org.springframework.stereotype.Component;

/**
 * Reads the accreditation rules from the latest deployed models through the engine's repository and
 * model APIs (a process owner's change shows at once): the decision accreditation-criteria and the
 * score decision it requires, and the timers of ngo-accreditation. It reads, never evaluates, so a
 * public reader writes nothing to the engine's history.
 */
@Component
class DmnAccreditationRules implements AccreditationRulesSource {

  static final String SCORE_DECISION = "accreditation-score";

  /** A term of a weighted sum: an optional whole-number weight and an input name. */
  private static final Pattern TERM =
      Pattern.compile("\\s*(?:(\\d+)\\s*\\*\\s*)?([A-Za-z]\\w*)\\s*");

  private final RepositoryService repository;

  DmnAccreditationRules(RepositoryService repository) {
    this.repository = repository;
  }

  @Override
  public CriteriaRules criteria() {
    DecisionDefinition definition =
        repository
            .createDecisionDefinitionQuery()
            .decisionDefinitionKey(DmnCriteriaDecision.DECISION_KEY)
            .latestVersion()
            .singleResult();
    DmnModelInstance model = repository.getDmnModelInstance(definition.getId());
    Decision criteria = model.getModelElementById(DmnCriteriaDecision.DECISION_KEY);
    DecisionTable table = (DecisionTable) criteria.getExpression();
    Decision score = model.getModelElementById(SCORE_DECISION);
    String scoreExpression =
        score != null && score.getExpression() instanceof LiteralExpression literal
            ? literal.getText().getTextContent().strip()
            : null;
    List<Output> outputs = new ArrayList<>(table.getOutputs());
    List<RuleRow> rules = new ArrayList<>();
    int number = 0;
    for (Rule rule : table.getRules()) {
      number++;
      List<OutputEntry> entries = new ArrayList<>(rule.getOutputEntries());
      rules.add(
          new RuleRow(
              number,
              rule.getInputEntries().stream()
                  .map(e -> e.getText().getTextContent().strip())
                  .toList(),
              output(outputs, entries, "recommendation"),
              output(outputs, entries, "rationale"),
              rule.getDescription() == null
                  ? null
                  : rule.getDescription().getTextContent().strip()));
    }
    return new CriteriaRules(
        definition.getVersion(),
        definition.getVersionTag(),
        scoreExpression,
        weights(scoreExpression),
        table.getHitPolicy().name(),
        table.getInputs().stream().map(DmnAccreditationRules::label).toList(),
        rules);
  }

  private static String label(Input input) {
    return input.getLabel() != null
        ? input.getLabel()
        : input.getInputExpression().getText().getTextContent();
  }

  /** An output entry's text by the output's name, FEEL string quotes removed. */
  private static String output(List<Output> outputs, List<OutputEntry> entries, String name) {
    for (int i = 0; i < outputs.size() && i < entries.size(); i++) {
      if (name.equals(outputs.get(i).getName())) {
        String text = entries.get(i).getText().getTextContent().strip();
        return text.length() > 1 && text.startsWith("\"") && text.endsWith("\"")
            ? text.substring(1, text.length() - 1)
            : text;
      }
    }
    return null;
  }

  /**
   * Each criterion's weight in a score written as a weighted sum ({@code knowledge + 2 * expertise
   * ...}); a criterion absent from the sum weighs 0, and any other form of expression gives no
   * weights (the expression itself is published).
   */
  static List<Weight> weights(String expression) {
    if (expression == null) {
      return List.of();
    }
    Map<String, Integer> found = new HashMap<>();
    for (String term : expression.split("\\+")) {
      Matcher m = TERM.matcher(term);
      if (!m.matches()) {
        return Arrays.stream(Criterion.values())
            .map(c -> new Weight(c.decisionInput(), null))
            .toList();
      }
      found.merge(m.group(2), m.group(1) == null ? 1 : Integer.parseInt(m.group(1)), Integer::sum);
    }
    return Arrays.stream(Criterion.values())
        .map(c -> new Weight(c.decisionInput(), found.getOrDefault(c.decisionInput(), 0)))
        .toList();
  }

  @Override
  public Optional<Duration> timer(String elementId) {
    ProcessDefinition definition =
        repository
            .createProcessDefinitionQuery()
            .processDefinitionKey(AccreditationProcess.KEY)
            .latestVersion()
            .singleResult();
    if (definition == null) {
      return Optional.empty();
    }
    var element =
        repository.getBpmnModelInstance(definition.getId()).getModelElementById(elementId);
    if (element == null) {
      return Optional.empty();
    }
    return element.getChildElementsByType(TimerEventDefinition.class).stream()
        .map(TimerEventDefinition::getTimeDuration)
        .filter(Objects::nonNull)
        .map(TimeDuration::getTextContent)
        .flatMap(DmnAccreditationRules::duration)
        .findFirst();
  }

  private static Stream<Duration> duration(String text) {
    try {
      return Stream.of(Duration.parse(text.strip()));
    } catch (DateTimeParseException notAFixedDuration) {
      return Stream.empty();
    }
  }
}
