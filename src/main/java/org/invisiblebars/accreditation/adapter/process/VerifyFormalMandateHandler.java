package org.invisiblebars.accreditation.adapter.process;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.invisiblebars.accreditation.adapter.process.AccreditationTaskHandler.ShowingApplicationHandler;
import org.invisiblebars.accreditation.usecase.AccreditationProcess;
import org.invisiblebars.accreditation.usecase.AccreditationProcess.Element;
import org.invisiblebars.accreditation.usecase.AccreditationProcess.Variable;
import org.invisiblebars.accreditation.usecase.AccreditationQueries;
import org.invisiblebars.accreditation.usecase.ReviewAccreditation;
import org.invisiblebars.platform.task.Completion;
import org.invisiblebars.platform.task.TaskCase;
import org.invisiblebars.platform.task.UserTaskHandlerFor;

/** Verify formal mandate: the liaison officer checks the legal instrument of an NPM or the ICRC. */
@UserTaskHandlerFor(process = AccreditationProcess.KEY, task = Element.VERIFY_FORMAL_MANDATE)
class VerifyFormalMandateHandler
    extends ShowingApplicationHandler<VerifyFormalMandateHandler.Form> {

  enum Verdict {
    VERIFIED,
    NOT_VERIFIED
  }

  record Form(
      @NotNull Verdict mandateVerified, @NotBlank @Size(max = 2000) String verificationNotes) {}

  VerifyFormalMandateHandler(ReviewAccreditation review, AccreditationQueries queries) {
    super(review, queries);
  }

  @Override
  public Completion complete(TaskCase task, Form form) {
    boolean verified = form.mandateVerified() == Verdict.VERIFIED;
    review.verifyMandate(task.id());
    return Completion.logged(
            verified ? "MANDATE_VERIFIED" : "MANDATE_NOT_VERIFIED", form.verificationNotes())
        .with(Variable.MANDATE_VERIFIED, verified);
  }
}
