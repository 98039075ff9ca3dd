package org.invisiblebars.report.adapter.process;

import org.invisiblebars.platform.process.HiddenFromManagers;
import org.invisiblebars.report.usecase.ReportPublicationProcess;
import org.invisiblebars.report.usecase.ReportReviewProcess;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Managers may read every process instance and task (they watch SLAs in Cockpit), but not a
 * confidential report's: a task form of this process shows the report's content in task-local
 * variables. Security and process owners have no instance or task grant at all, and the tasks'
 * candidate groups (director, ngo-liaison) are the ones allowed to read.
 */
@Component
class ReportAuthorizations {

  private final HiddenFromManagers hidden;

  ReportAuthorizations(HiddenFromManagers hidden) {
    this.hidden = hidden;
  }

  /**
   * Cockpit and the engine REST API show managers no instance, task or variable of report-review
   * nor of report-publication (whose redaction task shows the report).
   */
  @EventListener(ApplicationReadyEvent.class)
  void hideDefinition() {
    hidden.hideDefinition(ReportReviewProcess.KEY);
    hidden.hideDefinition(ReportPublicationProcess.KEY);
  }

  void hideInstance(String processInstanceId) {
    hidden.hideInstance(processInstanceId);
  }

  void hideTask(String taskId) {
    hidden.hideTask(taskId);
  }
}
