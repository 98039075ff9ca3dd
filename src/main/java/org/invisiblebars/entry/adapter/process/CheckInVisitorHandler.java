package org.invisiblebars.entry.adapter.process;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.invisiblebars.entry.domain.EntryOutcome;
import org.invisiblebars.entry.domain.SearchLevel;
import org.invisiblebars.entry.usecase.EntryProcess;
import org.invisiblebars.entry.usecase.EntryProcess.Element;
import org.invisiblebars.entry.usecase.EntryProcess.Variable;
import org.invisiblebars.entry.usecase.ReviewVisit;
import org.invisiblebars.entry.usecase.VisitQueries;
import org.invisiblebars.entry.usecase.VisitQueries.TaskView;
import org.invisiblebars.platform.task.Completion;
import org.invisiblebars.platform.task.TaskCase;
import org.invisiblebars.platform.task.UserTaskHandlerFor;

/**
 * Check in visitor, one task per representative: security records the outcome at the gate, the
 * search applied and any items found. A formal monitor (NPM, ICRC) may acknowledge the search
 * notice at the gate: the form offers that only when {@code acknowledgeAtGate} is shown true. The
 * domain refuses an entry without the briefing or the acknowledgement, or a search beyond the
 * authorised.
 */
@UserTaskHandlerFor(process = EntryProcess.KEY, task = Element.CHECK_IN_VISITOR)
class CheckInVisitorHandler
    extends VisitTaskHandler<CheckInVisitorHandler.Form, CheckInVisitorHandler.Display> {

  record Form(
      boolean acknowledgedAtGate,
      @NotNull EntryOutcome entryOutcome,
      SearchLevel appliedSearchLevel,
      @Size(max = 2000) String itemsFound) {}

  record Display(
      String visitSummary,
      String representativeName,
      String gateSummary,
      String authorisationSummary,
      Boolean acknowledgeAtGate) {}

  CheckInVisitorHandler(ReviewVisit review, VisitQueries queries) {
    super(review, queries);
  }

  @Override
  public Display display(TaskCase task) {
    UUID person = task.recordId(Variable.REPRESENTATIVE_ID);
    TaskView visit = queries.forTask(task.id());
    return new Display(
        VisitTaskTexts.visitSummary(visit),
        queries.representativeName(person),
        VisitTaskTexts.gateSummary(visit, person),
        VisitTaskTexts.authorisationSummary(visit.visit()),
        visit.visit().acknowledgesAtGate());
  }

  @Override
  public Completion complete(TaskCase task, Form form) {
    UUID person = task.recordId(Variable.REPRESENTATIVE_ID);
    String items = VisitTasks.text(form.itemsFound());
    review.recordGate(
        task.id(),
        person,
        form.entryOutcome(),
        form.appliedSearchLevel(),
        items,
        form.acknowledgedAtGate(),
        task.actor());
    return Completion.logged(
        form.entryOutcome()
            + (form.appliedSearchLevel() == null ? "" : "_" + form.appliedSearchLevel()),
        "representative " + person + (items == null ? "" : "; items found: " + items));
  }
}
