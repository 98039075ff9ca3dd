package org.invisiblebars.accreditation.usecase;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.invisiblebars.accreditation.domain.Accreditation;
import org.invisiblebars.accreditation.domain.AccreditationStatus;
import org.invisiblebars.accreditation.domain.Criterion;
import org.invisiblebars.accreditation.domain.Mou;
import org.invisiblebars.accreditation.domain.MouAmendment;
import org.invisiblebars.accreditation.domain.MouAmendmentRepository;
import org.invisiblebars.accreditation.domain.MouClause;
import org.invisiblebars.accreditation.domain.MouRepository;
import org.invisiblebars.accreditation.domain.MouVersionRepository;
import org.invisiblebars.accreditation.domain.Nominee;
import org.invisiblebars.accreditation.domain.Rating;
import org.invisiblebars.accreditation.usecase.AccreditationProcess.Element;
import org.invisiblebars.facility.domain.Facility;
import org.invisiblebars.facility.domain.FacilityRepository;
import org.invisiblebars.facility.usecase.ManageFacilities;
import org.invisiblebars.organisation.domain.Organisation;
import org.invisiblebars.organisation.domain.OrganisationRepository;
import org.invisiblebars.organisation.domain.Representative;
import org.invisiblebars.organisation.domain.RepresentativeRepository;
import org.invisiblebars.platform.audit.DecisionLog;
import org.invisiblebars.platform.audit.DecisionLogEntry;
import org.invisiblebars.platform.identity.Groups;
import org.invisiblebars.platform.task.CaseLabel;
import org.invisiblebars.platform.task.CaseLabels;
import org.invisiblebars.platform.validation.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads accreditations for the NGO API, for staff, and for the texts Tasklist forms show. */
@Service
@Transactional(readOnly = true)
public class AccreditationQueries implements CaseLabels {

  private final Accreditations accreditations;
  private final OrganisationRepository organisations;
  private final RepresentativeRepository representatives;
  private final FacilityRepository facilities;
  private final ManageFacilities facilityZones;
  private final MouRepository mous;
  private final DecisionLog decisionLog;
  private final MouAmendmentRepository amendments;
  private final MouVersionRepository versions;
  private final List<TermRecord> termRecords;
  private final Clock clock;

  AccreditationQueries(
      Clock clock,
      MouAmendmentRepository amendments,
      MouVersionRepository versions,
      Accreditations accreditations,
      OrganisationRepository organisations,
      RepresentativeRepository representatives,
      FacilityRepository facilities,
      ManageFacilities facilityZones,
      MouRepository mous,
      DecisionLog decisionLog,
      List<TermRecord> termRecords) {
    this.termRecords = termRecords;
    this.accreditations = accreditations;
    this.organisations = organisations;
    this.representatives = representatives;
    this.facilities = facilities;
    this.facilityZones = facilityZones;
    this.mous = mous;
    this.decisionLog = decisionLog;
    this.amendments = amendments;
    this.versions = versions;
    this.clock = clock;
  }

  /**
   * The groups that read the decisions behind an accreditation (vetting reasons, staff views, the
   * director's reasons), here and in the texts Tasklist forms show: those who work on
   * accreditations.
   */
  public static final List<String> REVIEWERS =
      List.of(Groups.DIRECTOR, Groups.SECURITY, Groups.NGO_LIAISON, Groups.CAMUNDA_ADMIN);

  /**
   * The accreditation as the caller may see it: {@code organisationScope} is the caller's
   * organisation for NGO users (another organisation's accreditation is "not found"), empty for
   * staff, who see everything including the review.
   */
  public AccreditationView view(UUID id, Optional<UUID> organisationScope) {
    return view(id, organisationScope, organisationScope.isEmpty());
  }

  /**
   * As {@link #view(UUID, Optional)}; the review's decisions with their reasons only when {@code
   * readsDecisions} (the {@link #REVIEWERS}): other staff read the score and recommendation.
   */
  public AccreditationView view(UUID id, Optional<UUID> organisationScope, boolean readsDecisions) {
    Accreditation a = scoped(id, organisationScope);
    return view(
        a, organisationScope, readsDecisions, mous.findByAccreditationId(id), decisions(id));
  }

  /**
   * Every accreditation the caller may see ({@code organisationScope} as for {@link #view}), with
   * the MoUs, decisions and organisations they show read in one query each, not once per
   * accreditation.
   */
  public List<AccreditationView> list(Optional<UUID> organisationScope, boolean readsDecisions) {
    List<Accreditation> found = accreditations.all(organisationScope);
    List<UUID> ids = found.stream().map(Accreditation::getId).toList();
    // the look-ups by id of organisationName find them in this transaction's persistence context
    organisations.findAllById(
        found.stream().map(Accreditation::getOrganisationId).collect(Collectors.toSet()));
    Map<UUID, Mou> mouOf =
        ids.isEmpty()
            ? Map.of()
            : mous.findByAccreditationIdIn(ids).stream()
                .collect(Collectors.toMap(Mou::getAccreditationId, Function.identity()));
    Map<UUID, List<DecisionLogEntry>> decided =
        ids.isEmpty()
            ? Map.of()
            : decisionLog
                .findBySubjectTypeAndSubjectIdInOrderByDecidedAt(AccreditationSubject.TYPE, ids)
                .stream()
                .collect(Collectors.groupingBy(DecisionLogEntry::getSubjectId));
    return found.stream()
        .map(
            a ->
                view(
                    a,
                    organisationScope,
                    readsDecisions,
                    Optional.ofNullable(mouOf.get(a.getId())),
                    () -> decided.getOrDefault(a.getId(), List.of())))
        .toList();
  }

  private Supplier<List<DecisionLogEntry>> decisions(UUID id) {
    return () ->
        decisionLog.findBySubjectTypeAndSubjectIdOrderByDecidedAt(AccreditationSubject.TYPE, id);
  }

  private AccreditationView view(
      Accreditation a,
      Optional<UUID> organisationScope,
      boolean readsDecisions,
      Optional<Mou> mou,
      Supplier<List<DecisionLogEntry>> decisions) {
    Review review =
        organisationScope.isPresent()
            ? null
            : new Review(
                a.getScore(),
                a.getRecommendation() == null ? null : a.getRecommendation().name(),
                a.getRecommendationRationale(),
                a.getCapacityFull(),
                a.getSuggestedNetworks(),
                !readsDecisions
                    ? null
                    : decisions.get().stream()
                        .map(
                            e ->
                                new LoggedDecision(
                                    e.getTask(),
                                    e.getDecision(),
                                    e.getReasons(),
                                    e.getDecidedBy(),
                                    e.getDecidedAt()))
                        .toList());
    return new AccreditationView(
        a.getId(),
        a.getReference(),
        a.getOrganisationId(),
        organisationName(a),
        a.getStatus(),
        renewalDue(a) ? "RENEWAL" : answering(mou) ? null : awaiting(a.getStatus()),
        a.getStatus() == AccreditationStatus.AWAITING_INFORMATION
            ? a.getInformationRequested()
            : null,
        a.getMandateType().name(),
        a.getProgrammeType().name(),
        a.getSubmittedAt(),
        a.getTermStart(),
        a.getTermEnd(),
        mou.map(Mou::getVersion).orElse(null),
        outcome(a, decisions),
        review,
        a.getRenewalOf(),
        a.getStatus() == AccreditationStatus.ACTIVE ? a.getTermEnd() : null);
  }

  /**
   * Whether the liaison officer is answering amendments to the MoU's current version: nothing is
   * awaited from the organisation until the next version comes.
   */
  private boolean answering(Optional<Mou> mou) {
    return mou.filter(m -> m.getAgreedVersion() == null && m.getCountersignedAt() == null)
        .map(m -> !amendments.findByMouIdAndAgainstVersion(m.getId(), m.getVersion()).isEmpty())
        .orElse(false);
  }

  /**
   * Whether the organisation is reminded to renew: the accreditation is active and its renewal
   * reminder is due (the same day the process reminds the liaison officer).
   */
  private boolean renewalDue(Accreditation a) {
    return a.getStatus() == AccreditationStatus.ACTIVE
        && a.getTermEnd() != null
        && !LocalDate.now(clock)
            .isBefore(a.getTermEnd().minusDays(AccreditationLifecycle.RENEWAL_REMINDER_DAYS));
  }

  /** Tasks whose decision ends an accreditation; the organisation is told the reasons. */
  private static final Set<String> ENDING_DECISIONS =
      Set.of(
          Element.VERIFY_FORMAL_MANDATE,
          Element.DECIDE_ACCREDITATION,
          Element.REVOCATION_REQUESTED);

  /** Why a rejected or revoked accreditation ended, as the organisation is told. */
  private static Outcome outcome(Accreditation a, Supplier<List<DecisionLogEntry>> decisions) {
    if (a.getStatus() != AccreditationStatus.REJECTED
        && a.getStatus() != AccreditationStatus.REVOKED) {
      return null;
    }
    return decisions.get().stream()
        .filter(e -> ENDING_DECISIONS.contains(e.getTask()))
        .reduce((first, second) -> second)
        .map(e -> new Outcome(e.getDecision(), e.getReasons(), e.getDecidedAt()))
        .orElse(null);
  }

  /** The accreditation if the scope allows it; otherwise not found. */
  public Accreditation scoped(UUID id, Optional<UUID> organisationScope) {
    Accreditation accreditation = accreditations.get(id);
    if (organisationScope.isPresent()
        && !organisationScope.get().equals(accreditation.getOrganisationId())) {
      throw new NotFoundException("accreditation " + id);
    }
    return accreditation;
  }

  /** The MoU as a document, if one was drafted; scoped like {@link #view}. */
  public Optional<MouDocument> mouDocument(UUID id, Optional<UUID> organisationScope) {
    Accreditation a = scoped(id, organisationScope);
    Map<UUID, Representative> people = representativesOf(a);
    return mous.findByAccreditationId(id)
        .map(
            m ->
                new MouDocument(
                    a.getId(),
                    a.getReference(),
                    m.getVersion(),
                    organisationName(a),
                    a.getMandateType().name(),
                    a.getProgrammeType().name(),
                    m.getMandateAndExpectations(),
                    m.getResponsibilities(),
                    m.getRepresentativeIds().stream()
                        .map(people::get)
                        .filter(Objects::nonNull)
                        .map(Representative::getFullName)
                        .sorted()
                        .toList(),
                    m.getDays(),
                    m.getHours(),
                    m.getProcedures(),
                    m.getAllowedActivities(),
                    m.getExcludedAreas(),
                    m.getConfidentialityDays(),
                    m.getTermMonths(),
                    a.getTermStart(),
                    a.getTermEnd(),
                    m.getContinuityPlan(),
                    religiousBased(a),
                    m.isUniversalAccess(),
                    String.join(", ", facilityNames(a)),
                    m.getCountersignedAt() == null
                        ? null
                        : new MouDocument.Signature(m.getCountersignedBy(), m.getCountersignedAt()),
                    m.getSignedAt() == null
                        ? null
                        : new MouDocument.Signature(m.getSignedBy(), m.getSignedAt()),
                    m.getConditions()));
  }

  /** What the organisation has to do next, if anything. */
  static String awaiting(AccreditationStatus status) {
    return switch (status) {
      case AWAITING_INFORMATION -> "INFORMATION";
      case MOU_IN_NEGOTIATION -> "MOU_AGREEMENT";
      case AWAITING_COUNTERSIGNATURE -> "COUNTERSIGNATURE";
      default -> null;
    };
  }

  public String organisationName(Accreditation accreditation) {
    return organisations
        .findById(accreditation.getOrganisationId())
        .map(Organisation::getName)
        .orElse("?");
  }

  public Optional<Mou> mou(UUID accreditationId) {
    return mous.findByAccreditationId(accreditationId);
  }

  public Map<UUID, Representative> representativesOf(Accreditation accreditation) {
    return representatives
        .findAllById(
            accreditation.getNominees().stream().map(Nominee::getRepresentativeId).toList())
        .stream()
        .collect(Collectors.toMap(Representative::getId, Function.identity()));
  }

  @Override
  public String subjectType() {
    return AccreditationSubject.TYPE;
  }

  /** The reference, the organisation and the facilities applied for, by name. */
  @Override
  public Optional<CaseLabel> of(UUID id) {
    return accreditations
        .find(id)
        .map(
            a ->
                new CaseLabel(
                    a.getReference(), organisationName(a), String.join(", ", facilityNames(a))));
  }

  /**
   * The zone the accreditation's deadlines are read in: its facilities' when they share one, else
   * the administration's; scoped like {@link #view}.
   */
  public ZoneId zoneOf(UUID id, Optional<UUID> organisationScope) {
    return facilityZones.zoneOf(scoped(id, organisationScope).getFacilityIds());
  }

  /** The names of the facilities the accreditation is for; scoped like {@link #view}. */
  public List<String> facilityNames(UUID id, Optional<UUID> organisationScope) {
    return facilityNames(scoped(id, organisationScope));
  }

  public List<String> facilityNames(Accreditation accreditation) {
    return facilities.findAllById(accreditation.getFacilityIds()).stream()
        .map(Facility::getName)
        .sorted()
        .toList();
  }

  public boolean religiousBased(Accreditation accreditation) {
    return organisations
        .findById(accreditation.getOrganisationId())
        .map(Organisation::isReligiousBased)
        .orElse(false);
  }

  /**
   * The application in a few lines, for every task form of the directors and liaison officers; a
   * renewal's with the whole track record of the term it renews.
   */
  public String applicationSummary(UUID id) {
    return applicationSummary(id, part -> true);
  }

  /**
   * As {@link #applicationSummary(UUID)} for a task of {@code group}: of the renewed term's record,
   * the lines of a part only where that group reads them (the headings always).
   */
  public String applicationSummary(UUID id, String group) {
    return applicationSummary(id, part -> part.readBy(group));
  }

  private String applicationSummary(UUID id, Predicate<TermRecord.Part> readsLines) {
    Accreditation a = accreditations.get(id);
    StringBuilder text =
        new StringBuilder()
            .append("Organisation: ")
            .append(organisationName(a))
            .append('\n')
            .append("Mandate: ")
            .append(a.getMandateType());
    if (a.getMandateType().isFormal()) {
      text.append(" — ")
          .append(a.getMandateReference())
          .append(", issued by ")
          .append(a.getMandateIssuingBody())
          .append(", valid until ")
          .append(a.getMandateValidUntil());
    }
    text.append('\n')
        .append("Programme: ")
        .append(a.getProgrammeType())
        .append('\n')
        .append("Proposed activity: ")
        .append(a.getProposedActivity())
        .append('\n')
        .append("Facilities: ")
        .append(String.join(", ", facilityNames(a)))
        .append('\n')
        .append("Representatives: ")
        .append(
            representativesOf(a).values().stream()
                .map(r -> r.getFullName() + (r.getRole() == null ? "" : " (" + r.getRole() + ")"))
                .sorted()
                .collect(Collectors.joining(", ")))
        .append('\n')
        .append("Funding secured for: ")
        .append(a.getSustainabilityMonths())
        .append(" months")
        .append('\n');
    if (a.getPartners() != null) {
      text.append("Partners: ").append(a.getPartners()).append('\n');
    }
    if (a.getSwot() != null) {
      text.append("SWOT: ").append(a.getSwot()).append('\n');
    }
    text.append("Religious-based: ").append(religiousBased(a) ? "yes" : "no");
    if (a.getRenewalOf() != null) {
      Accreditation previous = accreditations.get(a.getRenewalOf());
      text.append("\n\n").append(renewedHistory(previous)).append(termRecord(previous, readsLines));
    }
    return text.toString();
  }

  /**
   * What the reviewers of a renewal read of the accreditation it renews: its term, its ratings, its
   * vetting and the decisions logged on it.
   */
  private String renewedHistory(Accreditation previous) {
    Map<UUID, Representative> people = representativesOf(previous);
    return "Renewal of the accreditation active from "
        + previous.getTermStart()
        + " to "
        + previous.getTermEnd()
        + "; its new term starts when that one ends.\nPast ratings: "
        + previous.getRatings().stream()
            .sorted(Comparator.comparing(Rating::getCriterion))
            .map(r -> criterionLabel(r.getCriterion()) + " " + r.getValue())
            .collect(Collectors.joining(", "))
        + "\nPast vetting: "
        + previous.getNominees().stream()
            .map(
                n ->
                    Optional.ofNullable(people.get(n.getRepresentativeId()))
                            .map(Representative::getFullName)
                            .orElse("?")
                        + " "
                        + n.getVetting())
            .sorted()
            .collect(Collectors.joining(", "))
        + "\nDecisions on it:\n"
        + decisionLog
            .findBySubjectTypeAndSubjectIdOrderByDecidedAt(
                AccreditationSubject.TYPE, previous.getId())
            .stream()
            .map(e -> e.getDecidedAt() + " " + e.getDecision() + " by " + e.getDecidedBy())
            .collect(Collectors.joining("\n"));
  }

  /**
   * How the renewed term went at its facilities, as the features that keep the record tell it
   * (visits, reports, incidents): each part's heading, and its lines where the reader reads them.
   */
  private String termRecord(Accreditation previous, Predicate<TermRecord.Part> readsLines) {
    if (previous.getTermStart() == null || previous.getTermEnd() == null) {
      return "";
    }
    TermRecord.Term term = new TermRecord.Term(previous.getTermStart(), previous.getTermEnd());
    StringBuilder text = new StringBuilder("\n\nHow the term went:");
    for (TermRecord record : termRecords) {
      TermRecord.Part part =
          record.of(previous.getOrganisationId(), previous.getFacilityIds(), term);
      text.append('\n').append(part.heading());
      if (readsLines.test(part)) {
        part.lines().forEach(line -> text.append("\n  ").append(line));
      }
    }
    return text.toString();
  }

  public String informationHistory(UUID id) {
    Accreditation a = accreditations.get(id);
    if (a.getInformationRequested() == null) {
      return "";
    }
    return "Requested: "
        + a.getInformationRequested()
        + "\nAnswer: "
        + (a.getInformationSupplied() == null ? "(none yet)" : a.getInformationSupplied());
  }

  public String recommendationSummary(UUID id) {
    Accreditation a = accreditations.get(id);
    String ratings =
        a.getRatings().stream()
            .sorted(Comparator.comparing(Rating::getCriterion))
            .map(
                r ->
                    criterionLabel(r.getCriterion())
                        + ": "
                        + r.getValue()
                        + " — "
                        + r.getEvidence())
            .collect(Collectors.joining("\n"));
    return "Recommendation: "
        + a.getRecommendation()
        + " (score "
        + a.getScore()
        + " of 35)\n"
        + a.getRecommendationRationale()
        + (Boolean.TRUE.equals(a.getCapacityFull())
            ? "\nLiaison capacity is full; networks active there: "
                + (a.getSuggestedNetworks() == null || a.getSuggestedNetworks().isEmpty()
                    ? "none"
                    : a.getSuggestedNetworks())
            : "")
        + "\n\n"
        + ratings;
  }

  public String reviewSummary(UUID id) {
    Accreditation a = accreditations.get(id);
    Map<UUID, Representative> people = representativesOf(a);
    String vetting =
        a.getNominees().stream()
            .map(
                n ->
                    people.get(n.getRepresentativeId()).getFullName()
                        + ": "
                        + n.getVetting()
                        + (n.getVettingReasons() == null ? "" : " — " + n.getVettingReasons()))
            .sorted()
            .collect(Collectors.joining("\n"));
    return "Security vetting:\n"
        + vetting
        + "\n\nStaff views:\n"
        + (a.getStaffConsultation() == null ? "" : a.getStaffConsultation());
  }

  public String decisionSummary(UUID id) {
    return decisionLog
        .findBySubjectTypeAndSubjectIdOrderByDecidedAt(AccreditationSubject.TYPE, id)
        .stream()
        .filter(e -> e.getTask().equals(Element.DECIDE_ACCREDITATION))
        .reduce((first, second) -> second)
        .map(e -> e.getDecision() + " by " + e.getDecidedBy() + ":\n" + e.getReasons())
        .orElse("");
  }

  public String clearedRepresentatives(UUID id) {
    Accreditation a = accreditations.get(id);
    Map<UUID, Representative> people = representativesOf(a);
    return ReviewAccreditation.clearedRepresentatives(a).stream()
        .map(people::get)
        .map(Representative::getFullName)
        .sorted()
        .collect(Collectors.joining(", "));
  }

  public String mouSummary(UUID id) {
    return mous.findByAccreditationId(id)
        .map(
            m ->
                "Version "
                    + m.getVersion()
                    + "\nMandate and expectations: "
                    + m.getMandateAndExpectations()
                    + "\nResponsibilities: "
                    + m.getResponsibilities()
                    + "\nWho: "
                    + clearedRepresentatives(id)
                    + "\nWhen: "
                    + m.getDays()
                    + ", "
                    + m.getHours()
                    + "\nHow: "
                    + m.getProcedures()
                    + "\nWhat: "
                    + m.getAllowedActivities()
                    + "\nWhere not: "
                    + m.getExcludedAreas()
                    + "\nConfidentiality: "
                    + m.getConfidentialityDays()
                    + " days"
                    + "\nTerm: "
                    + m.getTermMonths()
                    + " months"
                    + (m.getContinuityPlan() == null
                        ? ""
                        : "\nContinuity plan: " + m.getContinuityPlan())
                    + (m.isUniversalAccess() ? "\nServes prisoners of any religion or none" : "")
                    + (m.getConditions() == null
                        ? ""
                        : "\nConditions of approval: " + m.getConditions())
                    + "\nCountersigned by: "
                    + m.getCountersignedBy()
                    + " on "
                    + m.getCountersignedAt())
        .orElse("");
  }

  /** An amendment to the accreditation's MoU; another accreditation's is not found. */
  public MouAmendment amendment(UUID accreditationId, UUID amendmentId) {
    UUID mou = mous.findByAccreditationId(accreditationId).map(Mou::getId).orElse(null);
    return amendments
        .findById(amendmentId)
        .filter(a -> a.getMouId().equals(mou))
        .orElseThrow(() -> new NotFoundException("amendment " + amendmentId));
  }

  /** A clause's text in the MoU's current version, representatives by name. */
  public String currentClauseText(UUID accreditationId, MouClause clause) {
    return clause == MouClause.REPRESENTATIVES
        ? clearedRepresentatives(accreditationId)
        : mous.findByAccreditationId(accreditationId)
            .map(m -> clause.textOf(m.clauses()))
            .orElse("");
  }

  /**
   * The MoU as the NGO and staff read it while it is negotiated and after: the current version's
   * numbered clauses, every amendment with its answer, and every version kept; scoped like {@link
   * #view}.
   */
  public Optional<MouView> mouView(UUID id, Optional<UUID> organisationScope) {
    scoped(id, organisationScope);
    return mous.findByAccreditationId(id)
        .map(
            m ->
                new MouView(
                    id,
                    m.getVersion(),
                    m.getSignedAt() != null
                        ? "SIGNED"
                        : m.getCountersignedAt() != null
                            ? "COUNTERSIGNED"
                            : m.getAgreedVersion() != null ? "AGREED" : "IN_NEGOTIATION",
                    m.getAgreedVersion(),
                    m.getAgreedBy(),
                    m.getAgreedAt(),
                    Arrays.stream(MouClause.values())
                        .map(c -> clauseView(c, currentClauseText(id, c)))
                        .toList(),
                    amendments.findByMouIdOrderByProposedAt(m.getId()).stream()
                        .map(
                            a ->
                                new AmendmentView(
                                    a.getId(),
                                    a.getAgainstVersion(),
                                    a.getClause().number(),
                                    a.getClause().title(),
                                    a.getProposedText(),
                                    a.getReason(),
                                    a.getProposedBy(),
                                    a.getProposedAt(),
                                    a.getAnswer() == null ? null : a.getAnswer().name(),
                                    a.getAnswerText(),
                                    a.getAnswerReasons(),
                                    a.getAnsweredBy(),
                                    a.getAnsweredAt()))
                        .toList(),
                    versions.findByMouIdOrderByVersion(m.getId()).stream()
                        .map(
                            v ->
                                new VersionView(
                                    v.getVersion(),
                                    v.getChangedBy(),
                                    v.getChangedAt(),
                                    v.getChangeSummary(),
                                    Arrays.stream(MouClause.values())
                                        .map(c -> clauseView(c, v.getClauses().get(c)))
                                        .toList()))
                        .toList()));
  }

  private static ClauseView clauseView(MouClause clause, String text) {
    return new ClauseView(clause.number(), clause.name(), clause.title(), text, clause.amendable());
  }

  public String termSummary(UUID id) {
    Accreditation a = accreditations.get(id);
    return "Active from " + a.getTermStart() + " to " + a.getTermEnd();
  }

  static String criterionLabel(Criterion criterion) {
    return switch (criterion) {
      case KNOWLEDGE -> "Knowledge";
      case EXPERTISE -> "Expertise";
      case PERFORMANCE -> "Performance";
      case TRACK_RECORD -> "Track record";
      case COMMITMENT -> "Commitment";
      case FUNDS -> "Availability of funds";
      case REPUTATION -> "Reputation for humanitarian work";
    };
  }

  /** An accreditation as the API shows it; {@code review} only for staff. */
  public record AccreditationView(
      UUID id,
      String reference,
      UUID organisationId,
      String organisationName,
      AccreditationStatus status,
      String awaiting,
      String informationRequested,
      String mandateType,
      String programmeType,
      Instant submittedAt,
      LocalDate termStart,
      LocalDate termEnd,
      Integer mouVersion,
      Outcome outcome,
      Review review,
      UUID renewalOf,
      LocalDate renewalDueBy) {}

  /**
   * An MoU as it is negotiated: {@code status} is IN_NEGOTIATION, AGREED, COUNTERSIGNED or SIGNED.
   */
  public record MouView(
      UUID accreditationId,
      int version,
      String status,
      Integer agreedVersion,
      String agreedBy,
      Instant agreedAt,
      List<ClauseView> clauses,
      List<AmendmentView> amendments,
      List<VersionView> versions) {}

  /** One numbered clause; {@code amendable} when the NGO may propose another text for it. */
  public record ClauseView(
      int number, String clause, String title, String text, boolean amendable) {}

  /** The NGO's proposal for a clause and the liaison officer's answer (null while open). */
  public record AmendmentView(
      UUID id,
      int againstVersion,
      int clauseNumber,
      String clauseTitle,
      String proposedText,
      String reason,
      String proposedBy,
      Instant proposedAt,
      String answer,
      String counterProposal,
      String answerReasons,
      String answeredBy,
      Instant answeredAt) {}

  /** A version kept: who made it, when, what changed, and its clauses. */
  public record VersionView(
      int version,
      String changedBy,
      Instant changedAt,
      String changeSummary,
      List<ClauseView> clauses) {}

  /** The decision that rejected or revoked the accreditation, with its reasons. */
  public record Outcome(String decision, String reasons, Instant decidedAt) {}

  /** The review, for staff only; {@code decisions} for the {@link #REVIEWERS} only. */
  public record Review(
      Integer score,
      String recommendation,
      String rationale,
      Boolean capacityFull,
      String suggestedNetworks,
      List<LoggedDecision> decisions) {}

  /** One entry of the decision log. */
  public record LoggedDecision(
      String task, String decision, String reasons, String decidedBy, Instant decidedAt) {}
}
