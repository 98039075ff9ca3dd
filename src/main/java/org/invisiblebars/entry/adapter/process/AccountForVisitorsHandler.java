package org.invisiblebars.entry.adapter.process;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.invisiblebars.entry.usecase.EntryProcess;
import org.invisiblebars.entry.usecase.EntryProcess.Element;
import org.invisiblebars.entry.usecase.ReviewVisit;
import org.invisiblebars.entry.usecase.VisitQueries;
import org.invisiblebars.entry.usecase.VisitQueries.TaskView;
import org.invisiblebars.platform.task.Completion;
import org.invisiblebars.platform.task.TaskCase;
import org.invisiblebars.platform.task.UserTaskHandler;
import org.invisiblebars.platform.task.UserTaskHandlerFor;

/** Account for visitors: an hour after the window, with visitors not checked out, security says what happened. */
@UserTaskHandlerFor(process = EntryProcess.KEY, task = Element.ACCOUNT_FOR_VISITORS)
class AccountForVisitorsHandler extends UserTaskHandler<AccountForVisitorsHandler.Form, AccountForVisitorsHandler.Display> {

  record Form(@NotBlank @Size(max = 4000) String account) {}

  record Display(String visitSummary, String enteredSummary) {}

  private final ReviewVisit review;
  private final VisitQueries queries;

  AccountForVisitorsHandler(ReviewVisit review, VisitQueries queries) {
    super(VisitTasks.PROCESS);
    this.review = review;
    this.queries = queries;
  }

  @Override
  public Display display(TaskCase task) {
    TaskView visit = queries.forTask(task.id());
    return new Display(VisitTaskTexts.visitSummary(visit), VisitTaskTexts.enteredSummary(visit));
  }

  @Override
  public Completion complete(TaskCase task, Form form) {
    review.accountForVisitors(task.id());
    return Completion.logged("ACCOUNTED_FOR", VisitTasks.text(form.account()));
  }
}
