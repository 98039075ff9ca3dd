package org.invisiblebars.entry.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;
import org.invisiblebars.organisation.domain.MandateType;
import org.invisiblebars.platform.reference.ReferencedCase;
import org.invisiblebars.platform.validation.ConflictException;
import org.invisiblebars.platform.validation.InvalidInputException;
import org.invisiblebars.platform.validation.NotFoundException;

/**
 * A request to enter a facility: who, where, when, to do what, with what; and what became of it,
 * from the scope check to the check-out. The risk assessment is kept apart ({@link RiskAssessment})
 * because the organisation may read its visit but never the assessment.
 */
@Entity
@Table(name = "visit")
public class Visit extends ReferencedCase {

  /** The prefix of its reference (VIS-2026-0012). */
  public static final String REFERENCE_PREFIX = "VIS";

  @Id private UUID id;

  @Column(name = "organisation_id", nullable = false)
  private UUID organisationId;

  @Column(name = "facility_id", nullable = false)
  private UUID facilityId;

  @Enumerated(EnumType.STRING)
  @Column(name = "mandate_type", nullable = false, length = 10)
  private MandateType mandateType;

  @Column(nullable = false)
  private boolean announced;

  @Column(name = "window_start", nullable = false)
  private Instant windowStart;

  @Column(name = "window_end", nullable = false)
  private Instant windowEnd;

  @Column(nullable = false, length = 200)
  private String activity;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private VisitStatus status;

  @Column(name = "requested_by", nullable = false, length = 64)
  private String requestedBy;

  @Column(name = "requested_at", nullable = false)
  private Instant requestedAt;

  @Column(name = "idempotency_key", length = 100)
  private String idempotencyKey;

  @Column(name = "rejection_reasons", length = 8000)
  private String rejectionReasons;

  @Enumerated(EnumType.STRING)
  @Column(name = "authorised_search_level", length = 20)
  private SearchLevel authorisedSearchLevel;

  @Column(length = 4000)
  private String conditions;

  @Column(name = "denial_reasons", length = 4000)
  private String denialReasons;

  @Column(length = 200)
  private String escort;

  @Column(name = "meeting_point", length = 500)
  private String meetingPoint;

  @Column(name = "notice_issued_at")
  private Instant noticeIssuedAt;

  @Column(name = "checked_out_at")
  private Instant checkedOutAt;

  @Column(name = "checked_out_by", length = 64)
  private String checkedOutBy;

  @Column(length = 4000)
  private String incident;

  @Column(name = "incident_at")
  private Instant incidentAt;

  @Column(name = "cancelled_by", length = 64)
  private String cancelledBy;

  @Column(name = "cancellation_reasons", length = 4000)
  private String cancellationReasons;

  @Column(name = "admitted_by_right_at")
  private Instant admittedByRightAt;

  // A visit is always read with its handful of names, areas and items: each collection in a select
  // of its own (one per collection for a whole list of visits), never joined with the others, whose
  // rows would multiply each other (one person brought two items: the person was read twice).
  @ElementCollection(fetch = FetchType.EAGER)
  @Fetch(FetchMode.SUBSELECT)
  @CollectionTable(name = "visit_area", joinColumns = @JoinColumn(name = "visit_id"))
  @Column(name = "area", nullable = false, length = 200)
  private Set<String> areas = new LinkedHashSet<>();

  @ElementCollection(fetch = FetchType.EAGER)
  @Fetch(FetchMode.SUBSELECT)
  @CollectionTable(name = "visit_equipment", joinColumns = @JoinColumn(name = "visit_id"))
  @Enumerated(EnumType.STRING)
  @Column(name = "equipment", nullable = false, length = 30)
  private Set<Equipment> equipment = EnumSet.noneOf(Equipment.class);

  @ElementCollection(fetch = FetchType.EAGER)
  @Fetch(FetchMode.SUBSELECT)
  @CollectionTable(name = "visit_representative", joinColumns = @JoinColumn(name = "visit_id"))
  private Set<VisitRepresentative> representatives = new HashSet<>();

  // A follow-up visit names the recommendations (of the organisation's reports on the facility) it
  // checks; the organisation records its finding on each after the visit.
  @ElementCollection(fetch = FetchType.EAGER)
  @Fetch(FetchMode.SUBSELECT)
  @CollectionTable(name = "visit_recommendation", joinColumns = @JoinColumn(name = "visit_id"))
  @Column(name = "recommendation_id", nullable = false)
  private Set<UUID> recommendationIds = new LinkedHashSet<>();

  protected Visit() {}

  public Visit(
      UUID organisationId,
      MandateType mandateType,
      boolean announced,
      VisitRequest request,
      String requestedBy,
      Instant requestedAt,
      String idempotencyKey) {
    this.id = UUID.randomUUID();
    this.organisationId = organisationId;
    this.mandateType = mandateType;
    this.announced = announced;
    this.facilityId = request.facilityId();
    this.windowStart = request.windowStart();
    this.windowEnd = request.windowEnd();
    this.activity = request.activity();
    this.areas = new LinkedHashSet<>(request.areas());
    this.equipment =
        request.equipment().isEmpty()
            ? EnumSet.noneOf(Equipment.class)
            : EnumSet.copyOf(request.equipment());
    request.representativeIds().forEach(r -> representatives.add(new VisitRepresentative(r)));
    this.status = VisitStatus.REQUESTED;
    this.requestedBy = requestedBy;
    this.requestedAt = requestedAt;
    this.idempotencyKey = idempotencyKey;
  }

  /**
   * The recommendations this visit checks (a follow-up visit); which ones the organisation may name
   * is checked by the request's use case.
   */
  public void checks(Collection<UUID> recommendations) {
    this.recommendationIds = new LinkedHashSet<>(recommendations);
  }

  /** The scope check found violations: the visit is rejected with every one of them. */
  public void reject(Collection<String> violations) {
    requireStatus(VisitStatus.REQUESTED);
    this.rejectionReasons = String.join("\n", violations);
    this.status = VisitStatus.REJECTED;
  }

  public void acceptForReview() {
    requireStatus(VisitStatus.REQUESTED);
    this.status = VisitStatus.UNDER_REVIEW;
  }

  /** The search level is authorised (by the protocol or the director), with any conditions. */
  public void authorise(SearchLevel level, String conditions) {
    requireStatus(VisitStatus.UNDER_REVIEW);
    if (level.exceeds(SearchLevel.ceilingFor(mandateType))) {
      throw InvalidInputException.of(
          "authorisedSearchLevel",
          "a "
              + mandateType
              + " visitor is searched no further than "
              + SearchLevel.ceilingFor(mandateType));
    }
    this.authorisedSearchLevel = level;
    this.conditions = conditions;
    this.status = VisitStatus.SCHEDULING;
  }

  /**
   * The most intrusive search {@code level} may lead to for this visit: the level itself, or what
   * the visitor's mandate allows when the level goes beyond it (the search protocol knows no
   * mandates).
   */
  public SearchLevel withinMandate(SearchLevel level) {
    SearchLevel ceiling = SearchLevel.ceilingFor(mandateType);
    return level.exceeds(ceiling) ? ceiling : level;
  }

  /** The director denies an NGO visit; a formal monitor's visit can only be given conditions. */
  public void deny(String reasons) {
    requireStatus(VisitStatus.UNDER_REVIEW);
    if (mandateType.isFormal()) {
      throw InvalidInputException.of(
          "authorisation", "a " + mandateType + " visit cannot be denied, only given conditions");
    }
    this.denialReasons = reasons;
    this.status = VisitStatus.DENIED;
  }

  /**
   * A formal monitor goes to the gate by right, whatever staff decided so far: unannounced, or
   * still undecided when the gate opens (OPCAT art. 20: access is a right, never held up by a
   * decision not taken). It is searched as the search protocol already authorised, or else screened
   * (the mandate's default); its escort is assigned at the gate, where each monitor reads and
   * acknowledges the search notice. Returns the staff steps that were still open, for the record.
   */
  public List<String> admitByRight(Instant at) {
    if (!mandateType.isFormal()) {
      throw new ConflictException(
          "only an NPM or ICRC visit goes to the gate without a decision; visit "
              + id
              + " is "
              + mandateType);
    }
    List<String> open =
        switch (status) {
          case REQUESTED, UNDER_REVIEW ->
              announced ? List.of("risk assessment or authorisation", "scheduling") : List.of();
          case SCHEDULING -> List.of("scheduling");
          default ->
              throw new ConflictException(
                  "visit " + id + " is " + status + ": it no longer waits for the gate");
        };
    if (authorisedSearchLevel == null) {
      this.authorisedSearchLevel = SearchLevel.SCREENING;
    }
    this.noticeIssuedAt = at;
    this.admittedByRightAt = at;
    this.status = VisitStatus.SCHEDULED;
    return open;
  }

  /** The liaison officer schedules the visit and assigns its escort. */
  public void schedule(String escort, String meetingPoint) {
    requireStatus(VisitStatus.SCHEDULING);
    this.escort = escort;
    this.meetingPoint = meetingPoint;
  }

  /** The search notice goes to the organisation: from now on its representatives acknowledge it. */
  public void issueNotice(Instant at) {
    requireStatus(VisitStatus.SCHEDULING);
    this.noticeIssuedAt = at;
    this.status = VisitStatus.SCHEDULED;
  }

  /** A representative acknowledges the search notice; acknowledging twice keeps the first time. */
  public void acknowledgeNotice(UUID representativeId, String by, Instant at) {
    if (status != VisitStatus.SCHEDULED) {
      throw new ConflictException(
          "the search notice can be acknowledged once the visit is scheduled (status "
              + status
              + ")");
    }
    representative(representativeId).acknowledge(by, at);
  }

  /**
   * Records one representative at the gate. Entering needs the search notice acknowledged ({@code
   * acknowledgedAtGate} counts only for a formal monitor, who may always read it at the gate) and a
   * search no more intrusive than authorised.
   */
  public void recordGate(
      UUID representativeId,
      EntryOutcome outcome,
      SearchLevel applied,
      String itemsFound,
      boolean acknowledgedAtGate,
      String by,
      Instant at) {
    if (status != VisitStatus.SCHEDULED && status != VisitStatus.IN_PROGRESS) {
      throw new ConflictException(
          "visitors are checked in once the visit is scheduled (status " + status + ")");
    }
    VisitRepresentative person = representative(representativeId);
    if (acknowledgedAtGate && acknowledgesAtGate()) {
      person.acknowledge(by, at);
    }
    if (outcome == EntryOutcome.ENTERED) {
      if (!person.isAcknowledged()) {
        throw InvalidInputException.of(
            "entryOutcome", "the search notice has not been acknowledged: no entry");
      }
      if (applied == null) {
        throw InvalidInputException.of("appliedSearchLevel", "is required when the visitor enters");
      }
      if (applied.exceeds(authorisedSearchLevel)) {
        throw InvalidInputException.of(
            "appliedSearchLevel",
            applied
                + " exceeds the authorised level "
                + authorisedSearchLevel
                + ": a search may never go beyond it");
      }
      this.status = VisitStatus.IN_PROGRESS;
    }
    person.recordGate(
        outcome, outcome == EntryOutcome.NOT_ADMITTED ? null : applied, itemsFound, by, at);
  }

  /**
   * After the gate closes: in progress if anyone entered; otherwise no entry if the officers
   * recorded someone (refused or not admitted), or expired if the window passed with nobody there.
   */
  public VisitStatus closeGate() {
    if (status == VisitStatus.SCHEDULED) {
      boolean anyoneRecorded = representatives.stream().anyMatch(r -> r.getEntryOutcome() != null);
      this.status = anyoneRecorded ? VisitStatus.NO_ENTRY : VisitStatus.EXPIRED;
    }
    return status;
  }

  public void checkOut(String incident, String by, Instant at) {
    requireStatus(VisitStatus.IN_PROGRESS);
    this.checkedOutAt = at;
    this.checkedOutBy = by;
    if (incident != null && !incident.isBlank()) {
      this.incident = incident;
      this.incidentAt = at;
    }
    this.status = VisitStatus.COMPLETED;
  }

  /** The window passed before the visit was decided. */
  public void expire() {
    if (status.isPending()) {
      this.status = VisitStatus.EXPIRED;
    }
  }

  /**
   * Cancels a visit not yet at the gate. A formal monitor's visit is never cancelled by staff: its
   * access is a right, which only the monitor itself gives up (or the end of its registration).
   */
  public void cancel(String reasons, String by, Canceller canceller) {
    if (!status.isPending()) {
      throw new ConflictException("a visit that is " + status + " cannot be cancelled");
    }
    if (mandateType.isFormal() && canceller == Canceller.STAFF) {
      throw new ConflictException(
          "only the "
              + mandateType
              + " itself cancels its visit: a formal monitor's access is a right (OPCAT art. 20,"
              + " the ICRC's modalities), so staff cannot cancel it");
    }
    this.cancellationReasons = reasons;
    this.cancelledBy = by;
    this.status = VisitStatus.CANCELLED;
  }

  /**
   * Whether its visitors may read and acknowledge the search notice at the gate: a formal monitor
   * may (it is not held up for want of an acknowledgement sent ahead); an NGO's people acknowledge
   * it before the visit.
   */
  public boolean acknowledgesAtGate() {
    return mandateType.isFormal();
  }

  /**
   * Whether the visit went to the gate by right, without a staff decision ({@link #admitByRight}).
   */
  public boolean isAdmittedByRight() {
    return admittedByRightAt != null;
  }

  public VisitRepresentative representative(UUID representativeId) {
    return representatives.stream()
        .filter(r -> r.getRepresentativeId().equals(representativeId))
        .findFirst()
        .orElseThrow(
            () -> new NotFoundException("representative " + representativeId + " in visit " + id));
  }

  public List<UUID> representativeIds() {
    return representatives.stream().map(VisitRepresentative::getRepresentativeId).sorted().toList();
  }

  public boolean anyoneEntered() {
    return representatives.stream().anyMatch(r -> r.getEntryOutcome() == EntryOutcome.ENTERED);
  }

  public List<String> rejectionReasons() {
    return Optional.ofNullable(rejectionReasons).map(r -> List.of(r.split("\n"))).orElse(List.of());
  }

  private void requireStatus(VisitStatus expected) {
    if (status != expected) {
      throw new ConflictException("visit " + id + " is " + status + ", not " + expected);
    }
  }

  public UUID getId() {
    return id;
  }

  @Override
  public String referencePrefix() {
    return REFERENCE_PREFIX;
  }

  @Override
  public Instant createdAt() {
    return requestedAt;
  }

  public UUID getOrganisationId() {
    return organisationId;
  }

  public UUID getFacilityId() {
    return facilityId;
  }

  public MandateType getMandateType() {
    return mandateType;
  }

  public boolean isAnnounced() {
    return announced;
  }

  public Instant getWindowStart() {
    return windowStart;
  }

  public Instant getWindowEnd() {
    return windowEnd;
  }

  public String getActivity() {
    return activity;
  }

  public VisitStatus getStatus() {
    return status;
  }

  public String getRequestedBy() {
    return requestedBy;
  }

  public Instant getRequestedAt() {
    return requestedAt;
  }

  public String getIdempotencyKey() {
    return idempotencyKey;
  }

  public SearchLevel getAuthorisedSearchLevel() {
    return authorisedSearchLevel;
  }

  public String getConditions() {
    return conditions;
  }

  public String getDenialReasons() {
    return denialReasons;
  }

  public String getEscort() {
    return escort;
  }

  public String getMeetingPoint() {
    return meetingPoint;
  }

  public Instant getNoticeIssuedAt() {
    return noticeIssuedAt;
  }

  public Instant getCheckedOutAt() {
    return checkedOutAt;
  }

  public String getIncident() {
    return incident;
  }

  public Instant getIncidentAt() {
    return incidentAt;
  }

  public Instant getAdmittedByRightAt() {
    return admittedByRightAt;
  }

  public String getCancellationReasons() {
    return cancellationReasons;
  }

  public Set<String> getAreas() {
    return Set.copyOf(areas);
  }

  public Set<Equipment> getEquipment() {
    return equipment.isEmpty() ? Set.of() : EnumSet.copyOf(equipment);
  }

  public List<UUID> getRecommendationIds() {
    return recommendationIds.stream().sorted().toList();
  }

  public Set<VisitRepresentative> getRepresentatives() {
    return Set.copyOf(representatives);
  }

  /** Who cancels a visit. */
  public enum Canceller {
    /** The organisation itself, through its own user. */
    ORGANISATION,
    /** The liaison officer or the director: an NGO visit only. */
    STAFF,
    /** The organisation's accreditation or mandate registration was revoked. */
    REVOCATION
  }

  /** What a visit request asks for. */
  public record VisitRequest(
      UUID facilityId,
      Collection<UUID> representativeIds,
      Instant windowStart,
      Instant windowEnd,
      String activity,
      Collection<String> areas,
      Collection<Equipment> equipment) {

    public VisitRequest {
      representativeIds = List.copyOf(new LinkedHashSet<>(representativeIds));
      areas = List.copyOf(new LinkedHashSet<>(areas));
      equipment = List.copyOf(new LinkedHashSet<>(equipment));
    }
  }
}
