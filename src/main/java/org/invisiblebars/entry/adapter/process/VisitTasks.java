package org.invisiblebars.entry.adapter.process;

import org.invisiblebars.entry.usecase.EntryProcess;
import org.invisiblebars.entry.usecase.EntryProcess.Variable;
import org.invisiblebars.entry.usecase.VisitSubject;
import org.invisiblebars.platform.identity.Groups;
import org.invisiblebars.platform.process.Confidential;
import org.invisiblebars.platform.task.CaseProcess;

/** What the handlers of the entry-authorisation tasks share. */
final class VisitTasks {

  /** What the tasks show about a visit: read by those who work on visits. */
  static final Confidential VISIT =
      Confidential.readableBy(
          Groups.DIRECTOR, Groups.SECURITY, Groups.NGO_LIAISON, Groups.CAMUNDA_ADMIN);

  /**
   * The risk proposal, the assessment and the search level they lead to: security, directors,
   * administrators.
   */
  static final Confidential RISK =
      Confidential.readableBy(Groups.DIRECTOR, Groups.SECURITY, Groups.CAMUNDA_ADMIN);

  /**
   * The entry-authorisation process: its tasks work on a visit, and what they show is read by
   * {@link #VISIT}.
   */
  static final CaseProcess PROCESS =
      new CaseProcess(EntryProcess.KEY, VisitSubject.TYPE, Variable.VISIT_ID, VISIT);

  private VisitTasks() {}

  /** A text as it is kept and logged: trimmed, and none when nothing but blanks was typed. */
  static String text(String typed) {
    return typed == null || typed.isBlank() ? null : typed.trim();
  }
}
