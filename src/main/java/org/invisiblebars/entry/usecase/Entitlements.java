package org.invisiblebars.entry.usecase;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.invisiblebars.accreditation.domain.Accreditation;
import org.invisiblebars.accreditation.domain.AccreditationRepository;
import org.invisiblebars.accreditation.domain.AccreditationStatus;
import org.invisiblebars.accreditation.domain.Mou;
import org.invisiblebars.accreditation.domain.MouRepository;
import org.invisiblebars.accreditation.domain.Nominee;
import org.invisiblebars.accreditation.domain.Vetting;
import org.invisiblebars.entry.domain.MouScope;
import org.invisiblebars.entry.domain.ScopeCheck.Entitlement;
import org.invisiblebars.entry.domain.Visit;
import org.springframework.stereotype.Component;

/**
 * What an organisation is entitled to on the day of a visit, read from its accreditations: the
 * active accreditation (preferring one that names the facility) with its MoU, or the registered
 * mandate of a formal monitor.
 */
@Component
class Entitlements {

  private final AccreditationRepository accreditations;
  private final MouRepository mous;

  Entitlements(AccreditationRepository accreditations, MouRepository mous) {
    this.accreditations = accreditations;
    this.mous = mous;
  }

  Entitlement of(Visit visit, ZoneId zone) {
    LocalDate day = visit.getWindowStart().atZone(zone).toLocalDate();
    return on(
        visit.getOrganisationId(), visit.getMandateType().isFormal(), visit.getFacilityId(), day);
  }

  /**
   * What the organisation is entitled to on {@code day}, preferring an accreditation naming {@code
   * facilityId} (null: none preferred).
   */
  Entitlement on(UUID organisationId, boolean formal, UUID facilityId, LocalDate day) {
    List<Accreditation> all = accreditations.findByOrganisationId(organisationId);
    return formal ? mandate(all, day) : accreditation(all, facilityId, day);
  }

  private Entitlement mandate(List<Accreditation> all, LocalDate day) {
    Optional<Accreditation> registered =
        all.stream()
            .filter(a -> a.getStatus() == AccreditationStatus.MANDATE_REGISTERED)
            .max(Comparator.comparing(Accreditation::getSubmittedAt));
    if (registered.isEmpty()) {
      return new Entitlement(
          Optional.of("The organisation has no registered mandate."),
          Set.of(),
          Set.of(),
          Optional.empty());
    }
    Accreditation mandate = registered.get();
    Optional<String> problem =
        mandate.inForceOn(day)
            ? Optional.empty()
            : Optional.of(
                "The registered mandate was valid until "
                    + mandate.getMandateValidUntil()
                    + ", before the visit.");
    Set<UUID> named =
        mandate.getNominees().stream()
            .filter(n -> n.getVetting() != Vetting.REFUSED)
            .map(Nominee::getRepresentativeId)
            .collect(Collectors.toSet());
    return new Entitlement(problem, named, Set.of(), Optional.empty());
  }

  private Entitlement accreditation(List<Accreditation> all, UUID facilityId, LocalDate day) {
    Optional<Accreditation> active =
        all.stream()
            .filter(a -> a.getStatus() == AccreditationStatus.ACTIVE)
            .max(
                Comparator.comparing((Accreditation a) -> a.getFacilityIds().contains(facilityId))
                    .thenComparing(Accreditation::getSubmittedAt));
    if (active.isEmpty()) {
      String latest =
          all.stream()
              .max(Comparator.comparing(Accreditation::getSubmittedAt))
              .map(a -> " (its latest accreditation is " + a.getStatus() + ")")
              .orElse("");
      return new Entitlement(
          Optional.of("The organisation has no active accreditation" + latest + "."),
          Set.of(),
          Set.of(),
          Optional.empty());
    }
    Accreditation accreditation = active.get();
    Optional<String> problem =
        accreditation.inForceOn(day)
            ? Optional.empty()
            : Optional.of(
                "The accreditation's term ends on "
                    + accreditation.getTermEnd()
                    + ", by the day of the visit.");
    Optional<Mou> mou = mous.findByAccreditationId(accreditation.getId());
    Set<UUID> named = mou.map(Mou::getRepresentativeIds).orElse(Set.of());
    Set<UUID> cleared =
        accreditation.getNominees().stream()
            .filter(n -> n.getVetting() == Vetting.CLEARED)
            .map(Nominee::getRepresentativeId)
            .filter(named::contains)
            .collect(Collectors.toSet());
    Optional<MouScope> scope =
        mou.map(
            m ->
                MouScope.of(
                    m.getDays(), m.getHours(), m.getAllowedActivities(), m.getExcludedAreas()));
    return new Entitlement(problem, cleared, accreditation.getFacilityIds(), scope);
  }
}
