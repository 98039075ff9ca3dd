package org.invisiblebars.organisation.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/**
 * Binds an {@code ngo} user of the Camunda user store to exactly one organisation; everything that
 * user may see through the NGO API is scoped by it.
 */
@Entity
@Table(name = "organisation_member")
public class OrganisationMember {

  @Id
  @Column(name = "user_id", length = 64)
  private String userId;

  @Column(name = "organisation_id", nullable = false)
  private UUID organisationId;

  protected OrganisationMember() {}

  public OrganisationMember(String userId, UUID organisationId) {
    this.userId = userId;
    this.organisationId = organisationId;
  }

  public String getUserId() {
    return userId;
  }

  public UUID getOrganisationId() {
    return organisationId;
  }
}
