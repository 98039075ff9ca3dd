package org.invisiblebars.entry.usecase;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.invisiblebars.accreditation.usecase.TermRecord;
import org.invisiblebars.entry.domain.Incident;
import org.invisiblebars.entry.domain.IncidentRepository;
import org.invisiblebars.entry.domain.IncidentStatus;
import org.invisiblebars.entry.domain.Visit;
import org.invisiblebars.entry.domain.VisitRepository;
import org.invisiblebars.organisation.domain.Representative;
import org.invisiblebars.organisation.domain.RepresentativeRepository;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The incidents recorded at the visits of a term, for the reviewers of a renewal: the visit's
 * reference, the day, against whom, what was recorded in short and where it stands. The
 * organisation's account and the director's reasons stay in the incident itself.
 */
@Service
@Order(3)
@Transactional(readOnly = true)
public class IncidentsInTerm implements TermRecord {

  /** How much of what security recorded the line shows. */
  static final int SHORT = 80;

  private final VisitRepository visits;
  private final IncidentRepository incidents;
  private final RepresentativeRepository representatives;

  IncidentsInTerm(
      VisitRepository visits,
      IncidentRepository incidents,
      RepresentativeRepository representatives) {
    this.visits = visits;
    this.incidents = incidents;
    this.representatives = representatives;
  }

  @Override
  public Part of(UUID organisationId, Set<UUID> facilityIds, Term term) {
    Map<UUID, Visit> visited =
        VisitsInTerm.inTerm(visits, organisationId, facilityIds, term).stream()
            .collect(Collectors.toMap(Visit::getId, Function.identity()));
    List<Incident> found =
        incidents.findAllById(visited.keySet()).stream()
            .sorted(Comparator.comparing(Incident::getRecordedAt).reversed())
            .toList();
    Map<UUID, String> names =
        representatives
            .findAllById(
                found.stream()
                    .map(Incident::getRepresentativeId)
                    .filter(Objects::nonNull)
                    .collect(Collectors.toSet()))
            .stream()
            .collect(Collectors.toMap(Representative::getId, Representative::getFullName));
    return Part.counted(
        "Incidents in the term",
        found.stream()
            .map(i -> outcome(i.getStatus()))
            .sorted(Comparator.naturalOrder())
            .map(Outcome::label)
            .toList(),
        found.stream().map(i -> line(i, visited.get(i.getVisitId()), names)).toList(),
        Set.of());
  }

  /** "VIS-2026-0012, 2026-05-03, against Alice Martin: Photographed a cell… — contested". */
  private static String line(Incident incident, Visit visit, Map<UUID, String> names) {
    return visit.getReference()
        + ", "
        + LocalDate.ofInstant(incident.getRecordedAt(), ZoneOffset.UTC)
        + ", against "
        + (incident.getRepresentativeId() == null
            ? "the delegation as a whole"
            : names.getOrDefault(incident.getRepresentativeId(), "a representative"))
        + ": "
        + inShort(incident.getDescription())
        + " — "
        + standing(incident.getStatus());
  }

  /** At most {@link #SHORT} characters, cut at a word. */
  static String inShort(String text) {
    String flat = text.strip().replaceAll("\\s+", " ");
    if (flat.length() <= SHORT) {
      return flat;
    }
    int cut = flat.lastIndexOf(' ', SHORT - 1);
    return flat.substring(0, cut > 0 ? cut : SHORT - 1) + "…";
  }

  private static String standing(IncidentStatus status) {
    return switch (status) {
      case OPEN -> "open, the organisation may still contest it";
      case CONTESTED -> "contested, awaiting the director's decision";
      case UPHELD -> "upheld by the director after a contest";
      case UPHELD_UNCONTESTED -> "upheld, not contested";
      case DISMISSED -> "dismissed by the director";
    };
  }

  /** The outcomes the heading counts. */
  enum Outcome {
    UPHELD("upheld"),
    DISMISSED("dismissed"),
    CONTESTED("under contest"),
    OPEN("open");

    private final String label;

    Outcome(String label) {
      this.label = label;
    }

    String label() {
      return label;
    }
  }

  private static Outcome outcome(IncidentStatus status) {
    return switch (status) {
      case UPHELD, UPHELD_UNCONTESTED -> Outcome.UPHELD;
      case DISMISSED -> Outcome.DISMISSED;
      case CONTESTED -> Outcome.CONTESTED;
      case OPEN -> Outcome.OPEN;
    };
  }
}
