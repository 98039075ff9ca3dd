package org.invisiblebars.accreditation.adapter.process;

import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.invisiblebars.accreditation.usecase.AccreditationProcess;
import org.invisiblebars.accreditation.usecase.AccreditationProcessPort;
import org.invisiblebars.accreditation.usecase.RepresentativeVettingProcess;
import org.invisiblebars.platform.process.HeldDeployments;
import org.springframework.stereotype.Component;

/**
 * Starts ngo-accreditation (business key: the accreditation's reference) and correlates its
 * messages by the accreditation id variable, which every instance has, also those started when the
 * business key was the id.
 */
@Component
class CamundaAccreditationProcess implements AccreditationProcessPort {

  private final RuntimeService runtimeService;
  private final HeldDeployments held;

  CamundaAccreditationProcess(RuntimeService runtimeService, HeldDeployments held) {
    this.runtimeService = runtimeService;
    this.held = held;
  }

  @Override
  public void start(
      UUID accreditationId, String reference, boolean formalMandate, String organisationName) {
    runtimeService.startProcessInstanceById(
        held.liveProcessId(AccreditationProcess.KEY),
        reference,
        Variables.createVariables()
            .putValue(AccreditationProcess.Variable.ACCREDITATION_ID, accreditationId.toString())
            .putValue(AccreditationProcess.Variable.FORMAL_MANDATE, formalMandate)
            .putValue(AccreditationProcess.Variable.ORGANISATION_NAME, organisationName));
  }

  @Override
  public void informationSupplied(UUID accreditationId) {
    correlate(AccreditationProcess.Message.INFORMATION_SUPPLIED, accreditationId);
  }

  @Override
  public void mouCountersigned(UUID accreditationId) {
    correlate(AccreditationProcess.Message.MOU_COUNTERSIGNED, accreditationId);
  }

  @Override
  public void revoked(UUID accreditationId) {
    correlate(AccreditationProcess.Message.ACCREDITATION_REVOKED, accreditationId);
  }

  @Override
  public void mouAgreed(UUID accreditationId) {
    correlate(AccreditationProcess.Message.MOU_AGREED, accreditationId);
  }

  @Override
  public void mouAmendmentsProposed(UUID accreditationId) {
    correlate(AccreditationProcess.Message.MOU_AMENDMENTS_PROPOSED, accreditationId);
  }

  @Override
  public void representativeAdded(UUID accreditationId, String reference, UUID representativeId) {
    runtimeService.startProcessInstanceById(
        held.liveProcessId(RepresentativeVettingProcess.KEY),
        reference,
        Variables.createVariables()
            .putValue(
                RepresentativeVettingProcess.Variable.ACCREDITATION_ID, accreditationId.toString())
            .putValue(
                RepresentativeVettingProcess.Variable.REPRESENTATIVE_ID,
                representativeId.toString()));
  }

  private void correlate(String message, UUID accreditationId) {
    runtimeService
        .createMessageCorrelation(message)
        .processInstanceVariableEquals(
            AccreditationProcess.Variable.ACCREDITATION_ID, accreditationId.toString())
        .correlate();
  }
}
