package org.invisiblebars.report.adapter.process;

import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.invisiblebars.platform.process.HeldDeployments;
import org.invisiblebars.report.usecase.ReportProcessPort;
import org.invisiblebars.report.usecase.ReportReviewProcess;
import org.invisiblebars.report.usecase.ReportReviewProcess.Variable;
import org.springframework.stereotype.Component;

/**
 * Starts report-review (business key: the report's reference) and correlates its messages by the
 * report id variable, which every instance has, also those started when the business key was the
 * id.
 */
@Component
class CamundaReportProcess implements ReportProcessPort {

  private final RuntimeService runtimeService;
  private final HeldDeployments held;
  private final ReportAuthorizations authorizations;

  CamundaReportProcess(
      RuntimeService runtimeService, HeldDeployments held, ReportAuthorizations authorizations) {
    this.runtimeService = runtimeService;
    this.held = held;
    this.authorizations = authorizations;
  }

  @Override
  public void start(UUID reportId, String reference, boolean allegation, Instant reviewEndsAt) {
    var instance =
        runtimeService.startProcessInstanceById(
            held.liveProcessId(ReportReviewProcess.KEY),
            reference,
            Variables.createVariables()
                .putValue(Variable.REPORT_ID, reportId.toString())
                .putValue(Variable.REPORT_REFERENCE, reference)
                .putValue(Variable.ALLEGATION, allegation)
                .putValue(Variable.REVIEW_ENDS_AT, Date.from(reviewEndsAt)));
    authorizations.hideInstance(instance.getId());
  }

  @Override
  public void extensionAgreed(UUID reportId, Instant reviewEndsAt) {
    // The variable is set before the gateway is re-entered, so the new timer uses the new date.
    runtimeService
        .createMessageCorrelation(ReportReviewProcess.Message.EXTENSION_AGREED)
        .processInstanceVariableEquals(Variable.REPORT_ID, reportId.toString())
        .setVariable(Variable.REVIEW_ENDS_AT, Date.from(reviewEndsAt))
        .correlate();
  }

  /**
   * A waiver given through the API is correlated at once. One given with the plan of action in
   * Tasklist does not come here: the task's flag routes its own instance to a terminate end event.
   */
  @Override
  public void confidentialityWaived(UUID reportId) {
    correlateWaiver(reportId);
  }

  private void correlateWaiver(UUID reportId) {
    runtimeService
        .createMessageCorrelation(ReportReviewProcess.Message.CONFIDENTIALITY_WAIVED)
        .processInstanceVariableEquals(Variable.REPORT_ID, reportId.toString())
        .correlate();
  }
}
