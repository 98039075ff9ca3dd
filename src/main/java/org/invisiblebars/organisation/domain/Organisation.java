package org.invisiblebars.organisation.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An organisation that works with the prison administration. */
@Entity
@Table(name = "organisation")
public class Organisation {

  @Id private UUID id;

  @Column(nullable = false, unique = true, length = 200)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(name = "mandate_type", nullable = false, length = 10)
  private MandateType mandateType;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  /** The NGO network the organisation belongs to, if any; new NGOs may be pointed to it. */
  @Column(name = "network_name", length = 200)
  private String networkName;

  /** Religious-based organisations commit in their MoU to serve prisoners of any or no religion. */
  @Column(name = "religious_based", nullable = false)
  private boolean religiousBased;

  protected Organisation() {}

  public Organisation(String name, MandateType mandateType, Instant createdAt) {
    this.id = UUID.randomUUID();
    this.name = name;
    this.mandateType = mandateType;
    this.createdAt = createdAt;
  }

  public UUID getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public MandateType getMandateType() {
    return mandateType;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public String getNetworkName() {
    return networkName;
  }

  public boolean isReligiousBased() {
    return religiousBased;
  }

  public void joinNetwork(String networkName) {
    this.networkName = networkName;
  }

  public void declareReligiousBased(boolean religiousBased) {
    this.religiousBased = religiousBased;
  }
}
