package org.invisiblebars.organisation.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A person an organisation sends into prisons; vetted by security before an MoU names them. */
@Entity
@Table(name = "representative")
public class Representative {

  @Id private UUID id;

  @Column(name = "organisation_id", nullable = false)
  private UUID organisationId;

  @Column(name = "full_name", nullable = false, length = 200)
  private String fullName;

  @Column(length = 200)
  private String role;

  protected Representative() {}

  public Representative(UUID organisationId, String fullName, String role) {
    this.id = UUID.randomUUID();
    this.organisationId = organisationId;
    this.fullName = fullName;
    this.role = role;
  }

  public UUID getId() {
    return id;
  }

  public UUID getOrganisationId() {
    return organisationId;
  }

  public String getFullName() {
    return fullName;
  }

  public String getRole() {
    return role;
  }
}
