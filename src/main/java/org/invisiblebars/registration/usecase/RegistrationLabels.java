package org.invisiblebars.registration.usecase;

import java.util.Optional;
import java.util.UUID;
import org.invisiblebars.platform.task.CaseLabel;
import org.invisiblebars.platform.task.CaseLabels;
import org.springframework.stereotype.Component;

/**
 * The Tasklist label of a registration request: its reference and the organisation's name (no
 * facility: an organisation registers with the administration, not with one prison; the country
 * stands in its place).
 */
@Component
class RegistrationLabels implements CaseLabels {

  private final OrganisationRegistrations registrations;

  RegistrationLabels(OrganisationRegistrations registrations) {
    this.registrations = registrations;
  }

  @Override
  public String subjectType() {
    return OrganisationRegistrations.SUBJECT_TYPE;
  }

  @Override
  public Optional<CaseLabel> of(UUID id) {
    return registrations
        .find(id)
        .map(
            registration ->
                new CaseLabel(
                    registration.getReference(),
                    registration.getOrganisationName(),
                    registration.getCountry()));
  }
}
