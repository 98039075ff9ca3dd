package org.invisiblebars.entry.adapter.process;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.invisiblebars.entry.usecase.IncidentReviewProcess;
import org.invisiblebars.entry.usecase.VisitIncidents;
import org.invisiblebars.platform.deployment.PublishedForModels;
import org.springframework.stereotype.Component;

/** Task_UpholdUncontestedIncident: the contest period ended without a contest. */
@Component(IncidentReviewProcess.Bean.UPHOLD_UNCONTESTED)
@PublishedForModels
class UpholdUncontestedIncidentDelegate implements JavaDelegate {

  private final VisitIncidents incidents;

  UpholdUncontestedIncidentDelegate(VisitIncidents incidents) {
    this.incidents = incidents;
  }

  @Override
  public void execute(DelegateExecution execution) {
    incidents.upholdUncontested(
        UUID.fromString((String) execution.getVariable(IncidentReviewProcess.Variable.VISIT_ID)));
  }
}
