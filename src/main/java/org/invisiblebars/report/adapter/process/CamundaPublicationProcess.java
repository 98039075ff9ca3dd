package org.invisiblebars.report.adapter.process;

import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.invisiblebars.platform.process.HeldDeployments;
import org.invisiblebars.report.usecase.PublicationProcessPort;
import org.invisiblebars.report.usecase.ReportPublicationProcess;
import org.invisiblebars.report.usecase.ReportPublicationProcess.Message;
import org.invisiblebars.report.usecase.ReportPublicationProcess.Variable;
import org.springframework.stereotype.Component;

/** Starts report-publication and correlates the organisation's answers by business key. */
@Component
class CamundaPublicationProcess implements PublicationProcessPort {

  private final RuntimeService runtimeService;
  private final HeldDeployments held;
  private final ReportAuthorizations authorizations;

  CamundaPublicationProcess(
      RuntimeService runtimeService, HeldDeployments held, ReportAuthorizations authorizations) {
    this.runtimeService = runtimeService;
    this.held = held;
    this.authorizations = authorizations;
  }

  @Override
  public void start(UUID reportId, String reportReference) {
    var instance =
        runtimeService.startProcessInstanceById(
            held.liveProcessId(ReportPublicationProcess.KEY),
            reportReference,
            Variables.createVariables().putValue(Variable.REPORT_ID, reportId.toString()));
    authorizations.hideInstance(instance.getId());
  }

  @Override
  public void consented(UUID reportId) {
    correlate(Message.CONSENT_GIVEN, reportId);
  }

  @Override
  public void changesRequested(UUID reportId) {
    correlate(Message.CHANGES_REQUESTED, reportId);
  }

  private void correlate(String message, UUID reportId) {
    runtimeService
        .createMessageCorrelation(message)
        .processInstanceVariableEquals(Variable.REPORT_ID, reportId.toString())
        .correlate();
  }
}
