package org.invisiblebars.accreditation.usecase;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.invisiblebars.accreditation.domain.Accreditation;
import org.invisiblebars.accreditation.domain.Nominee;
import org.invisiblebars.accreditation.domain.Vetting;
import org.invisiblebars.organisation.domain.OrganisationRepository;
import org.invisiblebars.organisation.domain.Representative;
import org.invisiblebars.organisation.domain.RepresentativeRepository;
import org.invisiblebars.platform.validation.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An organisation's representatives with where security's vetting of each stands, so that an NGO
 * knows whom it may name in a visit request. Here rather than in {@code organisation}: the vetting
 * belongs to the accreditations that name the representatives, and {@code organisation} knows no
 * accreditation.
 */
@Service
@Transactional(readOnly = true)
public class RepresentativeQueries {

  private final OrganisationRepository organisations;
  private final RepresentativeRepository representatives;
  private final Accreditations accreditations;

  RepresentativeQueries(
      OrganisationRepository organisations,
      RepresentativeRepository representatives,
      Accreditations accreditations) {
    this.organisations = organisations;
    this.representatives = representatives;
    this.accreditations = accreditations;
  }

  /** Where a representative's vetting stands; {@code NOT_NAMED} when no application names them. */
  public enum VettingStatus {
    NOT_NAMED,
    PENDING,
    CLEARED,
    REFUSED;

    static VettingStatus of(Vetting vetting) {
      return valueOf(vetting.name());
    }
  }

  /**
   * A representative: {@code vetting} as the latest application naming them has it (a renewal vets
   * them again), with that application's reference.
   */
  public record RepresentativeView(
      UUID id, String fullName, String role, VettingStatus vetting, String vettedFor) {}

  /**
   * The representatives of an organisation, by name. {@code scope} is the caller's organisation
   * (empty for staff): another organisation's are 404, as an unknown one.
   */
  public List<RepresentativeView> of(UUID organisationId, Optional<UUID> scope) {
    if (scope.map(own -> !own.equals(organisationId)).orElse(false)
        || !organisations.existsById(organisationId)) {
      throw new NotFoundException("organisation " + organisationId);
    }
    Map<UUID, Latest> latest = new HashMap<>();
    for (Accreditation accreditation : accreditations.all(Optional.of(organisationId))) {
      for (Nominee nominee : accreditation.getNominees()) {
        latest.merge(
            nominee.getRepresentativeId(),
            new Latest(accreditation, nominee.getVetting()),
            (a, b) -> a.isAfter(b) ? a : b);
      }
    }
    return representatives.findByOrganisationId(organisationId).stream()
        .sorted(
            Comparator.comparing(Representative::getFullName).thenComparing(Representative::getId))
        .map(
            r -> {
              Latest vetted = latest.get(r.getId());
              return new RepresentativeView(
                  r.getId(),
                  r.getFullName(),
                  r.getRole(),
                  vetted == null ? VettingStatus.NOT_NAMED : VettingStatus.of(vetted.vetting()),
                  vetted == null ? null : vetted.accreditation().getReference());
            })
        .toList();
  }

  /** One representative of the organisation, as {@link #of(UUID, Optional)} lists them. */
  public RepresentativeView one(UUID organisationId, UUID representativeId, Optional<UUID> scope) {
    return of(organisationId, scope).stream()
        .filter(r -> r.id().equals(representativeId))
        .findFirst()
        .orElseThrow(() -> new NotFoundException("representative " + representativeId));
  }

  private record Latest(Accreditation accreditation, Vetting vetting) {
    boolean isAfter(Latest other) {
      return accreditation.getSubmittedAt().isAfter(other.accreditation.getSubmittedAt());
    }
  }
}
