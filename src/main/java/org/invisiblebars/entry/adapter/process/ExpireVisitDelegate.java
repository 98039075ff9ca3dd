package org.invisiblebars.entry.adapter.process;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.invisiblebars.entry.usecase.EntryProcess;
import org.invisiblebars.entry.usecase.ReviewVisit;
import org.invisiblebars.platform.deployment.PublishedForModels;
import org.springframework.stereotype.Component;

/** Task_ExpireVisit: the window passed before the visit was decided. */
@Component(EntryProcess.Bean.EXPIRE)
@PublishedForModels
class ExpireVisitDelegate implements JavaDelegate {

  private final ReviewVisit review;

  ExpireVisitDelegate(ReviewVisit review) {
    this.review = review;
  }

  @Override
  public void execute(DelegateExecution execution) {
    UUID visitId = UUID.fromString((String) execution.getVariable(EntryProcess.Variable.VISIT_ID));
    review.expire(visitId);
  }
}
