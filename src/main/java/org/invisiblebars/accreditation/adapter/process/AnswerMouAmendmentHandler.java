package org.invisiblebars.accreditation.adapter.process;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.invisiblebars.accreditation.domain.MouAmendment;
import org.invisiblebars.accreditation.domain.MouAmendment.Answer;
import org.invisiblebars.accreditation.usecase.AccreditationProcess;
import org.invisiblebars.accreditation.usecase.AccreditationProcess.Element;
import org.invisiblebars.accreditation.usecase.AccreditationProcess.Variable;
import org.invisiblebars.accreditation.usecase.AccreditationQueries;
import org.invisiblebars.accreditation.usecase.NegotiateMou;
import org.invisiblebars.accreditation.usecase.ReviewAccreditation;
import org.invisiblebars.platform.task.Completion;
import org.invisiblebars.platform.task.TaskCase;
import org.invisiblebars.platform.task.UserTaskHandlerFor;
import org.invisiblebars.platform.validation.RequiredWhen;

/**
 * Answer MoU amendment: the liaison officer answers one clause the NGO proposed to change, one task
 * per amendment (the multi-instance task's {@link Variable#AMENDMENT_ID}): accepted (the clause
 * takes the NGO's text), rejected or counter-proposed, the last two with reasons the NGO reads.
 */
@UserTaskHandlerFor(process = AccreditationProcess.KEY, task = Element.ANSWER_MOU_AMENDMENT)
class AnswerMouAmendmentHandler
    extends AccreditationTaskHandler<
        AnswerMouAmendmentHandler.Form, AnswerMouAmendmentHandler.Display> {

  @RequiredWhen(field = "counterProposal", when = "answer", is = "COUNTER_PROPOSED")
  @RequiredWhen(
      field = "answerReasons",
      when = "answer",
      is = {"REJECTED", "COUNTER_PROPOSED"})
  record Form(
      @NotNull Answer answer,
      @Size(max = 4000) String counterProposal,
      @Size(max = 4000) String answerReasons) {}

  /** The clause, its text in the version the NGO read, what the NGO proposes and why. */
  record Display(
      String applicationSummary,
      String clause,
      String currentText,
      String proposedText,
      String proposalReason) {}

  private final NegotiateMou negotiation;

  AnswerMouAmendmentHandler(
      ReviewAccreditation review, AccreditationQueries queries, NegotiateMou negotiation) {
    super(review, queries);
    this.negotiation = negotiation;
  }

  @Override
  public Display display(TaskCase task) {
    MouAmendment amendment = queries.amendment(task.id(), task.recordId(Variable.AMENDMENT_ID));
    return new Display(
        queries.applicationSummary(task.id()),
        amendment.getClause().number() + ". " + amendment.getClause().title(),
        queries.currentClauseText(task.id(), amendment.getClause()),
        amendment.getProposedText(),
        amendment.getReason());
  }

  @Override
  public Completion complete(TaskCase task, Form form) {
    UUID id = task.recordId(Variable.AMENDMENT_ID);
    MouAmendment amendment =
        negotiation.answer(
            task.id(),
            id,
            form.answer(),
            form.counterProposal(),
            form.answerReasons(),
            task.actor());
    return Completion.logged(
        form.answer().name() + " clause " + amendment.getClause().number(),
        form.answer() == Answer.COUNTER_PROPOSED
            ? form.counterProposal() + "\nBecause: " + form.answerReasons()
            : form.answerReasons());
  }
}
