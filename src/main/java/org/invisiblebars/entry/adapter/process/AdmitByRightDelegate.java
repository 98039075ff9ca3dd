package org.invisiblebars.entry.adapter.process;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.invisiblebars.entry.usecase.EntryProcess;
import org.invisiblebars.entry.usecase.ReviewVisit;
import org.invisiblebars.platform.deployment.PublishedForModels;
import org.springframework.stereotype.Component;

/**
 * Task_AdmitByRight: a formal monitor goes to the gate without waiting for a staff decision
 * (unannounced, or undecided when the gate opens).
 */
@Component(EntryProcess.Bean.ADMIT_BY_RIGHT)
@PublishedForModels
class AdmitByRightDelegate implements JavaDelegate {

  private final ReviewVisit review;

  AdmitByRightDelegate(ReviewVisit review) {
    this.review = review;
  }

  @Override
  public void execute(DelegateExecution execution) {
    review.admitByRight(
        UUID.fromString((String) execution.getVariable(EntryProcess.Variable.VISIT_ID)));
  }
}
