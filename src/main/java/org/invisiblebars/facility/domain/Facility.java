package org.invisiblebars.facility.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A prison facility, with how many accredited NGOs its liaison staff can sustain. */
@Entity
@Table(name = "facility")
public class Facility {

  @Id private UUID id;

  @Column(nullable = false, unique = true, length = 200)
  private String name;

  @Column(name = "liaison_capacity", nullable = false)
  private int liaisonCapacity;

  protected Facility() {}

  public Facility(String name, int liaisonCapacity) {
    this.id = UUID.randomUUID();
    this.name = name;
    this.liaisonCapacity = liaisonCapacity;
  }

  public UUID getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public int getLiaisonCapacity() {
    return liaisonCapacity;
  }
}
