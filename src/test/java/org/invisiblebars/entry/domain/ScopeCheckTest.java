package org.invisiblebars.entry.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.invisiblebars.entry.domain.ScopeCheck.Entitlement;
import org.invisiblebars.entry.domain.Visit.VisitRequest;
import org.invisiblebars.facility.domain.Facility;
import org.invisiblebars.facility.domain.SecurityLevel;
import org.invisiblebars.organisation.domain.MandateType;
import org.junit.jupiter.api.Test;

/**
 * Each rule of the scope check on its own, then all at once, then what a formal mandate is held to.
 */
class ScopeCheckTest {

  private static final ZoneId UTC = ZoneOffset.UTC;
  private static final Duration NOTICE = Duration.ofDays(3);
  private static final UUID ALICE = UUID.randomUUID();
  private static final UUID BOB = UUID.randomUUID();
  private static final Map<UUID, String> NAMES = Map.of(ALICE, "Alice Martin", BOB, "Bob Stone");

  /** Tuesday 10 December 2030. */
  private static final ZonedDateTime TUESDAY = ZonedDateTime.of(2030, 12, 10, 10, 0, 0, 0, UTC);

  private static final Instant REQUESTED = TUESDAY.minusDays(7).toInstant();

  private final Facility facility = facility();
  private final MouScope mou =
      MouScope.of(
          "Tuesdays and Thursdays",
          "09:00–16:00",
          "Monitoring visit; Interviews with prisoners",
          "Segregation unit");

  @Test
  void visitInsideEveryRuleIsInScope() {
    assertThat(violations(ngoVisit(), entitlement())).isEmpty();
  }

  @Test
  void noActiveAccreditationIsAViolation() {
    Entitlement none =
        new Entitlement(
            Optional.of("The organisation has no active accreditation."),
            Set.of(),
            Set.of(),
            Optional.empty());
    assertThat(violations(ngoVisit(), none))
        .contains("The organisation has no active accreditation.");
  }

  @Test
  void representativeNotClearedAndNamedInTheMouIsAViolation() {
    Entitlement onlyAlice =
        new Entitlement(
            Optional.empty(), Set.of(ALICE), Set.of(facility.getId()), Optional.of(mou));
    assertThat(violations(ngoVisit(), onlyAlice))
        .containsExactly(
            "Representative Bob Stone is not cleared by security and named in the MoU.");
  }

  @Test
  void facilityOutsideTheAccreditationIsAViolation() {
    Entitlement elsewhere =
        new Entitlement(
            Optional.empty(), Set.of(ALICE, BOB), Set.of(UUID.randomUUID()), Optional.of(mou));
    assertThat(violations(ngoVisit(), elsewhere))
        .containsExactly("Central Prison is not among the facilities of the accreditation.");
  }

  @Test
  void activityOutsideTheMouIsAViolation() {
    Visit visit = visit(MandateType.NGO, TUESDAY, 3, "Photography", List.of());
    assertThat(violations(visit, entitlement()))
        .containsExactly(
            "The activity \"Photography\" is not among the MoU's allowed activities (monitoring visit; interviews with prisoners).");
  }

  @Test
  void dayOutsideTheMouIsAViolation() {
    Visit wednesday = visit(MandateType.NGO, TUESDAY.plusDays(1), 3, "Monitoring visit", List.of());
    assertThat(violations(wednesday, entitlement()))
        .containsExactly("The visit falls on Wednesday; the MoU allows Tuesday, Thursday.");
  }

  @Test
  void hoursOutsideTheMouAreAViolation() {
    Visit late = visit(MandateType.NGO, TUESDAY.withHour(14), 3, "Monitoring visit", List.of());
    assertThat(violations(late, entitlement()))
        .containsExactly("The window 14:00–17:00 is outside the MoU's hours (09:00–16:00).");
  }

  @Test
  void unreadableMouDaysAndHoursAreViolationsTheLiaisonOfficerMustCorrect() {
    MouScope vague = MouScope.of("when convenient", "mornings", "Monitoring visit", "");
    Entitlement entitlement =
        new Entitlement(
            Optional.empty(), Set.of(ALICE, BOB), Set.of(facility.getId()), Optional.of(vague));
    assertThat(violations(ngoVisit(), entitlement))
        .containsExactly(
            "The MoU's days (\"when convenient\") cannot be read; the liaison officer must correct the MoU.",
            "The MoU's hours (\"mornings\") cannot be read; the liaison officer must correct the MoU.");
  }

  @Test
  void excludedAreaIsAViolation() {
    Visit visit =
        visit(
            MandateType.NGO,
            TUESDAY,
            3,
            "Monitoring visit",
            List.of("Library", " segregation unit "));
    assertThat(violations(visit, entitlement()))
        .containsExactly("The area \" segregation unit \" is excluded by the MoU.");
  }

  @Test
  void facilityVisitingDaysAndHoursBindNgoVisits() {
    facility.describe(
        SecurityLevel.HIGH,
        Set.of(),
        EnumSet.of(DayOfWeek.THURSDAY),
        LocalTime.of(11, 0),
        LocalTime.of(16, 0));
    assertThat(violations(ngoVisit(), entitlement()))
        .containsExactly(
            "Central Prison receives visits on Thursday, not on Tuesday.",
            "The window 10:00–13:00 is outside the visiting hours of Central Prison (11:00–16:00).");
  }

  @Test
  void shortNoticeIsAViolation() {
    Visit visit =
        new Visit(
            UUID.randomUUID(),
            MandateType.NGO,
            true,
            request(TUESDAY, 3, "Monitoring visit", List.of()),
            "john",
            TUESDAY.minusDays(2).toInstant(),
            null);
    assertThat(violations(visit, entitlement()))
        .containsExactly("The request gives 2 days' notice; at least 3 days' notice is required.");
  }

  @Test
  void everyViolationIsListedAtOnce() {
    Visit visit =
        new Visit(
            UUID.randomUUID(),
            MandateType.NGO,
            true,
            request(TUESDAY.plusDays(4), 10, "Photography", List.of("Segregation unit")),
            "john",
            TUESDAY.toInstant(),
            null);
    Entitlement onlyAlice =
        new Entitlement(
            Optional.empty(), Set.of(ALICE), Set.of(facility.getId()), Optional.of(mou));
    assertThat(violations(visit, onlyAlice)).hasSize(7);
  }

  @Test
  void formalMonitorIsHeldToItsMandateOnlyNeverToAccreditationMouHoursOrNotice() {
    Visit unannouncedSunday =
        new Visit(
            UUID.randomUUID(),
            MandateType.NPM,
            false,
            request(TUESDAY.plusDays(5).withHour(20), 3, "Inspection", List.of("Segregation unit")),
            "sam",
            TUESDAY.plusDays(5).toInstant(),
            null);
    Entitlement mandate =
        new Entitlement(Optional.empty(), Set.of(ALICE, BOB), Set.of(), Optional.empty());
    assertThat(violations(unannouncedSunday, mandate)).isEmpty();
  }

  @Test
  void formalMonitorNeedsARegisteredMandateNamingItsPeople() {
    Visit visit = visit(MandateType.ICRC, TUESDAY, 3, "Inspection", List.of());
    Entitlement none =
        new Entitlement(
            Optional.of("The organisation has no registered mandate."),
            Set.of(ALICE),
            Set.of(),
            Optional.empty());
    assertThat(violations(visit, none))
        .containsExactly(
            "The organisation has no registered mandate.",
            "Representative Bob Stone is not named in the registered mandate.");
  }

  private List<String> violations(Visit visit, Entitlement entitlement) {
    return ScopeCheck.violations(visit, entitlement, facility, NAMES, UTC, NOTICE);
  }

  private Entitlement entitlement() {
    return new Entitlement(
        Optional.empty(), Set.of(ALICE, BOB), Set.of(facility.getId()), Optional.of(mou));
  }

  private Visit ngoVisit() {
    return visit(MandateType.NGO, TUESDAY, 3, "Monitoring visit", List.of("Library"));
  }

  private Visit visit(
      MandateType mandate, ZonedDateTime start, int hours, String activity, List<String> areas) {
    return new Visit(
        UUID.randomUUID(),
        mandate,
        true,
        request(start, hours, activity, areas),
        "john",
        REQUESTED,
        null);
  }

  private VisitRequest request(
      ZonedDateTime start, int hours, String activity, List<String> areas) {
    return new VisitRequest(
        facility.getId(),
        List.of(ALICE, BOB),
        start.toInstant(),
        start.plusHours(hours).toInstant(),
        activity,
        areas,
        List.of());
  }

  private static Facility facility() {
    Facility facility = new Facility("Central Prison", 3);
    facility.describe(
        SecurityLevel.HIGH,
        Set.of("Segregation unit"),
        EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
        LocalTime.of(9, 0),
        LocalTime.of(17, 0));
    return facility;
  }
}
