package org.invisiblebars.meeting.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A person who took part in a meeting, by name, on one side. */
@Entity
@Table(name = "meeting_participant")
public class Participant {

  @Id private UUID id;

  @Column(nullable = false)
  private int position;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private Side side;

  @Column(nullable = false, length = 200)
  private String name;

  protected Participant() {}

  Participant(int position, Side side, String name) {
    this.id = UUID.randomUUID();
    this.position = position;
    this.side = side;
    this.name = name;
  }

  public int getPosition() {
    return position;
  }

  public Side getSide() {
    return side;
  }

  public String getName() {
    return name;
  }
}
