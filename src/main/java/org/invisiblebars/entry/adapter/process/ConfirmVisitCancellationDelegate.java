package org.invisiblebars.entry.adapter.process;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.invisiblebars.entry.usecase.EntryProcess;
import org.invisiblebars.entry.usecase.VisitLifecycle;
import org.invisiblebars.platform.deployment.PublishedForModels;
import org.springframework.stereotype.Component;

/**
 * Task_ConfirmCancellation: the cancellation message ends the visit's process only when the visit
 * was cancelled through its use case, which checks who cancels. A message correlated through the
 * engine's API alone (Cockpit, {@code POST /engine-rest/message}) is refused with 409 and undone.
 */
@Component(EntryProcess.Bean.CONFIRM_CANCELLATION)
@PublishedForModels
class ConfirmVisitCancellationDelegate implements JavaDelegate {

  private final VisitLifecycle lifecycle;

  ConfirmVisitCancellationDelegate(VisitLifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  @Override
  public void execute(DelegateExecution execution) {
    lifecycle.confirmCancelled(
        UUID.fromString((String) execution.getVariable(EntryProcess.Variable.VISIT_ID)));
  }
}
