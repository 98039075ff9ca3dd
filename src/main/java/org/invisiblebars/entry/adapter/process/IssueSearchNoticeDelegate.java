package org.invisiblebars.entry.adapter.process;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.invisiblebars.entry.usecase.EntryProcess;
import org.invisiblebars.entry.usecase.ReviewVisit;
import org.invisiblebars.platform.deployment.PublishedForModels;
import org.springframework.stereotype.Component;

/** Task_IssueSearchNotice: the organisation may read the notice and acknowledge it. */
@Component(EntryProcess.Bean.ISSUE_SEARCH_NOTICE)
@PublishedForModels
class IssueSearchNoticeDelegate implements JavaDelegate {

  private final ReviewVisit review;

  IssueSearchNoticeDelegate(ReviewVisit review) {
    this.review = review;
  }

  @Override
  public void execute(DelegateExecution execution) {
    UUID visitId = UUID.fromString((String) execution.getVariable(EntryProcess.Variable.VISIT_ID));
    review.issueNotice(visitId);
  }
}
