package org.invisiblebars.registration.adapter.process;

import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.invisiblebars.platform.process.HeldDeployments;
import org.invisiblebars.registration.usecase.RegistrationProcess;
import org.invisiblebars.registration.usecase.RegistrationReviews;
import org.springframework.stereotype.Component;

/**
 * Starts organisation-registration per verified request (business key: the request's reference), on
 * the live version of the model (not one a process owner deployed and awaits review).
 */
@Component
class CamundaRegistrationReviews implements RegistrationReviews {

  private final RuntimeService runtimeService;
  private final HeldDeployments held;

  CamundaRegistrationReviews(RuntimeService runtimeService, HeldDeployments held) {
    this.runtimeService = runtimeService;
    this.held = held;
  }

  @Override
  public void start(UUID id, String reference) {
    runtimeService.startProcessInstanceById(
        held.liveProcessId(RegistrationProcess.KEY),
        reference,
        Variables.createVariables()
            .putValue(RegistrationProcess.Variable.REGISTRATION_ID, id.toString()));
  }
}
