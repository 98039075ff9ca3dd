package org.invisiblebars.meeting.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.invisiblebars.platform.validation.ConflictException;

/**
 * An action a meeting agreed: what, who owns it (a participant), by when; open until its owner or a
 * liaison officer records it done with a note.
 */
@Entity
@Table(name = "agreed_action")
public class AgreedAction {

  @Id private UUID id;

  @Column(nullable = false)
  private int position;

  @Column(nullable = false, length = 2000)
  private String description;

  @Column(name = "owner_name", nullable = false, length = 200)
  private String ownerName;

  @Enumerated(EnumType.STRING)
  @Column(name = "owner_side", nullable = false, length = 20)
  private Side ownerSide;

  @Column(name = "due_on", nullable = false)
  private LocalDate dueOn;

  @Column(name = "done_at")
  private Instant doneAt;

  @Column(name = "done_by", length = 64)
  private String doneBy;

  @Column(name = "done_note", length = 4000)
  private String doneNote;

  protected AgreedAction() {}

  AgreedAction(int position, String description, Participant owner, LocalDate dueOn) {
    this.id = UUID.randomUUID();
    this.position = position;
    this.description = description;
    this.ownerName = owner.getName();
    this.ownerSide = owner.getSide();
    this.dueOn = dueOn;
  }

  void done(String note, String actor, Instant at) {
    if (doneAt != null) {
      throw new ConflictException("action " + position + " is already done");
    }
    this.doneNote = note;
    this.doneBy = actor;
    this.doneAt = at;
  }

  /** Past its due date and not done: shown as overdue, and its task escalated by the SLA policy. */
  public boolean isOverdue(LocalDate today) {
    return doneAt == null && today.isAfter(dueOn);
  }

  public UUID getId() {
    return id;
  }

  public int getPosition() {
    return position;
  }

  public String getDescription() {
    return description;
  }

  public String getOwnerName() {
    return ownerName;
  }

  public Side getOwnerSide() {
    return ownerSide;
  }

  public LocalDate getDueOn() {
    return dueOn;
  }

  public Instant getDoneAt() {
    return doneAt;
  }

  public String getDoneBy() {
    return doneBy;
  }

  public String getDoneNote() {
    return doneNote;
  }
}
