package org.invisiblebars.meeting.adapter.process;

import org.invisiblebars.meeting.usecase.AgreedActionProcess;
import org.invisiblebars.meeting.usecase.CoordinationMeetingProcess;
import org.invisiblebars.meeting.usecase.MeetingSubject;
import org.invisiblebars.platform.identity.Groups;
import org.invisiblebars.platform.process.Confidential;
import org.invisiblebars.platform.task.CaseProcess;

/** What the handlers of the meeting's tasks share. */
final class MeetingTasks {

  /**
   * Who reads a meeting's tasks in the engine: the directors and liaison officers, as for the
   * report under review a meeting may discuss. Not administrators nor managers.
   */
  static final Confidential READERS = Confidential.readableBy(Groups.DIRECTOR, Groups.NGO_LIAISON);

  /** The meeting: its tasks work on a meeting, logged under it. */
  static final CaseProcess MEETING =
      new CaseProcess(
          CoordinationMeetingProcess.KEY,
          MeetingSubject.TYPE,
          CoordinationMeetingProcess.Variable.MEETING_ID,
          READERS);

  /** The tracking of one agreed action, logged under its meeting. */
  static final CaseProcess ACTION =
      new CaseProcess(
          AgreedActionProcess.KEY,
          MeetingSubject.TYPE,
          AgreedActionProcess.Variable.MEETING_ID,
          READERS);

  private MeetingTasks() {}
}
