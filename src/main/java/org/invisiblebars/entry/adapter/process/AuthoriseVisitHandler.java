package org.invisiblebars.entry.adapter.process;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.invisiblebars.entry.domain.RiskAssessment;
import org.invisiblebars.entry.domain.SearchLevel;
import org.invisiblebars.entry.usecase.EntryProcess;
import org.invisiblebars.entry.usecase.EntryProcess.Element;
import org.invisiblebars.entry.usecase.EntryProcess.Variable;
import org.invisiblebars.entry.usecase.ReviewVisit;
import org.invisiblebars.entry.usecase.VisitQueries;
import org.invisiblebars.platform.process.Confidential;
import org.invisiblebars.platform.task.Completion;
import org.invisiblebars.platform.task.Prefilled;
import org.invisiblebars.platform.task.TaskCase;
import org.invisiblebars.platform.task.UserTaskHandlerFor;
import org.invisiblebars.platform.validation.RequiredWhen;

/**
 * Authorise visit: the director authorises the visit at a search level (the protocol's to start
 * with), with any conditions, or denies it with reasons. The domain refuses to deny a formal
 * monitor's visit or to search a formal monitor beyond the mandate, naming the field.
 */
@UserTaskHandlerFor(process = EntryProcess.KEY, task = Element.AUTHORISE_VISIT)
class AuthoriseVisitHandler
    extends VisitTaskHandler<AuthoriseVisitHandler.Form, AuthoriseVisitHandler.Display> {

  enum Authorisation {
    AUTHORISE,
    DENY
  }

  @RequiredWhen(
      field = "authorisedSearchLevel",
      when = "authorisation",
      is = "AUTHORISE",
      message = "is required when the visit is authorised")
  @RequiredWhen(
      field = "denialReasons",
      when = "authorisation",
      is = "DENY",
      message = "is required when the visit is denied")
  record Form(
      @NotNull Authorisation authorisation,
      SearchLevel authorisedSearchLevel,
      @Size(max = 4000) String conditions,
      @Size(max = 4000) String denialReasons) {}

  record Display(
      String visitSummary,
      String assessmentSummary,
      @Prefilled SearchLevel authorisedSearchLevel) {}

  AuthoriseVisitHandler(ReviewVisit review, VisitQueries queries) {
    super(review, queries);
  }

  @Override
  public Display display(TaskCase task) {
    RiskAssessment assessment = queries.assessment(task.id());
    return new Display(
        VisitTaskTexts.visitSummary(queries.forTask(task.id())),
        VisitTaskTexts.assessmentSummary(assessment),
        assessment.getSearchLevel());
  }

  @Override
  public Confidential readersOf(String field) {
    return riskReaders(field);
  }

  @Override
  public Completion complete(TaskCase task, Form form) {
    if (form.authorisation() == Authorisation.DENY) {
      String reasons = VisitTasks.text(form.denialReasons());
      review.deny(task.id(), reasons);
      return Completion.logged("DENIED", reasons).with(Variable.VISIT_AUTHORISED, false);
    }
    String conditions = VisitTasks.text(form.conditions());
    review.authorise(task.id(), form.authorisedSearchLevel(), conditions);
    return Completion.logged("AUTHORISED_" + form.authorisedSearchLevel(), conditions)
        .with(Variable.VISIT_AUTHORISED, true);
  }
}
