package org.invisiblebars.meeting.usecase;

import java.time.LocalDate;
import java.util.UUID;

/** What the meeting use cases ask of the process engine. */
public interface MeetingProcessPort {

  /** Starts coordination-meeting for a meeting arranged or asked for through the API. */
  void start(UUID meetingId);

  /** Starts the tracking of one agreed action, its task due at the end of {@code dueOn}. */
  void track(UUID meetingId, UUID actionId, LocalDate dueOn);

  /** An action recorded done through the API: its tracking ends. */
  void actionDone(UUID actionId);
}
