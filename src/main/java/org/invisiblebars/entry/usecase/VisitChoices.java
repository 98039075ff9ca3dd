package org.invisiblebars.entry.usecase;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.invisiblebars.entry.domain.Equipment;
import org.invisiblebars.entry.domain.ScopeCheck.Entitlement;
import org.invisiblebars.facility.domain.Facility;
import org.invisiblebars.facility.domain.FacilityRepository;
import org.invisiblebars.organisation.domain.Organisation;
import org.invisiblebars.organisation.domain.OrganisationRepository;
import org.invisiblebars.organisation.domain.Representative;
import org.invisiblebars.organisation.domain.RepresentativeRepository;
import org.invisiblebars.platform.validation.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an organisation may choose from when it requests a visit, so that a person picks from lists
 * rather than typing ids: the facilities its accreditation covers (every one for a formal monitor)
 * with their zone, visiting hours and areas, its representatives who may visit today (cleared and
 * named in the MoU, or named in the mandate), and the equipment there is. The request itself is
 * still checked whole by {@link RequestVisit} and the scope check.
 */
@Service
@Transactional(readOnly = true)
public class VisitChoices {

  private final OrganisationRepository organisations;
  private final RepresentativeRepository representatives;
  private final FacilityRepository facilities;
  private final Entitlements entitlements;
  private final Clock clock;

  VisitChoices(
      OrganisationRepository organisations,
      RepresentativeRepository representatives,
      FacilityRepository facilities,
      Entitlements entitlements,
      Clock clock) {
    this.organisations = organisations;
    this.representatives = representatives;
    this.facilities = facilities;
    this.entitlements = entitlements;
    this.clock = clock;
  }

  /** The organisation's choices, facilities and people sorted by name. */
  public Choices of(UUID organisationId) {
    Organisation organisation =
        organisations
            .findById(organisationId)
            .orElseThrow(() -> new NotFoundException("organisation " + organisationId));
    Entitlement entitlement =
        entitlements.on(
            organisationId, organisation.getMandateType().isFormal(), null, LocalDate.now(clock));
    Set<UUID> permitted = entitlement.permittedRepresentatives();
    Set<UUID> covered = entitlement.permittedFacilities();
    List<FacilityChoice> places =
        facilities.findAll().stream()
            .filter(f -> covered.isEmpty() || covered.contains(f.getId()))
            .sorted(Comparator.comparing(Facility::getName))
            .map(f -> FacilityChoice.of(f, organisation.getMandateType().isFormal()))
            .toList();
    List<Person> people =
        representatives.findByOrganisationId(organisationId).stream()
            .filter(r -> permitted.contains(r.getId()))
            .sorted(Comparator.comparing(Representative::getFullName))
            .map(r -> new Person(r.getId(), r.getFullName()))
            .toList();
    return new Choices(places, people, Arrays.asList(Equipment.values()));
  }

  /** One of the choices' facilities, or empty when the organisation may not choose it. */
  public Optional<FacilityChoice> facility(Choices choices, UUID facilityId) {
    return choices.facilities().stream().filter(f -> f.id().equals(facilityId)).findFirst();
  }

  /** The lists a visit request is made from. */
  public record Choices(
      List<FacilityChoice> facilities, List<Person> representatives, List<Equipment> equipment) {}

  /** A facility as a visit request offers it: its zone, days and hours and areas. */
  public record FacilityChoice(
      UUID id,
      String name,
      ZoneId zone,
      Set<DayOfWeek> visitingDays,
      LocalTime visitingFrom,
      LocalTime visitingUntil,
      List<String> areas) {

    static FacilityChoice of(Facility f, boolean formalMandate) {
      return new FacilityChoice(
          f.getId(),
          f.getName(),
          f.getZone(),
          f.getVisitingDays(),
          f.getVisitingFrom(),
          f.getVisitingUntil(),
          f.areasOffered(formalMandate));
    }
  }

  /** A representative who may visit, by name. */
  public record Person(UUID id, String name) {}
}
