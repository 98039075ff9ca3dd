package org.invisiblebars.entry.usecase;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.invisiblebars.entry.domain.Visit;
import org.invisiblebars.entry.domain.Visit.Canceller;
import org.invisiblebars.entry.domain.VisitRepository;
import org.invisiblebars.entry.domain.VisitStatus;
import org.invisiblebars.platform.validation.ConflictException;
import org.invisiblebars.platform.validation.InputRules;
import org.invisiblebars.platform.validation.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What happens to a visit outside the staff's tasks: acknowledgements, cancellation, revocation.
 */
@Service
@Transactional
public class VisitLifecycle {

  private final VisitRepository visits;
  private final VisitProcessPort process;
  private final VisitSubject log;
  private final Clock clock;
  private final InputRules rules;

  VisitLifecycle(
      VisitRepository visits,
      VisitProcessPort process,
      VisitSubject log,
      Clock clock,
      InputRules rules) {
    this.rules = rules;
    this.visits = visits;
    this.process = process;
    this.log = log;
    this.clock = clock;
  }

  /** A representative acknowledges the search notice; without it they do not enter. */
  public void acknowledge(UUID visitId, UUID representativeId, String actor) {
    Visit visit = visit(visitId);
    if (!visit.representativeIds().contains(representativeId)) {
      throw new NotFoundException("representative " + representativeId + " in visit " + visitId);
    }
    if (visit.getStatus() != VisitStatus.SCHEDULED) {
      throw new ConflictException(
          "the search notice can be acknowledged while the visit is SCHEDULED (it is "
              + visit.getStatus()
              + ")");
    }
    if (!visit.representative(representativeId).isAcknowledged()) {
      visit.acknowledgeNotice(representativeId, actor, clock.instant());
      log.record(
          visitId, "SearchNotice", "ACKNOWLEDGED", "representative " + representativeId, actor);
    }
  }

  /**
   * The organisation, or for an NGO visit the liaison officer or the director, cancels a visit that
   * has not reached the gate; a formal monitor's visit only the monitor cancels ({@link
   * Visit#cancel}).
   */
  public void cancel(UUID visitId, String reasons, String actor, Canceller canceller) {
    rules.check(new Cancellation(reasons), List.of());
    Visit visit = visit(visitId);
    if (!visit.getStatus().isPending()) {
      throw new ConflictException("a visit that is " + visit.getStatus() + " cannot be cancelled");
    }
    cancel(visit, reasons.trim(), actor, canceller);
  }

  /** The organisation's accreditation was revoked: every visit not yet at the gate is cancelled. */
  public int cancelPendingOf(UUID organisationId, String reasons, String actor) {
    var pending =
        visits.findForUpdateByOrganisationIdAndStatusInOrderById(
            organisationId,
            Arrays.stream(VisitStatus.values()).filter(VisitStatus::isPending).toList());
    pending.forEach(visit -> cancel(visit, reasons, actor, Canceller.REVOCATION));
    return pending.size();
  }

  private void cancel(Visit visit, String reasons, String actor, Canceller canceller) {
    visit.cancel(reasons, actor, canceller);
    log.record(visit.getId(), EntryProcess.Message.VISIT_CANCELLED_ID, "CANCELLED", reasons, actor);
    process.cancelled(visit.getId());
  }

  /**
   * The cancellation message reached the visit's process: it must have come from {@link #cancel}
   * (or a revocation), which checked who cancels. A message correlated through the engine's API for
   * a visit nobody cancelled here is refused, and the visit goes on.
   */
  public void confirmCancelled(UUID visitId) {
    Visit visit = visit(visitId);
    if (visit.getStatus() != VisitStatus.CANCELLED) {
      throw new ConflictException(
          "visit "
              + visitId
              + " was not cancelled: a visit is cancelled through POST /api/v1/visits/"
              + visitId
              + "/cancellation, where only the NPM or ICRC itself cancels a formal monitor's visit");
    }
  }

  /**
   * The visit, locked: a second acknowledgement or cancellation at the same moment sees what the
   * first did.
   */
  private Visit visit(UUID visitId) {
    return visits
        .findForUpdateById(visitId)
        .orElseThrow(() -> new NotFoundException("visit " + visitId));
  }

  /** Why a visit is cancelled. */
  record Cancellation(@NotBlank @Size(max = 4000) String reasons) {}
}
