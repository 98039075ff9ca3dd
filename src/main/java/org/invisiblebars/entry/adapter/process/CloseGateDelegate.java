package org.invisiblebars.entry.adapter.process;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.invisiblebars.entry.usecase.EntryProcess;
import org.invisiblebars.entry.usecase.ReviewVisit;
import org.invisiblebars.platform.deployment.PublishedForModels;
import org.springframework.stereotype.Component;

/**
 * Task_CloseGate: sets {@code gateOutcome} to where the visit stands (IN_PROGRESS, NO_ENTRY or
 * EXPIRED).
 */
@Component(EntryProcess.Bean.CLOSE_GATE)
@PublishedForModels
class CloseGateDelegate implements JavaDelegate {

  private final ReviewVisit review;

  CloseGateDelegate(ReviewVisit review) {
    this.review = review;
  }

  @Override
  public void execute(DelegateExecution execution) {
    UUID visitId = UUID.fromString((String) execution.getVariable(EntryProcess.Variable.VISIT_ID));
    execution.setVariable(EntryProcess.Variable.GATE_OUTCOME, review.closeGate(visitId).name());
  }
}
