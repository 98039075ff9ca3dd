package org.invisiblebars.entry.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.invisiblebars.entry.usecase.VisitsInTermTest.FACILITY;
import static org.invisiblebars.entry.usecase.VisitsInTermTest.ORGANISATION;
import static org.invisiblebars.entry.usecase.VisitsInTermTest.TERM;
import static org.invisiblebars.entry.usecase.VisitsInTermTest.visit;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.invisiblebars.accreditation.usecase.TermRecord.Part;
import org.invisiblebars.entry.domain.Incident;
import org.invisiblebars.entry.domain.IncidentRepository;
import org.invisiblebars.entry.domain.Visit;
import org.invisiblebars.entry.domain.VisitRepository;
import org.invisiblebars.organisation.domain.Representative;
import org.invisiblebars.organisation.domain.RepresentativeRepository;
import org.junit.jupiter.api.Test;

/**
 * The incidents a renewal's reviewers read: those of the term's visits, the latest first, each by
 * its visit's reference, day, person and what was recorded in short, with where it stands; never
 * the organisation's account nor the director's reasons.
 */
class IncidentsInTermTest {

  private final VisitRepository visits = mock(VisitRepository.class);
  private final IncidentRepository incidents = mock(IncidentRepository.class);
  private final RepresentativeRepository representatives = mock(RepresentativeRepository.class);

  @Test
  void eachIncidentInShortWithItsOutcome() {
    Visit first = visit(1, LocalDate.of(2026, 3, 1));
    Visit second = visit(2, LocalDate.of(2026, 4, 1));
    Visit third = visit(3, LocalDate.of(2026, 5, 1));
    Representative alice = new Representative(ORGANISATION, "Alice Martin", "Monitor");
    Incident upheld = incident(first, alice.getId(), "Argued with a guard");
    upheld.contest("He was rude first", "john", upheld.getRecordedAt());
    upheld.decide(true, "The escort heard it", "martha", upheld.getRecordedAt());
    Incident dismissed =
        incident(
            second,
            null,
            "Brought a phone into the visiting hall although the notice said phones are left at"
                + " the gate, and refused to hand it over");
    dismissed.contest(
        "It was a pager for her medical condition", "john", dismissed.getRecordedAt());
    dismissed.decide(false, "A medical device, allowed", "martha", dismissed.getRecordedAt());
    Incident open = incident(third, null, "Late at the gate");
    when(visits.startingBetween(eq(ORGANISATION), eq(Set.of(FACILITY)), any(), any()))
        .thenReturn(List.of(third, second, first));
    when(incidents.findAllById(Set.of(first.getId(), second.getId(), third.getId())))
        .thenReturn(List.of(upheld, open, dismissed));
    when(representatives.findAllById(anyCollection())).thenReturn(List.of(alice));

    Part part =
        new IncidentsInTerm(visits, incidents, representatives)
            .of(ORGANISATION, Set.of(FACILITY), TERM);

    assertThat(part.heading())
        .isEqualTo("Incidents in the term: 3 — 1 upheld, 1 dismissed, 1 open");
    assertThat(part.lines())
        .containsExactly(
            "VIS-2026-0003, 2026-04-21, against the delegation as a whole: Late at the gate"
                + " — open, the organisation may still contest it",
            "VIS-2026-0002, 2026-03-22, against the delegation as a whole: Brought a phone into"
                + " the visiting hall although the notice said phones are left… — dismissed by the"
                + " director",
            "VIS-2026-0001, 2026-02-19, against Alice Martin: Argued with a guard — upheld by the"
                + " director after a contest");
    assertThat(String.join("\n", part.lines()))
        .doesNotContain("rude", "pager", "escort", "medical");
  }

  /** An incident recorded the day its visit was requested (ten days before it), open 14 days. */
  private static Incident incident(Visit visit, UUID against, String description) {
    Instant at = visit.getRequestedAt();
    return new Incident(visit, against, description, "sam", at, at.plus(14, ChronoUnit.DAYS));
  }
}
