package org.invisiblebars.accreditation.adapter.process;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.invisiblebars.accreditation.usecase.AccreditationProcess;
import org.invisiblebars.accreditation.usecase.AccreditationProcess.Element;
import org.invisiblebars.accreditation.usecase.AccreditationProcess.Variable;
import org.invisiblebars.accreditation.usecase.AccreditationQueries;
import org.invisiblebars.accreditation.usecase.ReviewAccreditation;
import org.invisiblebars.accreditation.usecase.SupportingDocuments;
import org.invisiblebars.platform.task.Completion;
import org.invisiblebars.platform.task.TaskCase;
import org.invisiblebars.platform.task.UserTaskHandlerFor;
import org.invisiblebars.platform.validation.RequiredWhen;

/**
 * Check application completeness: the liaison officer finds the application complete, or lists what
 * the organisation must still send.
 */
@UserTaskHandlerFor(
    process = AccreditationProcess.KEY,
    task = Element.CHECK_APPLICATION_COMPLETENESS)
class CheckApplicationCompletenessHandler
    extends AccreditationTaskHandler<
        CheckApplicationCompletenessHandler.Form, CheckApplicationCompletenessHandler.Display> {

  enum Completeness {
    COMPLETE,
    INCOMPLETE
  }

  @RequiredWhen(
      field = "informationRequested",
      when = "completeness",
      is = "INCOMPLETE",
      message = "is required when the application is incomplete")
  record Form(@NotNull Completeness completeness, @Size(max = 4000) String informationRequested) {}

  /** What the officer reads: the application, earlier requests, and the supporting documents. */
  record Display(
      String applicationSummary, String informationHistory, String supportingDocuments) {}

  private final SupportingDocuments documents;

  CheckApplicationCompletenessHandler(
      ReviewAccreditation review, AccreditationQueries queries, SupportingDocuments documents) {
    super(review, queries);
    this.documents = documents;
  }

  @Override
  public Display display(TaskCase task) {
    return new Display(
        queries.applicationSummary(task.id()),
        queries.informationHistory(task.id()),
        documents.forReviewers(task.id()));
  }

  @Override
  public Completion complete(TaskCase task, Form form) {
    boolean complete = form.completeness() == Completeness.COMPLETE;
    if (complete) {
      review.confirmComplete(task.id());
      return Completion.logged("COMPLETE", null).with(Variable.APPLICATION_COMPLETE, true);
    }
    review.requestInformation(task.id(), form.informationRequested());
    return Completion.logged("INFORMATION_REQUESTED", form.informationRequested())
        .with(Variable.APPLICATION_COMPLETE, false);
  }
}
