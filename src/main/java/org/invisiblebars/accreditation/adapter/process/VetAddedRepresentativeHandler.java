package org.invisiblebars.accreditation.adapter.process;

import org.invisiblebars.accreditation.adapter.process.VetRepresentativesHandler.Display;
import org.invisiblebars.accreditation.adapter.process.VetRepresentativesHandler.Form;
import org.invisiblebars.accreditation.usecase.AccreditationQueries;
import org.invisiblebars.accreditation.usecase.RepresentativeVettingProcess;
import org.invisiblebars.accreditation.usecase.ReviewAccreditation;
import org.invisiblebars.platform.task.Completion;
import org.invisiblebars.platform.task.TaskCase;
import org.invisiblebars.platform.task.UserTaskHandlerFor;

/**
 * Vet representative in representative-vetting: the same form, display and rules as the
 * application's vetting task ({@link VetRepresentativesHandler}), for one person the organisation
 * added later. It hands over to that handler so both tasks stay one human task in two places.
 */
@UserTaskHandlerFor(
    process = RepresentativeVettingProcess.KEY,
    task = RepresentativeVettingProcess.Element.VET_REPRESENTATIVE)
class VetAddedRepresentativeHandler extends AccreditationTaskHandler<Form, Display> {

  private final VetRepresentativesHandler vetting;

  VetAddedRepresentativeHandler(
      ReviewAccreditation review, AccreditationQueries queries, VetRepresentativesHandler vetting) {
    super(review, queries);
    this.vetting = vetting;
  }

  @Override
  public Display display(TaskCase task) {
    return vetting.display(task);
  }

  @Override
  public Completion complete(TaskCase task, Form form) {
    return vetting.complete(task, form);
  }
}
