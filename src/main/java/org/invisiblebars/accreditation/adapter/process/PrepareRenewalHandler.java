package org.invisiblebars.accreditation.adapter.process;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.invisiblebars.accreditation.usecase.AccreditationProcess;
import org.invisiblebars.accreditation.usecase.AccreditationProcess.Element;
import org.invisiblebars.accreditation.usecase.AccreditationQueries;
import org.invisiblebars.accreditation.usecase.ReviewAccreditation;
import org.invisiblebars.platform.task.Completion;
import org.invisiblebars.platform.task.TaskCase;
import org.invisiblebars.platform.task.UserTaskHandlerFor;

/**
 * Prepare renewal: before the term ends, the liaison officer notes how it went and what the renewal
 * needs.
 */
@UserTaskHandlerFor(process = AccreditationProcess.KEY, task = Element.PREPARE_RENEWAL)
class PrepareRenewalHandler
    extends AccreditationTaskHandler<PrepareRenewalHandler.Form, PrepareRenewalHandler.Display> {

  record Form(@NotBlank @Size(max = 4000) String renewalNotes) {}

  record Display(String applicationSummary, String termSummary) {}

  PrepareRenewalHandler(ReviewAccreditation review, AccreditationQueries queries) {
    super(review, queries);
  }

  @Override
  public Display display(TaskCase task) {
    return new Display(queries.applicationSummary(task.id()), queries.termSummary(task.id()));
  }

  @Override
  public Completion complete(TaskCase task, Form form) {
    review.prepareRenewal(task.id());
    return Completion.logged("RENEWAL_PREPARED", form.renewalNotes());
  }
}
