package org.invisiblebars.entry.adapter.process;

import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.invisiblebars.entry.usecase.IncidentProcessPort;
import org.invisiblebars.entry.usecase.IncidentReviewProcess;
import org.invisiblebars.entry.usecase.IncidentReviewProcess.Variable;
import org.invisiblebars.platform.process.HeldDeployments;
import org.springframework.stereotype.Component;

/** Starts incident-review per incident (business key: the visit id) and correlates the contest. */
@Component
class CamundaIncidentProcess implements IncidentProcessPort {

  private final RuntimeService runtimeService;
  private final HeldDeployments held;

  CamundaIncidentProcess(RuntimeService runtimeService, HeldDeployments held) {
    this.runtimeService = runtimeService;
    this.held = held;
  }

  @Override
  public void start(
      UUID visitId,
      String visitReference,
      Instant contestDeadline,
      String organisationName,
      String facilityName) {
    runtimeService.startProcessInstanceById(
        held.liveProcessId(IncidentReviewProcess.KEY),
        visitReference,
        Variables.createVariables()
            .putValue(Variable.VISIT_ID, visitId.toString())
            .putValue(Variable.CONTEST_DEADLINE, Date.from(contestDeadline))
            .putValue(Variable.ORGANISATION_NAME, organisationName)
            .putValue(Variable.FACILITY_NAME, facilityName));
  }

  @Override
  public void contested(UUID visitId) {
    runtimeService
        .createMessageCorrelation(IncidentReviewProcess.Message.INCIDENT_CONTESTED)
        .processInstanceVariableEquals(Variable.VISIT_ID, visitId.toString())
        .correlate();
  }
}
