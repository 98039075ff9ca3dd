package org.invisiblebars.organisation.domain;

import java.util.List;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

public interface OrganisationMemberRepository
    extends ListCrudRepository<OrganisationMember, String> {

  /**
   * Writes at once, so that a user bound elsewhere at the same moment is refused here rather than
   * at commit.
   */
  <S extends OrganisationMember> S saveAndFlush(S member);

  List<OrganisationMember> findByOrganisationId(UUID organisationId);
}
