package org.invisiblebars.accreditation.adapter.process;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.invisiblebars.accreditation.usecase.AccreditationLifecycle;
import org.invisiblebars.accreditation.usecase.AccreditationProcess;
import org.invisiblebars.platform.deployment.PublishedForModels;
import org.springframework.stereotype.Component;

/** Activates a signed accreditation and sets the dates of its expiry and renewal timers. */
@Component(AccreditationProcess.Bean.ACTIVATE_DELEGATE)
@PublishedForModels
class ActivateAccreditationDelegate implements JavaDelegate {

  private final AccreditationLifecycle lifecycle;

  ActivateAccreditationDelegate(AccreditationLifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var term =
        lifecycle.activate(
            UUID.fromString(
                (String) execution.getVariable(AccreditationProcess.Variable.ACCREDITATION_ID)));
    execution.setVariable(AccreditationProcess.Variable.TERM_ENDS_AT, term.endsAt());
    execution.setVariable(
        AccreditationProcess.Variable.RENEWAL_REMINDER_AT, term.renewalReminderAt());
  }
}
