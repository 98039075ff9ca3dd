package org.invisiblebars.report.adapter.process;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.invisiblebars.platform.deployment.PublishedForModels;
import org.invisiblebars.report.usecase.PublishReport;
import org.invisiblebars.report.usecase.ReportPublicationProcess;
import org.invisiblebars.report.usecase.ReportPublicationProcess.Variable;
import org.springframework.stereotype.Component;

/** Puts the version the organisation consented to on the public register. */
@Component(ReportPublicationProcess.Bean.PUBLISH_ON_REGISTER_DELEGATE)
@PublishedForModels
class PublishOnRegisterDelegate implements JavaDelegate {

  private final PublishReport publication;

  PublishOnRegisterDelegate(PublishReport publication) {
    this.publication = publication;
  }

  @Override
  public void execute(DelegateExecution execution) {
    publication.publishOnRegister(
        UUID.fromString((String) execution.getVariable(Variable.REPORT_ID)));
  }
}
