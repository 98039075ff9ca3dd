package org.invisiblebars.entry.adapter.process;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.invisiblebars.entry.usecase.IncidentReviewProcess;
import org.invisiblebars.entry.usecase.IncidentReviewProcess.Element;
import org.invisiblebars.entry.usecase.IncidentReviewProcess.Variable;
import org.invisiblebars.entry.usecase.VisitIncidents;
import org.invisiblebars.entry.usecase.VisitIncidents.IncidentView;
import org.invisiblebars.entry.usecase.VisitSubject;
import org.invisiblebars.platform.identity.Groups;
import org.invisiblebars.platform.process.Confidential;
import org.invisiblebars.platform.task.CaseProcess;
import org.invisiblebars.platform.task.Completion;
import org.invisiblebars.platform.task.TaskCase;
import org.invisiblebars.platform.task.UserTaskHandler;
import org.invisiblebars.platform.task.UserTaskHandlerFor;

/**
 * Decide contested incident: the director reads what security recorded and the organisation's
 * account, and upholds the incident (it counts in later risk assessments) or dismisses it, with
 * reasons the organisation reads.
 */
@UserTaskHandlerFor(process = IncidentReviewProcess.KEY, task = Element.DECIDE_CONTESTED_INCIDENT)
class DecideContestedIncidentHandler
    extends UserTaskHandler<
        DecideContestedIncidentHandler.Form, DecideContestedIncidentHandler.Display> {

  /**
   * The incident and the account are read by those who decide on and assess visits, not by
   * managers.
   */
  static final Confidential READERS =
      Confidential.readableBy(Groups.DIRECTOR, Groups.SECURITY, Groups.CAMUNDA_ADMIN);

  static final CaseProcess PROCESS =
      new CaseProcess(IncidentReviewProcess.KEY, VisitSubject.TYPE, Variable.VISIT_ID, READERS);

  /** The director's decision. */
  enum Decision {
    UPHELD,
    DISMISSED
  }

  record Form(
      @NotNull Decision incidentDecision, @NotBlank @Size(max = 4000) String decisionReasons) {}

  record Display(String incidentSummary, String contestAccount) {}

  private final VisitIncidents incidents;

  DecideContestedIncidentHandler(VisitIncidents incidents) {
    super(PROCESS);
    this.incidents = incidents;
  }

  @Override
  public Display display(TaskCase task) {
    IncidentView incident = incidents.forTask(task.id());
    return new Display(summary(incident), incident.contestAccount());
  }

  @Override
  public Completion complete(TaskCase task, Form form) {
    boolean upheld = form.incidentDecision() == Decision.UPHELD;
    String reasons = form.decisionReasons().strip();
    incidents.decide(task.id(), upheld, reasons, task.actor());
    return Completion.logged(form.incidentDecision().name(), reasons)
        .with(Variable.INCIDENT_UPHELD, upheld);
  }

  private static String summary(IncidentView incident) {
    return String.join(
        "\n",
        "Visit: " + incident.organisationName() + " at " + incident.facilityName(),
        "Window: " + incident.visitWindow(),
        "Against: " + incident.against(),
        "Recorded at check-out by "
            + incident.recordedByUser()
            + " ("
            + incident.recordedByRole()
            + ")",
        "",
        incident.description());
  }
}
