package org.invisiblebars.entry.adapter.process;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.invisiblebars.entry.usecase.EntryProcess;
import org.invisiblebars.entry.usecase.ReviewVisit;
import org.invisiblebars.platform.deployment.PublishedForModels;
import org.springframework.stereotype.Component;

/**
 * Task_CheckScope: the visit against the accreditation or mandate and the MoU; sets {@code
 * inScope}.
 */
@Component(EntryProcess.Bean.CHECK_SCOPE)
@PublishedForModels
class CheckVisitScopeDelegate implements JavaDelegate {

  private final ReviewVisit review;

  CheckVisitScopeDelegate(ReviewVisit review) {
    this.review = review;
  }

  @Override
  public void execute(DelegateExecution execution) {
    UUID visitId = UUID.fromString((String) execution.getVariable(EntryProcess.Variable.VISIT_ID));
    execution.setVariable(EntryProcess.Variable.IN_SCOPE, review.checkScope(visitId));
  }
}
