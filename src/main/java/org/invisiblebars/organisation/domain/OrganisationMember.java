package org.invisiblebars.organisation.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.util.UUID;
import org.springframework.data.domain.Persistable;

/**
 * Binds an {@code ngo} user of the Camunda user store to exactly one organisation; everything that
 * user may see through the NGO API is scoped by it.
 */
@Entity
@Table(name = "organisation_member")
public class OrganisationMember implements Persistable<String> {

  @Id
  @Column(name = "user_id", length = 64)
  private String userId;

  @Column(name = "organisation_id", nullable = false)
  private UUID organisationId;

  /**
   * A new binding is inserted, never merged: the key is the user's id, so a merge would find a
   * binding another request stored a moment before and move the user to this organisation, where an
   * insert is refused by the key (the binding that came first holds).
   */
  @Transient private boolean isNew = true;

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

  @Override
  public String getId() {
    return userId;
  }

  @Override
  public boolean isNew() {
    return isNew;
  }

  @PostLoad
  @PostPersist
  void stored() {
    isNew = false;
  }
}
