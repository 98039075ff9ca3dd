package org.invisiblebars.entry.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.invisiblebars.entry.domain.Visit.Canceller;
import org.invisiblebars.entry.domain.Visit.VisitRequest;
import org.invisiblebars.organisation.domain.MandateType;
import org.invisiblebars.platform.validation.ConflictException;
import org.invisiblebars.platform.validation.InvalidInputException;
import org.invisiblebars.platform.validation.InvalidInputException.FieldProblem;
import org.invisiblebars.platform.validation.NotFoundException;
import org.junit.jupiter.api.Test;

/** The rules of a visit from authorisation to check-out. */
class VisitTest {

  private static final UUID ALICE = UUID.randomUUID();
  private static final UUID BOB = UUID.randomUUID();
  private static final Instant NOW = Instant.parse("2030-12-10T08:00:00Z");

  @Test
  void searchAboveTheAuthorisedLevelIsRefused() {
    Visit visit = scheduled(MandateType.NGO, true, SearchLevel.PAT_DOWN);
    visit.acknowledgeNotice(ALICE, "john", NOW);

    assertThatThrownBy(
            () ->
                visit.recordGate(
                    ALICE, EntryOutcome.ENTERED, SearchLevel.ENHANCED, null, false, "sam", NOW))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("ENHANCED exceeds the authorised level PAT_DOWN");
    assertThat(visit.representative(ALICE).getEntryOutcome()).isNull();

    visit.recordGate(ALICE, EntryOutcome.ENTERED, SearchLevel.PAT_DOWN, null, false, "sam", NOW);
    assertThat(visit.getStatus()).isEqualTo(VisitStatus.IN_PROGRESS);
  }

  @Test
  void withoutAnAcknowledgedNoticeThereIsNoEntry() {
    Visit visit = scheduled(MandateType.NGO, true, SearchLevel.SCREENING);

    assertThatThrownBy(
            () ->
                visit.recordGate(
                    ALICE, EntryOutcome.ENTERED, SearchLevel.SCREENING, null, true, "sam", NOW))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("not been acknowledged");
  }

  @Test
  void unannouncedVisitorMayAcknowledgeAtTheGate() {
    Visit visit = scheduled(MandateType.NPM, false, SearchLevel.SCREENING);

    visit.recordGate(ALICE, EntryOutcome.ENTERED, SearchLevel.SCREENING, null, true, "sam", NOW);

    assertThat(visit.representative(ALICE).getAcknowledgedBy()).isEqualTo("sam");
    assertThat(visit.getStatus()).isEqualTo(VisitStatus.IN_PROGRESS);
  }

  @Test
  void visitorsWhoRefuseTheSearchDoNotEnter() {
    Visit visit = scheduled(MandateType.NGO, true, SearchLevel.PAT_DOWN);
    visit.recordGate(
        ALICE, EntryOutcome.REFUSED_SEARCH, SearchLevel.PAT_DOWN, null, false, "sam", NOW);
    visit.recordGate(BOB, EntryOutcome.NOT_ADMITTED, null, null, false, "sam", NOW);

    assertThat(visit.anyoneEntered()).isFalse();
    assertThat(visit.closeGate()).isEqualTo(VisitStatus.NO_ENTRY);
  }

  @Test
  void visitNobodyCameToExpires() {
    assertThat(scheduled(MandateType.NGO, true, SearchLevel.SCREENING).closeGate())
        .isEqualTo(VisitStatus.EXPIRED);
  }

  @Test
  void formalMonitorsVisitCannotBeDeniedNorSearchedBeyondAPatDown() {
    Visit visit = underReview(MandateType.ICRC, true);

    assertThat(refusal(() -> visit.deny("no")))
        .isEqualTo(
            new FieldProblem(
                "authorisation", "a ICRC visit cannot be denied, only given conditions"));
    assertThat(refusal(() -> visit.authorise(SearchLevel.FULL, null)))
        .isEqualTo(
            new FieldProblem(
                "authorisedSearchLevel", "a ICRC visitor is searched no further than PAT_DOWN"));
    assertThat(refusal(() -> visit.authorise(SearchLevel.ENHANCED, null)).field())
        .isEqualTo("authorisedSearchLevel");
    assertThat(visit.getStatus()).isEqualTo(VisitStatus.UNDER_REVIEW);
    visit.authorise(SearchLevel.PAT_DOWN, "escorted at all times");
    assertThat(visit.getStatus()).isEqualTo(VisitStatus.SCHEDULING);
  }

  @Test
  void theProtocolsLevelIsCappedByTheMandate() {
    assertThat(underReview(MandateType.NPM, true).withinMandate(SearchLevel.FULL))
        .isEqualTo(SearchLevel.PAT_DOWN);
    assertThat(underReview(MandateType.NPM, true).withinMandate(SearchLevel.SCREENING))
        .isEqualTo(SearchLevel.SCREENING);
    assertThat(underReview(MandateType.NGO, true).withinMandate(SearchLevel.FULL))
        .isEqualTo(SearchLevel.FULL);
  }

  @Test
  void aDecisionOnAVisitNoLongerUnderReviewIsAConflict() {
    Visit visit = scheduled(MandateType.NGO, true, SearchLevel.SCREENING);

    assertThatThrownBy(() -> visit.authorise(SearchLevel.SCREENING, null))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> visit.deny("too late")).isInstanceOf(ConflictException.class);
  }

  @Test
  void aRepresentativeNotNamedInTheVisitIsNotFound() {
    Visit visit = scheduled(MandateType.NGO, true, SearchLevel.SCREENING);

    assertThatThrownBy(() -> visit.representative(UUID.randomUUID()))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void checkOutRecordsTheIncidentForLaterAssessments() {
    Visit visit = scheduled(MandateType.NGO, true, SearchLevel.SCREENING);
    visit.acknowledgeNotice(ALICE, "john", NOW);
    visit.recordGate(ALICE, EntryOutcome.ENTERED, SearchLevel.SCREENING, null, false, "sam", NOW);

    visit.checkOut("argued with a guard", "sam", NOW.plus(3, ChronoUnit.HOURS));

    assertThat(visit.getStatus()).isEqualTo(VisitStatus.COMPLETED);
    assertThat(visit.getIncidentAt()).isEqualTo(NOW.plus(3, ChronoUnit.HOURS));
  }

  @Test
  void onlyAPendingVisitCanBeCancelled() {
    Visit visit = scheduled(MandateType.NGO, true, SearchLevel.SCREENING);
    visit.cancel("changed plans", "john", Canceller.ORGANISATION);
    assertThat(visit.getStatus()).isEqualTo(VisitStatus.CANCELLED);
    assertThatThrownBy(() -> visit.cancel("again", "john", Canceller.ORGANISATION))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void staffCancelAnNgoVisitButNeverAFormalMonitorsWhichOnlyTheMonitorCancels() {
    Visit ngo = underReview(MandateType.NGO, true);
    ngo.cancel("Lockdown", "lena", Canceller.STAFF);
    assertThat(ngo.getStatus()).isEqualTo(VisitStatus.CANCELLED);

    for (MandateType formal : List.of(MandateType.NPM, MandateType.ICRC)) {
      Visit visit = scheduled(formal, true, SearchLevel.SCREENING);
      assertThatThrownBy(() -> visit.cancel("Lockdown", "martha", Canceller.STAFF))
          .isInstanceOf(ConflictException.class)
          .hasMessageContaining("only the " + formal + " itself cancels its visit");
      assertThat(visit.getStatus()).isEqualTo(VisitStatus.SCHEDULED);
      visit.cancel("Our delegation changed its programme", "npm-user", Canceller.ORGANISATION);
      assertThat(visit.getStatus()).isEqualTo(VisitStatus.CANCELLED);
    }
  }

  @Test
  void anUnannouncedMonitorIsAdmittedByRightScreenedWithoutAnyStaffStep() {
    Visit visit = underReview(MandateType.NPM, false);

    assertThat(visit.admitByRight(NOW)).isEmpty();

    assertThat(visit.getStatus()).isEqualTo(VisitStatus.SCHEDULED);
    assertThat(visit.getAuthorisedSearchLevel()).isEqualTo(SearchLevel.SCREENING);
    assertThat(visit.getAdmittedByRightAt()).isEqualTo(NOW);
    assertThat(visit.getNoticeIssuedAt()).isEqualTo(NOW);
    visit.recordGate(ALICE, EntryOutcome.ENTERED, SearchLevel.SCREENING, null, true, "sam", NOW);
    assertThat(visit.getStatus()).isEqualTo(VisitStatus.IN_PROGRESS);
  }

  @Test
  void anAnnouncedMonitorUndecidedAtTheGateKeepsWhatWasAuthorisedAndSaysWhatWasLeftOpen() {
    Visit undecided = underReview(MandateType.ICRC, true);
    assertThat(undecided.admitByRight(NOW))
        .containsExactly("risk assessment or authorisation", "scheduling");
    assertThat(undecided.getAuthorisedSearchLevel()).isEqualTo(SearchLevel.SCREENING);

    Visit unscheduled = underReview(MandateType.NPM, true);
    unscheduled.authorise(SearchLevel.PAT_DOWN, "Escorted in the segregation unit");
    assertThat(unscheduled.admitByRight(NOW)).containsExactly("scheduling");
    assertThat(unscheduled.getAuthorisedSearchLevel()).isEqualTo(SearchLevel.PAT_DOWN);
    assertThat(unscheduled.getConditions()).isEqualTo("Escorted in the segregation unit");
    assertThat(unscheduled.getEscort()).as("assigned at the gate").isNull();
    assertThat(unscheduled.getStatus()).isEqualTo(VisitStatus.SCHEDULED);
    // the monitor reads the notice at the gate, as it was never sent ahead
    unscheduled.recordGate(
        BOB, EntryOutcome.ENTERED, SearchLevel.SCREENING, null, true, "sam", NOW);
    assertThat(unscheduled.getStatus()).isEqualTo(VisitStatus.IN_PROGRESS);
  }

  @Test
  void anNgoVisitIsNeverAdmittedWithoutADecision() {
    Visit visit = underReview(MandateType.NGO, true);

    assertThatThrownBy(() -> visit.admitByRight(NOW)).isInstanceOf(ConflictException.class);
    assertThat(visit.getStatus()).isEqualTo(VisitStatus.UNDER_REVIEW);
    assertThat(visit.getAuthorisedSearchLevel()).isNull();
  }

  @Test
  void searchLevelsAreOrderedAndCappedByTheMandate() {
    assertThat(SearchLevel.FULL.exceeds(SearchLevel.ENHANCED)).isTrue();
    assertThat(SearchLevel.SCREENING.exceeds(SearchLevel.SCREENING)).isFalse();
    assertThat(SearchLevel.ceilingFor(MandateType.NPM)).isEqualTo(SearchLevel.PAT_DOWN);
    assertThat(SearchLevel.ceilingFor(MandateType.NGO)).isEqualTo(SearchLevel.FULL);
  }

  /**
   * The one field and reason a decision was refused with, as bad input (400), not as a server
   * error.
   */
  static FieldProblem refusal(Runnable decision) {
    Throwable thrown = catchThrowable(decision::run);
    assertThat(thrown).isInstanceOf(InvalidInputException.class);
    assertThat(((InvalidInputException) thrown).problems()).hasSize(1);
    return ((InvalidInputException) thrown).problems().get(0);
  }

  private static Visit underReview(MandateType mandate, boolean announced) {
    Visit visit =
        new Visit(
            UUID.randomUUID(),
            mandate,
            announced,
            new VisitRequest(
                UUID.randomUUID(),
                List.of(ALICE, BOB),
                NOW.plus(1, ChronoUnit.HOURS),
                NOW.plus(4, ChronoUnit.HOURS),
                "Monitoring visit",
                List.of(),
                List.of()),
            "john",
            NOW,
            null);
    visit.acceptForReview();
    return visit;
  }

  private static Visit scheduled(MandateType mandate, boolean announced, SearchLevel level) {
    Visit visit = underReview(mandate, announced);
    visit.authorise(level, null);
    visit.schedule("Officer Grey", "Main gate");
    visit.issueNotice(NOW);
    return visit;
  }
}
