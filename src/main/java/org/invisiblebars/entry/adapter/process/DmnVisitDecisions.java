package org.invisiblebars.entry.adapter.process;

import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.invisiblebars.entry.domain.RiskAssessment.RiskInputs;
import org.invisiblebars.entry.domain.RiskLevel;
import org.invisiblebars.entry.domain.SearchLevel;
import org.invisiblebars.entry.usecase.VisitDecisions;
import org.invisiblebars.organisation.domain.MandateType;
import org.invisiblebars.platform.process.EngineInternals;
import org.invisiblebars.platform.process.HeldDeployments;
import org.invisiblebars.platform.process.LatestDecision;
import org.springframework.stereotype.Component;

/**
 * Evaluates the latest deployed visit-risk and search-protocol decisions. No decision history is
 * written: the inputs and the result are kept in {@code visit_risk_assessment}, which only security
 * and the director read, instead of the engine's history, which managers may read.
 */
@Component
class DmnVisitDecisions implements VisitDecisions {

  static final String VISIT_RISK = "visit-risk";
  static final String SEARCH_PROTOCOL = "search-protocol";

  private final EngineInternals engine;
  private final RepositoryService repository;
  private final HeldDeployments held;

  DmnVisitDecisions(EngineInternals engine, RepositoryService repository, HeldDeployments held) {
    this.engine = engine;
    this.repository = repository;
    this.held = held;
  }

  @Override
  public RiskProposal proposeRisk(MandateType mandateType, RiskInputs inputs) {
    Map<String, Object> row =
        evaluate(
            VISIT_RISK,
            Variables.createVariables()
                .putValue("mandateType", mandateType.name())
                .putValue("firstVisit", inputs.firstVisit())
                .putValue("incidentsLast12Months", inputs.incidentsLast12Months())
                .putValue("facilitySecurityLevel", inputs.facilitySecurityLevel().name())
                .putValue("highSecurityAreasRequested", inputs.highSecurityAreasRequested())
                .putValue("electronicEquipment", inputs.electronicEquipment())
                .putValue("alertLevel", inputs.alertLevel().name()));
    return new RiskProposal(
        RiskLevel.valueOf((String) row.get("risk")), (String) row.get("rationale"));
  }

  @Override
  public SearchProtocol searchProtocol(RiskLevel risk, MandateType mandateType) {
    Map<String, Object> row =
        evaluate(
            SEARCH_PROTOCOL,
            Variables.createVariables()
                .putValue("risk", risk.name())
                .putValue("mandateType", mandateType.name()));
    return new SearchProtocol(
        SearchLevel.valueOf((String) row.get("searchLevel")),
        Boolean.TRUE.equals(row.get("directorAuthorisationRequired")),
        (String) row.get("rationale"));
  }

  /** Called from the process's delegates, within the engine's command. */
  private Map<String, Object> evaluate(String key, VariableMap inputs) {
    return engine.inCommand(
        () -> LatestDecision.evaluate(repository, held, engine.dmnEngine(), key, inputs));
  }
}
