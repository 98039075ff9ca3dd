package org.invisiblebars.accreditation.adapter.process;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.invisiblebars.accreditation.domain.AccreditationStatus;
import org.invisiblebars.accreditation.usecase.AccreditationLifecycle;
import org.invisiblebars.accreditation.usecase.AccreditationProcess;
import org.invisiblebars.platform.deployment.PublishedForModels;
import org.springframework.stereotype.Component;

/** Records the status a service task names in its input {@code targetStatus}. */
@Component(AccreditationProcess.Bean.STATUS_DELEGATE)
@PublishedForModels
class AccreditationStatusDelegate implements JavaDelegate {

  private final AccreditationLifecycle lifecycle;

  AccreditationStatusDelegate(AccreditationLifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  @Override
  public void execute(DelegateExecution execution) {
    lifecycle.changeStatus(
        UUID.fromString(
            (String) execution.getVariable(AccreditationProcess.Variable.ACCREDITATION_ID)),
        AccreditationStatus.valueOf(
            (String) execution.getVariableLocal(AccreditationProcess.Variable.TARGET_STATUS)));
  }
}
