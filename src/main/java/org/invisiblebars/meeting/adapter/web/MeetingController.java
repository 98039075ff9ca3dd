package org.invisiblebars.meeting.adapter.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.invisiblebars.meeting.domain.Meeting;
import org.invisiblebars.meeting.usecase.HoldMeetings;
import org.invisiblebars.meeting.usecase.MeetingQueries;
import org.invisiblebars.meeting.usecase.MeetingQueries.MeetingView;
import org.invisiblebars.organisation.adapter.OrganisationScope;
import org.invisiblebars.platform.identity.Groups;
import org.invisiblebars.platform.reference.CaseKey;
import org.invisiblebars.platform.web.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Coordination meetings in the NGO API. A meeting is read by its organisation's users (others' are
 * 404), directors and liaison officers, like the reports it may discuss; any other role is refused.
 * A liaison officer arranges one and the organisation asks for one here, and either records an
 * agreed action done. A meeting is named in paths by its id or its reference ({@code
 * MTG-2026-0003}).
 */
@Tag(name = "Meetings")
@RestController
@RequestMapping("/api/v1/meetings")
class MeetingController {

  private final HoldMeetings meetings;
  private final MeetingQueries queries;
  private final OrganisationScope organisations;

  MeetingController(
      HoldMeetings meetings, MeetingQueries queries, OrganisationScope organisations) {
    this.meetings = meetings;
    this.queries = queries;
    this.organisations = organisations;
  }

  /**
   * A liaison officer arranges a meeting with an organisation, or the organisation asks for one:
   * 201 with its location; the liaison officer holds it in Tasklist.
   */
  @Operation(summary = "Call a coordination meeting")
  @ResponseStatus(HttpStatus.CREATED)
  @PostMapping
  ResponseEntity<MeetingView> call(
      @RequestBody HoldMeetings.Call call, Authentication authentication) {
    Caller caller = Caller.of(authentication);
    Optional<UUID> organisation = readers(caller);
    UUID id = meetings.call(call, organisation, caller.userId()).getId();
    return ResponseEntity.created(URI.create("/api/v1/meetings/" + id))
        .body(queries.view(id, organisation));
  }

  @Operation(summary = "List coordination meetings")
  @GetMapping
  List<MeetingView> list(Authentication authentication) {
    return queries.list(readers(Caller.of(authentication)));
  }

  @Operation(summary = "Read a coordination meeting with its agreed actions")
  @GetMapping("/{id}")
  MeetingView read(@PathVariable @CaseKey(Meeting.class) UUID id, Authentication authentication) {
    return queries.view(id, readers(Caller.of(authentication)));
  }

  /**
   * An agreed action is done, with a note: the organisation records its own actions, a liaison
   * officer any, a director the authorities'.
   */
  @Operation(summary = "Mark an agreed action done")
  @PostMapping("/{id}/actions/{actionId}/done")
  MeetingView done(
      @PathVariable @CaseKey(Meeting.class) UUID id,
      @PathVariable UUID actionId,
      @RequestBody HoldMeetings.Done done,
      Authentication authentication) {
    Caller caller = Caller.of(authentication);
    Optional<UUID> organisation = readers(caller);
    meetings.done(
        id, actionId, done, organisation, caller.isIn(Groups.NGO_LIAISON), caller.userId());
    return queries.view(id, organisation);
  }

  /** NGO users their organisation's meetings; directors and liaison officers all. */
  private Optional<UUID> readers(Caller caller) {
    return organisations.of(caller, Groups.DIRECTOR, Groups.NGO_LIAISON);
  }
}
