package org.invisiblebars.entry.adapter.process;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.invisiblebars.entry.usecase.EntryProcess;
import org.invisiblebars.entry.usecase.EntryProcess.Element;
import org.invisiblebars.entry.usecase.EntryProcess.Variable;
import org.invisiblebars.entry.usecase.ReviewVisit;
import org.invisiblebars.entry.usecase.VisitQueries;
import org.invisiblebars.platform.task.Completion;
import org.invisiblebars.platform.task.TaskCase;
import org.invisiblebars.platform.task.UserTaskHandlerFor;

/**
 * Hold security briefing, one task per representative never briefed: security confirms the briefing
 * on emergency procedures was held; the representative is never asked again. The log records who
 * briefed whom, as it records each check-in.
 */
@UserTaskHandlerFor(process = EntryProcess.KEY, task = Element.HOLD_SECURITY_BRIEFING)
class HoldSecurityBriefingHandler
    extends VisitTaskHandler<
        HoldSecurityBriefingHandler.Form, HoldSecurityBriefingHandler.Display> {

  record Form(
      @NotNull @AssertTrue(message = "confirm that the briefing was held") Boolean briefingHeld,
      @Size(max = 2000) String briefingNotes) {}

  record Display(String visitSummary, String representativeName) {}

  HoldSecurityBriefingHandler(ReviewVisit review, VisitQueries queries) {
    super(review, queries);
  }

  @Override
  public Display display(TaskCase task) {
    return new Display(
        VisitTaskTexts.visitSummary(queries.forTask(task.id())),
        queries.representativeName(task.recordId(Variable.REPRESENTATIVE_ID)));
  }

  @Override
  public Completion complete(TaskCase task, Form form) {
    UUID person = task.recordId(Variable.REPRESENTATIVE_ID);
    review.brief(task.id(), person, VisitTasks.text(form.briefingNotes()), task.actor());
    return Completion.logged("BRIEFED", "representative " + person);
  }
}
