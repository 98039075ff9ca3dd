package org.invisiblebars.support;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.variable.Variables;
import org.invisiblebars.accreditation.domain.Accreditation;
import org.invisiblebars.accreditation.domain.AccreditationRepository;
import org.invisiblebars.accreditation.domain.AccreditationStatus;
import org.invisiblebars.accreditation.domain.Application;
import org.invisiblebars.accreditation.domain.Mou;
import org.invisiblebars.accreditation.domain.MouClauses;
import org.invisiblebars.accreditation.domain.MouRepository;
import org.invisiblebars.accreditation.domain.ProgrammeType;
import org.invisiblebars.accreditation.domain.Vetting;
import org.invisiblebars.facility.domain.Facility;
import org.invisiblebars.facility.domain.FacilityRepository;
import org.invisiblebars.organisation.domain.MandateType;
import org.invisiblebars.organisation.domain.Organisation;
import org.invisiblebars.organisation.domain.OrganisationMember;
import org.invisiblebars.organisation.domain.OrganisationMemberRepository;
import org.invisiblebars.organisation.domain.OrganisationRepository;
import org.invisiblebars.organisation.domain.Representative;
import org.invisiblebars.organisation.domain.RepresentativeRepository;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Organisations an integration test owns, ready to request visits and submit reports: an NGO user
 * bound to a fresh organisation, its representatives (cleared and named in an active MoU for an
 * NGO, in a registered mandate for NPM and ICRC), and the accreditation process waiting where an
 * active accreditation waits, so that a revocation reaches it.
 */
public final class AccreditedOrganisations {

  /** The password of every NGO user made here. */
  public static final String PASSWORD = "Vt7#Kq2$Lm9!pX";

  /** The prefix of every NGO user made here. */
  public static final String USER_PREFIX = "visitor";

  private static final AtomicInteger ORGANISATIONS = new AtomicInteger();
  private static final String RUN = Long.toString(System.nanoTime(), 36);
  private static final String[] NAMES = {
    "Alice Martin", "Bob Stone", "Chloe Evans", "Dev Patel", "Ema Novak"
  };

  private final IdentityService identityService;
  private final RuntimeService runtimeService;
  private final OrganisationRepository organisations;
  private final OrganisationMemberRepository members;
  private final RepresentativeRepository representatives;
  private final AccreditationRepository accreditations;
  private final MouRepository mous;
  private final FacilityRepository facilities;
  private final TransactionTemplate transactions;

  public AccreditedOrganisations(ApplicationContext context) {
    this.identityService = context.getBean(IdentityService.class);
    this.runtimeService = context.getBean(RuntimeService.class);
    this.organisations = context.getBean(OrganisationRepository.class);
    this.members = context.getBean(OrganisationMemberRepository.class);
    this.representatives = context.getBean(RepresentativeRepository.class);
    this.accreditations = context.getBean(AccreditationRepository.class);
    this.mous = context.getBean(MouRepository.class);
    this.facilities = context.getBean(FacilityRepository.class);
    this.transactions = context.getBean(TransactionTemplate.class);
  }

  /** An organisation with two representatives (Alice and Bob). */
  public Accredited accredited(MandateType mandate) {
    return accredited(mandate, 2);
  }

  /** An organisation with {@code people} representatives (at most five). */
  public Accredited accredited(MandateType mandate, int people) {
    int n = ORGANISATIONS.incrementAndGet();
    String userId = USER_PREFIX + RUN + n;
    User user = identityService.newUser(userId);
    user.setPassword(PASSWORD);
    identityService.saveUser(user);
    identityService.createMembership(userId, "ngo");
    return transactions.execute(
        tx -> {
          Organisation organisation =
              organisations.save(
                  new Organisation("Open Doors " + RUN + "-" + n, mandate, Instant.now()));
          members.save(new OrganisationMember(userId, organisation.getId()));
          List<UUID> named = new ArrayList<>();
          for (int i = 0; i < people; i++) {
            named.add(
                representatives
                    .save(new Representative(organisation.getId(), NAMES[i] + " " + n, "Monitor"))
                    .getId());
          }
          List<UUID> facilityIds = facilities.findAll().stream().map(Facility::getId).toList();
          Accreditation accreditation =
              new Accreditation(
                  new Application(
                      organisation.getId(),
                      mandate,
                      ProgrammeType.MONITORING,
                      mandate.isFormal() ? "OPCAT-" + n : null,
                      mandate.isFormal() ? "Parliament" : null,
                      null,
                      "Monitoring visit",
                      null,
                      null,
                      24,
                      facilityIds,
                      named),
                  userId,
                  Instant.now(),
                  null);
          if (mandate.isFormal()) {
            accreditation.moveTo(AccreditationStatus.MANDATE_REGISTERED);
            accreditations.save(accreditation);
          } else {
            named.forEach(person -> accreditation.vet(person, Vetting.CLEARED, "No record"));
            accreditation.moveTo(AccreditationStatus.AWAITING_COUNTERSIGNATURE);
            accreditation.activate(LocalDate.now(ZoneOffset.UTC), 12);
            accreditations.save(accreditation);
            Mou mou =
                new Mou(
                    accreditation.getId(),
                    new MouClauses(
                        "Monitor conditions of detention",
                        "Report to the director",
                        new HashSet<>(named),
                        "Monday to Saturday",
                        "09:00–17:00",
                        "Escorted at all times",
                        "Monitoring visit; Interviews with prisoners",
                        "Kitchen",
                        30,
                        12,
                        null,
                        false));
            mou.countersign("Alice Martin", Instant.now());
            mou.sign("martha", Instant.now());
            mous.save(mou);
            // the accreditation process as it stands once active, so that a revocation reaches it
            runtimeService
                .createProcessInstanceByKey("ngo-accreditation")
                .businessKey(accreditation.getId().toString())
                .setVariables(
                    Variables.createVariables()
                        .putValue("accreditationId", accreditation.getId().toString())
                        .putValue("formalMandate", false)
                        .putValue("organisationName", organisation.getName())
                        .putValue("termEndsAt", Date.from(Instant.now().plus(365, ChronoUnit.DAYS)))
                        .putValue(
                            "renewalReminderAt",
                            Date.from(Instant.now().plus(300, ChronoUnit.DAYS))))
                .startBeforeActivity("SubProcess_AccreditationActive")
                .execute();
          }
          return new Accredited(
              userId, organisation.getId(), accreditation.getId(), List.copyOf(named));
        });
  }

  /**
   * A visit request on the next Tuesday or Thursday at least five days ahead, 10:00–13:00 UTC
   * (inside both demo facilities' hours), as the NGO API receives it.
   */
  public Map<String, Object> visitRequest(
      String facility, List<UUID> people, List<String> areas, List<String> equipment) {
    LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(5);
    while (day.getDayOfWeek() != DayOfWeek.TUESDAY && day.getDayOfWeek() != DayOfWeek.THURSDAY) {
      day = day.plusDays(1);
    }
    LocalDateTime start = day.atTime(LocalTime.of(10, 0));
    return new HashMap<>(
        Map.of(
            "facilityId",
            facility(facility),
            "representativeIds",
            people,
            "windowStart",
            start.toInstant(ZoneOffset.UTC).toString(),
            "windowEnd",
            start.plusHours(3).toInstant(ZoneOffset.UTC).toString(),
            "activity",
            "Monitoring visit",
            "areas",
            areas,
            "equipment",
            equipment));
  }

  /**
   * A report on the demo facility called {@code facility} with two recommendations (an urgent and a
   * non-urgent one, both of low cost), as the NGO API receives it.
   */
  public Map<String, Object> reportRequest(String facility) {
    return Map.of(
        "title",
        "Remand wing",
        "facilityId",
        facility(facility),
        "visitsCovered",
        "Visits of 3 and 10 November",
        "findings",
        "Overcrowded cells",
        "allegation",
        false,
        "recommendations",
        List.of(
            Map.of(
                "text",
                "Paint the cells",
                "area",
                "Living conditions",
                "priority",
                "URGENT",
                "resourceEstimate",
                "LOW"),
            Map.of(
                "text",
                "Open the library daily",
                "area",
                "Education",
                "priority",
                "NON_URGENT",
                "resourceEstimate",
                "LOW")));
  }

  /** Gives {@code ngo}'s user an e-mail address, so that it is told; returns the address. */
  public String withAddress(Accredited ngo) {
    String address = ngo.user() + "@ngo.example";
    User user = identityService.createUserQuery().userId(ngo.user()).singleResult();
    user.setEmail(address);
    identityService.saveUser(user);
    return address;
  }

  /** The id of the demo facility called {@code name}. */
  public String facility(String name) {
    return facilities.findAll().stream()
        .filter(f -> f.getName().equals(name))
        .findFirst()
        .orElseThrow()
        .getId()
        .toString();
  }

  /**
   * An organisation the test owns: its NGO user, accreditation (active, or a registered mandate)
   * and its people.
   */
  public record Accredited(
      String user, UUID organisationId, UUID accreditationId, List<UUID> people) {

    public UUID alice() {
      return people.get(0);
    }

    public UUID bob() {
      return people.get(1);
    }
  }
}
