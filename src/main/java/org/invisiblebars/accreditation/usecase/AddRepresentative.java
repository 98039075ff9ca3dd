package org.invisiblebars.accreditation.usecase;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.invisiblebars.accreditation.domain.Accreditation;
import org.invisiblebars.accreditation.domain.AccreditationStatus;
import org.invisiblebars.organisation.domain.OrganisationRepository;
import org.invisiblebars.organisation.domain.Representative;
import org.invisiblebars.organisation.domain.RepresentativeRepository;
import org.invisiblebars.platform.validation.InputRules;
import org.invisiblebars.platform.validation.InvalidInputException;
import org.invisiblebars.platform.validation.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An organisation adds a representative: the person is kept with the organisation and, when an
 * application of an NGO is under way or its accreditation is in force, named in the latest of them
 * and vetted by security (a representative-vetting process of their own). Formal monitors (NPM,
 * ICRC) are not vetted: their people come with the mandate. In this feature because the vetting is
 * the accreditations'.
 */
@Service
public class AddRepresentative {

  /** The statuses of an accreditation whose people are vetted: under way or in force. */
  static final Set<AccreditationStatus> VETTING =
      EnumSet.of(
          AccreditationStatus.SUBMITTED,
          AccreditationStatus.AWAITING_INFORMATION,
          AccreditationStatus.MOU_IN_NEGOTIATION,
          AccreditationStatus.AWAITING_COUNTERSIGNATURE,
          AccreditationStatus.AWAITING_SIGNATURE,
          AccreditationStatus.ACTIVE);

  private final OrganisationRepository organisations;
  private final RepresentativeRepository representatives;
  private final Accreditations accreditations;
  private final AccreditationProcessPort process;
  private final InputRules rules;

  AddRepresentative(
      OrganisationRepository organisations,
      RepresentativeRepository representatives,
      Accreditations accreditations,
      AccreditationProcessPort process,
      InputRules rules) {
    this.organisations = organisations;
    this.representatives = representatives;
    this.accreditations = accreditations;
    this.process = process;
    this.rules = rules;
  }

  /**
   * Adds the person to {@code organisationId} and starts their vetting where there is an
   * accreditation to vet them for. The same name twice in one organisation is refused (400 naming
   * {@code fullName}); the organisation is locked so that two requests at once cannot both add it.
   */
  @Transactional
  public Representative add(UUID organisationId, Request request) {
    rules.check(request, List.of());
    organisations
        .findForUpdateById(organisationId)
        .orElseThrow(() -> new NotFoundException("organisation " + organisationId));
    String name = request.fullName().strip().replaceAll("\\s+", " ");
    if (representatives.findByOrganisationId(organisationId).stream()
        .anyMatch(r -> key(r.getFullName()).equals(key(name)))) {
      throw InvalidInputException.of(
          "fullName", "is already a representative of your organisation");
    }
    Representative person =
        representatives.save(
            new Representative(
                organisationId,
                name,
                request.role() == null || request.role().isBlank()
                    ? null
                    : request.role().strip()));
    vettingFor(organisationId)
        .ifPresent(
            accreditation -> {
              accreditations.lock(accreditation.getId()).nominateLater(person.getId());
              process.representativeAdded(
                  accreditation.getId(), accreditation.getReference(), person.getId());
            });
    return person;
  }

  /** The latest application of an NGO under way, or its accreditation in force. */
  private Optional<Accreditation> vettingFor(UUID organisationId) {
    return accreditations.all(Optional.of(organisationId)).stream()
        .filter(a -> !a.getMandateType().isFormal() && VETTING.contains(a.getStatus()))
        .max(Comparator.comparing(Accreditation::getSubmittedAt));
  }

  private static String key(String name) {
    return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  /** The person: their full name as on their identity document, and their role. */
  public record Request(@NotBlank @Size(max = 200) String fullName, @Size(max = 200) String role) {}
}
