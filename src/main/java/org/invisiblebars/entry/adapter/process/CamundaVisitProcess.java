package org.invisiblebars.entry.adapter.process;

import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.invisiblebars.entry.usecase.EntryProcess;
import org.invisiblebars.entry.usecase.EntryProcess.Variable;
import org.invisiblebars.entry.usecase.VisitProcessPort;
import org.invisiblebars.platform.process.HeldDeployments;
import org.springframework.stereotype.Component;

/**
 * Starts entry-authorisation per visit (business key: the visit's reference) and correlates its
 * messages by the visit id variable, which every instance has, also those started when the business
 * key was the id.
 */
@Component
class CamundaVisitProcess implements VisitProcessPort {

  private final RuntimeService runtimeService;
  private final HeldDeployments held;

  CamundaVisitProcess(RuntimeService runtimeService, HeldDeployments held) {
    this.runtimeService = runtimeService;
    this.held = held;
  }

  @Override
  public void start(
      UUID visitId,
      String reference,
      boolean formalMandate,
      boolean announced,
      Deadlines deadlines,
      String organisationName,
      String facilityName) {
    runtimeService.startProcessInstanceById(
        held.liveProcessId(EntryProcess.KEY),
        reference,
        Variables.createVariables()
            .putValue(Variable.VISIT_ID, visitId.toString())
            .putValue(Variable.FORMAL_MANDATE, formalMandate)
            .putValue(Variable.ANNOUNCED, announced)
            .putValue(Variable.ESCALATE_AT, Date.from(deadlines.escalateAt()))
            .putValue(Variable.GATE_OPENS_AT, Date.from(deadlines.gateOpensAt()))
            .putValue(Variable.WINDOW_ENDS_AT, Date.from(deadlines.windowEndsAt()))
            .putValue(Variable.CHECK_OUT_ALERT_AT, Date.from(deadlines.checkOutAlertAt()))
            .putValue(Variable.ORGANISATION_NAME, organisationName)
            .putValue(Variable.FACILITY_NAME, facilityName));
  }

  @Override
  public void cancelled(UUID visitId) {
    runtimeService
        .createMessageCorrelation(EntryProcess.Message.VISIT_CANCELLED)
        .processInstanceVariableEquals(Variable.VISIT_ID, visitId.toString())
        .correlateAll();
  }
}
