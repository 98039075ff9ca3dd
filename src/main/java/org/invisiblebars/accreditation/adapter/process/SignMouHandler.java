package org.invisiblebars.accreditation.adapter.process;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.invisiblebars.accreditation.usecase.AccreditationProcess;
import org.invisiblebars.accreditation.usecase.AccreditationProcess.Element;
import org.invisiblebars.accreditation.usecase.AccreditationQueries;
import org.invisiblebars.accreditation.usecase.ReviewAccreditation;
import org.invisiblebars.platform.task.Completion;
import org.invisiblebars.platform.task.TaskCase;
import org.invisiblebars.platform.task.UserTaskHandlerFor;

/**
 * Sign MoU: the director signs the MoU the organisation countersigned; the accreditation becomes
 * active.
 */
@UserTaskHandlerFor(process = AccreditationProcess.KEY, task = Element.SIGN_MOU)
class SignMouHandler extends AccreditationTaskHandler<SignMouHandler.Form, SignMouHandler.Display> {

  record Form(
      @NotNull @AssertTrue(message = "must be confirmed to sign") Boolean mouSigned,
      @Size(max = 2000) String signatureNotes) {}

  record Display(String applicationSummary, String mouSummary) {}

  SignMouHandler(ReviewAccreditation review, AccreditationQueries queries) {
    super(review, queries);
  }

  @Override
  public Display display(TaskCase task) {
    return new Display(queries.applicationSummary(task.id()), queries.mouSummary(task.id()));
  }

  @Override
  public Completion complete(TaskCase task, Form form) {
    review.signMou(task.id(), task.actor());
    return Completion.logged("MOU_SIGNED", form.signatureNotes());
  }
}
