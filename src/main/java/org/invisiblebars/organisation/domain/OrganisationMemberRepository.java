package org.invisiblebars.organisation.domain;

import org.springframework.data.repository.ListCrudRepository;

public interface OrganisationMemberRepository extends ListCrudRepository<OrganisationMember, String> {}
