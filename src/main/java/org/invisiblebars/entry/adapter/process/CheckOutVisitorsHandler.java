package org.invisiblebars.entry.adapter.process;

import jakarta.validation.constraints.Size;
import org.invisiblebars.entry.usecase.EntryProcess;
import org.invisiblebars.entry.usecase.EntryProcess.Element;
import org.invisiblebars.entry.usecase.ReviewVisit;
import org.invisiblebars.entry.usecase.VisitIncidents;
import org.invisiblebars.entry.usecase.VisitQueries;
import org.invisiblebars.platform.task.Completion;
import org.invisiblebars.platform.task.TaskCase;
import org.invisiblebars.platform.task.UserTaskHandlerFor;
import org.invisiblebars.platform.validation.RequiredWhen;

/**
 * Check out visitors: security checks the visitors out and describes any incident, against one
 * visitor or the delegation. The incident is told to the organisation, which may contest it; it
 * counts in later risk assessments only once upheld ({@link VisitIncidents}).
 */
@UserTaskHandlerFor(process = EntryProcess.KEY, task = Element.CHECK_OUT_VISITORS)
class CheckOutVisitorsHandler
    extends VisitTaskHandler<CheckOutVisitorsHandler.Form, VisitTaskHandler.AfterEntry> {

  @RequiredWhen(
      field = "incidentDescription",
      when = "incidentOccurred",
      is = "true",
      message = "is required when an incident occurred")
  record Form(
      boolean incidentOccurred,
      @Size(max = 200) String incidentAgainst,
      @Size(max = 4000) String incidentDescription) {}

  private final VisitIncidents incidents;

  CheckOutVisitorsHandler(ReviewVisit review, VisitQueries queries, VisitIncidents incidents) {
    super(review, queries);
    this.incidents = incidents;
  }

  @Override
  public AfterEntry display(TaskCase task) {
    return afterEntry(task);
  }

  @Override
  public Completion complete(TaskCase task, Form form) {
    String incident = form.incidentOccurred() ? VisitTasks.text(form.incidentDescription()) : null;
    review.checkOut(task.id(), incident, task.actor());
    if (incident != null) {
      incidents.record(task.id(), form.incidentAgainst(), incident, task.actor());
    }
    return Completion.logged(incident == null ? "CHECKED_OUT" : "INCIDENT", incident);
  }
}
