package org.invisiblebars.report.adapter;

import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.IdentityService;
import org.invisiblebars.organisation.domain.Representative;
import org.invisiblebars.organisation.domain.RepresentativeRepository;
import org.invisiblebars.platform.identity.PersonNames;
import org.invisiblebars.platform.process.CurrentCommand;
import org.invisiblebars.report.usecase.KnownNames;
import org.springframework.stereotype.Component;

/**
 * The names the safety net of a public version looks for: every organisation's representatives and
 * every user of the engine's user directory (first and last name). Read without the caller's
 * authorizations: the liaison officer redacting need not be allowed to list users.
 */
@Component
class KnownPeople implements KnownNames {

  private final RepresentativeRepository representatives;
  private final IdentityService identityService;

  KnownPeople(RepresentativeRepository representatives, IdentityService identityService) {
    this.representatives = representatives;
    this.identityService = identityService;
  }

  @Override
  public Set<String> people() {
    Set<String> names = new TreeSet<>();
    representatives.findAll().stream().map(Representative::getFullName).forEach(names::add);
    CurrentCommand.withoutAuthorization(() -> identityService.createUserQuery().list()).stream()
        .map(PersonNames::fullName)
        .filter(name -> !name.isBlank())
        .forEach(names::add);
    return names;
  }
}
