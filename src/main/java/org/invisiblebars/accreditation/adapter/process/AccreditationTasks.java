package org.invisiblebars.accreditation.adapter.process;

import org.invisiblebars.accreditation.usecase.AccreditationProcess;
import org.invisiblebars.accreditation.usecase.AccreditationProcess.Variable;
import org.invisiblebars.accreditation.usecase.AccreditationQueries;
import org.invisiblebars.accreditation.usecase.AccreditationSubject;
import org.invisiblebars.platform.process.Confidential;
import org.invisiblebars.platform.task.CaseProcess;

/** What the handlers of the accreditation's tasks share. */
final class AccreditationTasks {

  /**
   * The accreditation process: its tasks work on an accreditation, and what they show (the
   * application, ratings, vetting, staff views, decision and MoU) is read by those who work on
   * accreditations, as in our API; not managers or process owners.
   */
  static final CaseProcess PROCESS = new CaseProcess(AccreditationProcess.KEY, AccreditationSubject.TYPE, Variable.ACCREDITATION_ID,
      Confidential.readableBy(AccreditationQueries.REVIEWERS));

  private AccreditationTasks() {}
}
