package org.invisiblebars.meeting.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.invisiblebars.platform.reference.ReferencedCase;
import org.invisiblebars.platform.validation.ConflictException;
import org.invisiblebars.platform.validation.InvalidInputException;
import org.invisiblebars.platform.validation.InvalidInputException.FieldProblem;
import org.invisiblebars.platform.validation.NotFoundException;

/**
 * A coordination meeting between the authorities and one organisation: called with an agenda (by
 * the report review, a liaison officer or the organisation), then held with participants from both
 * sides and minutes, and the actions it agreed, each with an owner among the participants and a due
 * date.
 */
@Entity
@Table(name = "coordination_meeting")
public class Meeting extends ReferencedCase {

  /** The prefix of its reference (MTG-2026-0003). */
  public static final String REFERENCE_PREFIX = "MTG";

  @Id private UUID id;

  @Column(name = "organisation_id", nullable = false)
  private UUID organisationId;

  @Column(name = "report_id")
  private UUID reportId;

  /**
   * Called by the report review as its coordination meeting: holding it engages the authorities.
   */
  @Column(name = "of_review", nullable = false)
  private boolean ofReview;

  @Column(nullable = false, length = 4000)
  private String agenda;

  @Column(name = "planned_for")
  private LocalDate plannedFor;

  @Column(name = "called_by", nullable = false, length = 64)
  private String calledBy;

  @Column(name = "called_by_organisation", nullable = false)
  private boolean calledByOrganisation;

  @Column(name = "called_at", nullable = false)
  private Instant calledAt;

  @Column(name = "held_on")
  private LocalDate heldOn;

  @Column(length = 8000)
  private String minutes;

  @Column(name = "recorded_by", length = 64)
  private String recordedBy;

  @Column(name = "recorded_at")
  private Instant recordedAt;

  @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
  @JoinColumn(name = "meeting_id", nullable = false)
  @OrderBy("position")
  private List<Participant> participants = new ArrayList<>();

  @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
  @JoinColumn(name = "meeting_id", nullable = false)
  @OrderBy("position")
  private List<AgreedAction> actions = new ArrayList<>();

  protected Meeting() {}

  /** A meeting called with its agenda; {@code reportId} when it is about a report. */
  public Meeting(
      UUID organisationId,
      UUID reportId,
      boolean ofReview,
      String agenda,
      LocalDate plannedFor,
      String calledBy,
      boolean calledByOrganisation,
      Instant calledAt) {
    this.id = UUID.randomUUID();
    this.organisationId = organisationId;
    this.reportId = reportId;
    this.ofReview = ofReview;
    this.agenda = agenda;
    this.plannedFor = plannedFor;
    this.calledBy = calledBy;
    this.calledByOrganisation = calledByOrganisation;
    this.calledAt = calledAt;
  }

  /**
   * The meeting was held on {@code date} (not after {@code today}) with these people of each side
   * (at least one each: a meeting of one side is no coordination) and these minutes. Once only.
   */
  public void hold(
      LocalDate date,
      List<String> authorities,
      List<String> organisation,
      String minutes,
      String actor,
      Instant at,
      LocalDate today) {
    if (heldOn != null) {
      throw new ConflictException("the meeting " + id + " was already held on " + heldOn);
    }
    List<FieldProblem> problems = new ArrayList<>();
    if (date.isAfter(today)) {
      problems.add(new FieldProblem("meetingDate", "must not be in the future"));
    }
    if (authorities.isEmpty()) {
      problems.add(
          new FieldProblem("authorityParticipants", "must name at least one person, one a line"));
    }
    if (organisation.isEmpty()) {
      problems.add(
          new FieldProblem("ngoParticipants", "must name at least one person, one a line"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    participants.clear();
    authorities.forEach(
        name -> participants.add(new Participant(participants.size() + 1, Side.AUTHORITIES, name)));
    organisation.forEach(
        name ->
            participants.add(new Participant(participants.size() + 1, Side.ORGANISATION, name)));
    this.heldOn = date;
    this.minutes = minutes;
    this.recordedBy = actor;
    this.recordedAt = at;
  }

  /**
   * An action the meeting agreed: its owner is one of the participants (by name, in any case), and
   * it is due on or after the day of the meeting.
   */
  public AgreedAction agree(String description, String owner, LocalDate dueOn) {
    if (heldOn == null) {
      throw new ConflictException("the meeting " + id + " is not held yet: no action is agreed");
    }
    Optional<Participant> participant =
        participants.stream().filter(p -> p.getName().equalsIgnoreCase(owner.strip())).findFirst();
    List<FieldProblem> problems = new ArrayList<>();
    if (participant.isEmpty()) {
      problems.add(
          new FieldProblem(
              "actionOwner",
              "must be one of the participants: "
                  + participants.stream()
                      .map(Participant::getName)
                      .collect(Collectors.joining(", "))));
    }
    if (dueOn.isBefore(heldOn)) {
      problems.add(
          new FieldProblem("actionDueOn", "must not be before the meeting (" + heldOn + ")"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    AgreedAction action =
        new AgreedAction(actions.size() + 1, description, participant.get(), dueOn);
    actions.add(action);
    return action;
  }

  /** The action is done, with a note of what was done. */
  public AgreedAction done(UUID actionId, String note, String actor, Instant at) {
    AgreedAction action = action(actionId);
    action.done(note, actor, at);
    return action;
  }

  public AgreedAction action(UUID actionId) {
    return actions.stream()
        .filter(a -> a.getId().equals(actionId))
        .findFirst()
        .orElseThrow(() -> new NotFoundException("action " + actionId + " of meeting " + id));
  }

  @Override
  public String referencePrefix() {
    return REFERENCE_PREFIX;
  }

  /** A meeting's reference is of the year it was called. */
  @Override
  public Instant createdAt() {
    return calledAt;
  }

  public boolean isHeld() {
    return heldOn != null;
  }

  public UUID getId() {
    return id;
  }

  public UUID getOrganisationId() {
    return organisationId;
  }

  public UUID getReportId() {
    return reportId;
  }

  public boolean isOfReview() {
    return ofReview;
  }

  public String getAgenda() {
    return agenda;
  }

  public LocalDate getPlannedFor() {
    return plannedFor;
  }

  public String getCalledBy() {
    return calledBy;
  }

  public boolean isCalledByOrganisation() {
    return calledByOrganisation;
  }

  public Instant getCalledAt() {
    return calledAt;
  }

  public LocalDate getHeldOn() {
    return heldOn;
  }

  public String getMinutes() {
    return minutes;
  }

  public String getRecordedBy() {
    return recordedBy;
  }

  public Instant getRecordedAt() {
    return recordedAt;
  }

  public List<Participant> getParticipants() {
    return List.copyOf(participants);
  }

  public List<AgreedAction> getActions() {
    return List.copyOf(actions);
  }
}
