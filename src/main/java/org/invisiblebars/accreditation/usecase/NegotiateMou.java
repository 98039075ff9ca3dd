package org.invisiblebars.accreditation.usecase;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.invisiblebars.accreditation.domain.Accreditation;
import org.invisiblebars.accreditation.domain.AccreditationStatus;
import org.invisiblebars.accreditation.domain.Mou;
import org.invisiblebars.accreditation.domain.MouAmendment;
import org.invisiblebars.accreditation.domain.MouAmendment.Answer;
import org.invisiblebars.accreditation.domain.MouAmendmentRepository;
import org.invisiblebars.accreditation.domain.MouClause;
import org.invisiblebars.accreditation.domain.MouClauses;
import org.invisiblebars.accreditation.domain.MouRepository;
import org.invisiblebars.accreditation.usecase.AccreditationProcess.Element;
import org.invisiblebars.platform.validation.ConflictException;
import org.invisiblebars.platform.validation.InputRules;
import org.invisiblebars.platform.validation.InvalidInputException;
import org.invisiblebars.platform.validation.InvalidInputException.FieldProblem;
import org.invisiblebars.platform.validation.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The MoU drafted together: the NGO reads a version and agrees to it or proposes amendments clause
 * by clause; the liaison officer answers each, which makes the next version. Only an agreed version
 * goes to countersignature.
 */
@Service
public class NegotiateMou {

  private final Accreditations accreditations;
  private final MouRepository mous;
  private final MouAmendmentRepository amendments;
  private final MouHistory history;
  private final AccreditationProcessPort process;
  private final AccreditationDecisions decisions;
  private final Clock clock;
  private final InputRules rules;

  NegotiateMou(
      Accreditations accreditations,
      MouRepository mous,
      MouAmendmentRepository amendments,
      MouHistory history,
      AccreditationProcessPort process,
      AccreditationDecisions decisions,
      Clock clock,
      InputRules rules) {
    this.accreditations = accreditations;
    this.mous = mous;
    this.amendments = amendments;
    this.history = history;
    this.process = process;
    this.decisions = decisions;
    this.clock = clock;
    this.rules = rules;
  }

  /** The NGO agrees to the text of the current version: it goes to countersignature. */
  @Transactional
  public void agree(UUID accreditationId, Agreement agreement, String actor) {
    rules.check(agreement, List.of());
    Mou mou = negotiated(accreditationId);
    mou.agree(agreement.version(), actor, clock.instant());
    decisions.record(
        accreditationId, Element.MOU_AGREED, "MOU_AGREED", "version " + mou.getVersion(), actor);
    process.mouAgreed(accreditationId);
  }

  /**
   * The NGO proposes amendments to the current version, each with its reason; the liaison officer
   * answers them.
   */
  @Transactional
  public List<MouAmendment> propose(UUID accreditationId, Proposal proposal, String actor) {
    List<FieldProblem> problems = new ArrayList<>();
    Set<MouClause> named = new HashSet<>();
    List<Amendment> listed = proposal.amendments() == null ? List.of() : proposal.amendments();
    for (int i = 0; i < listed.size(); i++) {
      Amendment amendment = listed.get(i);
      if (amendment == null || amendment.clause() == null) {
        continue;
      }
      String field = "amendments[" + i + "]";
      var clause = MouClause.numbered(amendment.clause());
      if (clause.isEmpty()) {
        problems.add(new FieldProblem(field + ".clause", "is not a clause of the MoU (1 to 13)"));
      } else if (!named.add(clause.get())) {
        problems.add(new FieldProblem(field + ".clause", "is amended twice"));
      } else if (amendment.text() != null) {
        clause
            .get()
            .problemWith(amendment.text())
            .ifPresent(
                p ->
                    problems.add(
                        new FieldProblem(
                            clause.get().amendable() ? field + ".text" : field + ".clause", p)));
      }
    }
    rules.check(proposal, problems);
    Mou mou = negotiated(accreditationId);
    if (proposal.version() != mou.getVersion()) {
      throw new ConflictException(
          "the MoU is at version " + mou.getVersion() + "; propose amendments to that version");
    }
    List<MouAmendment> made =
        listed.stream()
            .map(
                a ->
                    amendments.save(
                        new MouAmendment(
                            mou,
                            MouClause.numbered(a.clause()).orElseThrow(),
                            a.text().strip(),
                            a.reason().strip(),
                            actor,
                            clock.instant())))
            .toList();
    decisions.record(
        accreditationId,
        Element.MOU_AMENDMENTS_PROPOSED,
        "MOU_AMENDMENTS_PROPOSED",
        made.stream()
            .map(a -> "Clause " + a.getClause().number() + ": " + a.getReason())
            .collect(Collectors.joining("\n")),
        actor);
    process.mouAmendmentsProposed(accreditationId);
    return made;
  }

  /** Answer MoU amendment: the liaison officer accepts, rejects or counter-proposes. */
  @Transactional
  public MouAmendment answer(
      UUID accreditationId,
      UUID amendmentId,
      Answer answer,
      String counterProposal,
      String reasons,
      String actor) {
    accreditations.lock(accreditationId);
    MouAmendment amendment =
        amendments
            .findById(amendmentId)
            .filter(a -> a.getMouId().equals(mouOf(accreditationId).getId()))
            .orElseThrow(() -> new NotFoundException("amendment " + amendmentId));
    if (answer == Answer.COUNTER_PROPOSED) {
      amendment
          .getClause()
          .problemWith(counterProposal)
          .ifPresent(
              p -> {
                throw InvalidInputException.of("counterProposal", p);
              });
    }
    amendment.answer(answer, counterProposal, reasons, actor, clock.instant());
    return amendment;
  }

  /**
   * Revise MoU: every amendment to the current version is answered; the next version takes the
   * accepted texts and the counter-proposals, and the NGO reads it. Returns the new version.
   */
  @Transactional
  public int revise(UUID accreditationId) {
    accreditations.lock(accreditationId);
    Mou mou = mouOf(accreditationId);
    List<MouAmendment> round =
        amendments.findByMouIdAndAgainstVersion(mou.getId(), mou.getVersion());
    if (round.stream().anyMatch(a -> a.getAnswer() == null)) {
      throw new ConflictException("an amendment to version " + mou.getVersion() + " is unanswered");
    }
    MouClauses clauses = mou.clauses();
    List<String> summary = new ArrayList<>();
    Set<String> by = new TreeSet<>();
    for (MouAmendment a : round) {
      if (a.resultingText() != null) {
        clauses = a.getClause().apply(clauses, a.resultingText());
      }
      by.add(a.getAnsweredBy());
      summary.add(
          "Clause "
              + a.getClause().number()
              + " ("
              + a.getClause().title()
              + "): "
              + switch (a.getAnswer()) {
                case ACCEPTED -> "the organisation's text accepted";
                case REJECTED -> "kept as it was, because " + a.getAnswerReasons();
                case COUNTER_PROPOSED -> "counter-proposed, because " + a.getAnswerReasons();
              });
    }
    int from = mou.getVersion();
    mou.revise(clauses);
    history.record(
        mou,
        String.join(", ", by),
        "Answers to the amendments proposed to version "
            + from
            + ":\n"
            + String.join("\n", summary));
    return mou.getVersion();
  }

  /** The amendments to the current version still unanswered: one task each. */
  @Transactional(readOnly = true)
  public List<String> unanswered(UUID accreditationId) {
    Mou mou = mouOf(accreditationId);
    return amendments.findByMouIdAndAgainstVersion(mou.getId(), mou.getVersion()).stream()
        .filter(a -> a.getAnswer() == null)
        .map(a -> a.getId().toString())
        .sorted()
        .toList();
  }

  /** The MoU, locked with its accreditation, while it is negotiated and no amendment is open. */
  private Mou negotiated(UUID accreditationId) {
    Accreditation accreditation = accreditations.lock(accreditationId);
    if (accreditation.getStatus() != AccreditationStatus.MOU_IN_NEGOTIATION) {
      throw new ConflictException(
          "the MoU is not open for agreement or amendment (status "
              + accreditation.getStatus()
              + ")");
    }
    Mou mou = mouOf(accreditationId);
    // answered amendments to the current version: its revision is on its way
    if (!amendments.findByMouIdAndAgainstVersion(mou.getId(), mou.getVersion()).isEmpty()) {
      throw new ConflictException(
          "amendments to version "
              + mou.getVersion()
              + " are being answered; the next version comes with the answers");
    }
    return mou;
  }

  private Mou mouOf(UUID accreditationId) {
    return mous.findByAccreditationId(accreditationId)
        .orElseThrow(
            () -> new ConflictException("accreditation " + accreditationId + " has no MoU"));
  }

  /** The NGO agrees to {@code version} (the one it read). */
  public record Agreement(@NotNull Integer version) {}

  /** The NGO's amendments to {@code version}. */
  public record Proposal(
      @NotNull Integer version,
      @NotEmpty(message = "propose at least one amendment")
          @Size(max = 13, message = "amend each clause at most once")
          List<@NotNull @Valid Amendment> amendments) {}

  /** A clause (by its number), the text proposed for it and why. */
  public record Amendment(
      @NotNull Integer clause,
      @NotBlank @Size(max = 4000) String text,
      @NotBlank @Size(max = 4000) String reason) {}
}
