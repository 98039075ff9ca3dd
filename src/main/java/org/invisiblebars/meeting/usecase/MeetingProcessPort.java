package org.invisiblebars.meeting.usecase;

import java.time.LocalDate;
import java.util.UUID;

/** What the meeting use cases ask of the process engine. */
public interface MeetingProcessPort {

  /**
   * Starts coordination-meeting for a meeting arranged or asked for through the API, known in
   * Tasklist by its {@code reference}.
   */
  void start(UUID meetingId, String reference);

  /**
   * Starts the tracking of one agreed action of the meeting {@code meetingReference}, its task due
   * at the end of {@code dueOn}.
   */
  void track(UUID meetingId, String meetingReference, UUID actionId, LocalDate dueOn);

  /** An action recorded done through the API: its tracking ends. */
  void actionDone(UUID actionId);
}
