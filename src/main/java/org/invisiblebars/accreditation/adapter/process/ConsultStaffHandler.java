package org.invisiblebars.accreditation.adapter.process;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.invisiblebars.accreditation.adapter.process.AccreditationTaskHandler.ShowingApplicationHandler;
import org.invisiblebars.accreditation.usecase.AccreditationProcess;
import org.invisiblebars.accreditation.usecase.AccreditationProcess.Element;
import org.invisiblebars.accreditation.usecase.AccreditationQueries;
import org.invisiblebars.accreditation.usecase.ReviewAccreditation;
import org.invisiblebars.platform.task.Completion;
import org.invisiblebars.platform.task.TaskCase;
import org.invisiblebars.platform.task.UserTaskHandlerFor;

/**
 * Consult staff: the liaison officer records what the staff of the facilities think of the proposed
 * activity.
 */
@UserTaskHandlerFor(process = AccreditationProcess.KEY, task = Element.CONSULT_STAFF)
class ConsultStaffHandler extends ShowingApplicationHandler<ConsultStaffHandler.Form> {

  record Form(@NotBlank @Size(max = 4000) String staffViews) {}

  ConsultStaffHandler(ReviewAccreditation review, AccreditationQueries queries) {
    super(review, queries);
  }

  @Override
  public Completion complete(TaskCase task, Form form) {
    review.consultStaff(task.id(), form.staffViews());
    return Completion.logged("CONSULTED", form.staffViews());
  }
}
