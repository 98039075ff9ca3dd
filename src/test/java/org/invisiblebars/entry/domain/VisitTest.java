package org.invisiblebars.entry.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.invisiblebars.entry.domain.Visit.GateRefusal;
import org.invisiblebars.entry.domain.Visit.VisitRequest;
import org.invisiblebars.organisation.domain.MandateType;
import org.invisiblebars.platform.validation.ConflictException;
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

    assertThatThrownBy(() -> visit.recordGate(ALICE, EntryOutcome.ENTERED, SearchLevel.ENHANCED, null, false, "sam", NOW))
        .isInstanceOf(GateRefusal.class).hasMessageContaining("ENHANCED exceeds the authorised level PAT_DOWN");
    assertThat(visit.representative(ALICE).getEntryOutcome()).isNull();

    visit.recordGate(ALICE, EntryOutcome.ENTERED, SearchLevel.PAT_DOWN, null, false, "sam", NOW);
    assertThat(visit.getStatus()).isEqualTo(VisitStatus.IN_PROGRESS);
  }

  @Test
  void withoutAnAcknowledgedNoticeThereIsNoEntry() {
    Visit visit = scheduled(MandateType.NGO, true, SearchLevel.SCREENING);

    assertThatThrownBy(() -> visit.recordGate(ALICE, EntryOutcome.ENTERED, SearchLevel.SCREENING, null, true, "sam", NOW))
        .isInstanceOf(GateRefusal.class).hasMessageContaining("not been acknowledged");
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
    visit.recordGate(ALICE, EntryOutcome.REFUSED_SEARCH, SearchLevel.PAT_DOWN, null, false, "sam", NOW);
    visit.recordGate(BOB, EntryOutcome.NOT_ADMITTED, null, null, false, "sam", NOW);

    assertThat(visit.anyoneEntered()).isFalse();
    assertThat(visit.closeGate()).isEqualTo(VisitStatus.NO_ENTRY);
  }

  @Test
  void visitNobodyCameToExpires() {
    assertThat(scheduled(MandateType.NGO, true, SearchLevel.SCREENING).closeGate()).isEqualTo(VisitStatus.EXPIRED);
  }

  @Test
  void formalMonitorsVisitCannotBeDeniedNorSearchedBeyondAPatDown() {
    Visit visit = underReview(MandateType.ICRC, true);

    assertThatThrownBy(() -> visit.deny("no")).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> visit.authorise(SearchLevel.FULL, null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> visit.authorise(SearchLevel.ENHANCED, null)).isInstanceOf(IllegalArgumentException.class);
    visit.authorise(SearchLevel.PAT_DOWN, "escorted at all times");
    assertThat(visit.getStatus()).isEqualTo(VisitStatus.SCHEDULING);
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
    visit.cancel("changed plans", "john");
    assertThat(visit.getStatus()).isEqualTo(VisitStatus.CANCELLED);
    assertThatThrownBy(() -> visit.cancel("again", "john")).isInstanceOf(ConflictException.class);
  }

  @Test
  void searchLevelsAreOrderedAndCappedByTheMandate() {
    assertThat(SearchLevel.FULL.exceeds(SearchLevel.ENHANCED)).isTrue();
    assertThat(SearchLevel.SCREENING.exceeds(SearchLevel.SCREENING)).isFalse();
    assertThat(SearchLevel.ceilingFor(MandateType.NPM)).isEqualTo(SearchLevel.PAT_DOWN);
    assertThat(SearchLevel.ceilingFor(MandateType.NGO)).isEqualTo(SearchLevel.FULL);
  }

  private static Visit underReview(MandateType mandate, boolean announced) {
    Visit visit = new Visit(UUID.randomUUID(), mandate, announced, new VisitRequest(UUID.randomUUID(), List.of(ALICE, BOB),
        NOW.plus(1, ChronoUnit.HOURS), NOW.plus(4, ChronoUnit.HOURS), "Monitoring visit", List.of(), List.of()), "john", NOW, null);
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
