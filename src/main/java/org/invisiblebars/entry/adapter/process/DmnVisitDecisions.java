package org.invisiblebars.entry.adapter.process;

import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.invisiblebars.entry.domain.RiskAssessment.RiskInputs;
import org.invisiblebars.entry.domain.RiskLevel;
import org.invisiblebars.entry.domain.SearchLevel;
import org.invisiblebars.entry.usecase.VisitDecisions;
import org.invisiblebars.organisation.domain.MandateType;
import org.springframework.stereotype.Component;

/**
 * Evaluates the latest deployed visit-risk and search-protocol decisions. Their history (inputs and
 * result) is the audit of each proposal; it is readable by staff only.
 */
@Component
class DmnVisitDecisions implements VisitDecisions {

  static final String VISIT_RISK = "visit-risk";
  static final String SEARCH_PROTOCOL = "search-protocol";

  private final DecisionService decisionService;

  DmnVisitDecisions(DecisionService decisionService) {
    this.decisionService = decisionService;
  }

  @Override
  public RiskProposal proposeRisk(MandateType mandateType, RiskInputs inputs) {
    Map<String, Object> row = decisionService.evaluateDecisionByKey(VISIT_RISK).variables(Variables.createVariables()
            .putValue("mandateType", mandateType.name())
            .putValue("firstVisit", inputs.firstVisit())
            .putValue("incidentsLast12Months", inputs.incidentsLast12Months())
            .putValue("facilitySecurityLevel", inputs.facilitySecurityLevel().name())
            .putValue("highSecurityAreasRequested", inputs.highSecurityAreasRequested())
            .putValue("electronicEquipment", inputs.electronicEquipment())
            .putValue("alertLevel", inputs.alertLevel().name()))
        .evaluate().getSingleResult().getEntryMap();
    return new RiskProposal(RiskLevel.valueOf((String) row.get("risk")), (String) row.get("rationale"));
  }

  @Override
  public SearchProtocol searchProtocol(RiskLevel risk, MandateType mandateType) {
    Map<String, Object> row = decisionService.evaluateDecisionByKey(SEARCH_PROTOCOL).variables(Variables.createVariables()
            .putValue("risk", risk.name())
            .putValue("mandateType", mandateType.name()))
        .evaluate().getSingleResult().getEntryMap();
    return new SearchProtocol(SearchLevel.valueOf((String) row.get("searchLevel")),
        Boolean.TRUE.equals(row.get("directorAuthorisationRequired")), (String) row.get("rationale"));
  }
}
