package org.invisiblebars.entry.adapter.process;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.invisiblebars.entry.usecase.EntryProcess;
import org.invisiblebars.entry.usecase.EntryProcess.Element;
import org.invisiblebars.entry.usecase.ReviewVisit;
import org.invisiblebars.entry.usecase.VisitQueries;
import org.invisiblebars.platform.task.Completion;
import org.invisiblebars.platform.task.TaskCase;
import org.invisiblebars.platform.task.UserTaskHandlerFor;

/**
 * Account for visitors: an hour after the window, with visitors not checked out, security says what
 * happened.
 */
@UserTaskHandlerFor(process = EntryProcess.KEY, task = Element.ACCOUNT_FOR_VISITORS)
class AccountForVisitorsHandler
    extends VisitTaskHandler<AccountForVisitorsHandler.Form, VisitTaskHandler.AfterEntry> {

  record Form(@NotBlank @Size(max = 4000) String account) {}

  AccountForVisitorsHandler(ReviewVisit review, VisitQueries queries) {
    super(review, queries);
  }

  @Override
  public AfterEntry display(TaskCase task) {
    return afterEntry(task);
  }

  @Override
  public Completion complete(TaskCase task, Form form) {
    review.accountForVisitors(task.id());
    return Completion.logged("ACCOUNTED_FOR", VisitTasks.text(form.account()));
  }
}
