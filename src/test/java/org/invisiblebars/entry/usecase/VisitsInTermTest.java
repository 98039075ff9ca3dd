package org.invisiblebars.entry.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.invisiblebars.accreditation.usecase.TermRecord.Part;
import org.invisiblebars.accreditation.usecase.TermRecord.Term;
import org.invisiblebars.entry.domain.Visit;
import org.invisiblebars.entry.domain.Visit.Canceller;
import org.invisiblebars.entry.domain.Visit.VisitRequest;
import org.invisiblebars.entry.domain.VisitRepository;
import org.invisiblebars.organisation.domain.MandateType;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * The visits a renewal's reviewers read: counted by how they ended, the latest five by reference
 * and day, asked for within the term's days at the accreditation's facilities.
 */
class VisitsInTermTest {

  static final UUID ORGANISATION = UUID.randomUUID();
  static final UUID FACILITY = UUID.randomUUID();
  static final Term TERM = new Term(LocalDate.of(2026, 1, 10), LocalDate.of(2027, 1, 10));

  private final VisitRepository visits = mock(VisitRepository.class);
  private final VisitsInTerm record = new VisitsInTerm(visits);

  @Test
  void countsTheVisitsByOutcomeAndNamesTheLatestFive() {
    List<Visit> found = new ArrayList<>();
    for (int n = 7; n >= 1; n--) {
      Visit visit = visit(n, LocalDate.of(2026, 3, n));
      if (n == 7) {
        visit.cancel("Ill", "john", Canceller.ORGANISATION);
      } else if (n == 6) {
        visit.acceptForReview();
        visit.deny("Lockdown in the wing");
      }
      found.add(visit);
    }
    when(visits.startingBetween(
            ORGANISATION,
            Set.of(FACILITY),
            Instant.parse("2026-01-10T00:00:00Z"),
            Instant.parse("2027-01-10T00:00:00Z")))
        .thenReturn(found);

    Part part = record.of(ORGANISATION, Set.of(FACILITY), TERM);

    assertThat(part.heading())
        .isEqualTo("Visits in the term: 7 — 5 requested, 1 refused, 1 cancelled");
    assertThat(part.lines())
        .containsExactly(
            "VIS-2026-0007 on 2026-03-07: cancelled",
            "VIS-2026-0006 on 2026-03-06: refused",
            "VIS-2026-0005 on 2026-03-05: requested",
            "VIS-2026-0004 on 2026-03-04: requested",
            "VIS-2026-0003 on 2026-03-03: requested");
    assertThat(String.join("\n", part.lines())).doesNotContain("Lockdown", "Ill");
    assertThat(part.readBy("security")).isTrue();
  }

  @Test
  void noVisitsNoFacilitiesNoQuery() {
    assertThat(record.of(ORGANISATION, Set.of(), TERM).heading())
        .isEqualTo("Visits in the term: none");
    verifyNoInteractions(visits);
  }

  /** A visit requested for 10:00 UTC on {@code day}, with the reference VIS-2026-000n. */
  static Visit visit(int n, LocalDate day) {
    Instant start = day.atTime(10, 0).toInstant(ZoneOffset.UTC);
    Visit visit =
        new Visit(
            ORGANISATION,
            MandateType.NGO,
            true,
            new VisitRequest(
                FACILITY,
                List.of(UUID.randomUUID()),
                start,
                start.plus(3, ChronoUnit.HOURS),
                "Monitoring visit",
                List.of(),
                List.of()),
            "john",
            start.minus(10, ChronoUnit.DAYS),
            null);
    ReflectionTestUtils.setField(visit, "reference", "VIS-2026-000" + n);
    return visit;
  }
}
