package org.invisiblebars.accreditation.usecase;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One part of how an organisation's term went at the facilities of its accreditation, told by the
 * feature that keeps that record: visits and incidents in {@code entry}, reports in {@code report}.
 * Those features depend on accreditation, so it asks them through this port, never the reverse. The
 * reviewers of a renewal read every part under the history of the accreditation it renews; Spring
 * hands the implementations over in their {@code @Order}.
 */
public interface TermRecord {

  /**
   * This part of the record of {@code organisationId} at {@code facilityIds} in {@code term}:
   * references people read, never an id, and nothing confidential (no allegation details, no risk
   * assessment).
   */
  Part of(UUID organisationId, Set<UUID> facilityIds, Term term);

  /** The days of a term, {@code from} its first day to {@code to}, the day it ends (exclusive). */
  record Term(LocalDate from, LocalDate to) {

    /** The first instant of the term (days are UTC days, as elsewhere). */
    public Instant startsAt() {
      return from.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The first instant after the term. */
    public Instant endsAt() {
      return to.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
  }

  /**
   * A heading with its counts ("Visits in the term: 3 — 2 completed, 1 cancelled") and one line per
   * case. {@code readers}: the groups that may read the lines; empty when every reviewer may.
   * Others read the heading only.
   */
  record Part(String heading, List<String> lines, Set<String> readers) {

    /**
     * A part whose heading counts the cases by outcome, in the order {@code outcomes} first names
     * them (one outcome per case): "Visits in the term: 3 — 2 completed, 1 cancelled", or "…:
     * none".
     */
    public static Part counted(
        String what, List<String> outcomes, List<String> lines, Set<String> readers) {
      if (outcomes.isEmpty()) {
        return new Part(what + ": none", List.of(), readers);
      }
      Map<String, Long> counts =
          outcomes.stream()
              .collect(
                  Collectors.groupingBy(
                      Function.identity(), LinkedHashMap::new, Collectors.counting()));
      return new Part(
          what
              + ": "
              + outcomes.size()
              + " — "
              + counts.entrySet().stream()
                  .map(e -> e.getValue() + " " + e.getKey())
                  .collect(Collectors.joining(", ")),
          lines,
          readers);
    }

    /** Whether a member of {@code group} reads the lines. */
    public boolean readBy(String group) {
      return readers.isEmpty() || readers.contains(group);
    }
  }
}
