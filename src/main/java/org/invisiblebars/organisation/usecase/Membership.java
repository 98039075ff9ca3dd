package org.invisiblebars.organisation.usecase;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.invisiblebars.organisation.domain.OrganisationMember;
import org.invisiblebars.organisation.domain.OrganisationMemberRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which organisation an NGO user represents: everything they see through the API is scoped by it.
 */
@Service
@Transactional(readOnly = true)
public class Membership {

  private final OrganisationMemberRepository members;

  Membership(OrganisationMemberRepository members) {
    this.members = members;
  }

  public Optional<UUID> organisationOf(String userId) {
    return members.findById(userId).map(OrganisationMember::getOrganisationId);
  }

  /** The NGO users bound to organisation {@code organisationId}: who is told what it awaits. */
  public List<String> usersOf(UUID organisationId) {
    return members.findByOrganisationId(organisationId).stream()
        .map(OrganisationMember::getUserId)
        .sorted()
        .toList();
  }
}
