package org.invisiblebars.entry.adapter.process;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.invisiblebars.entry.usecase.EntryProcess;
import org.invisiblebars.entry.usecase.ReviewVisit;
import org.invisiblebars.platform.deployment.PublishedForModels;
import org.springframework.stereotype.Component;

/**
 * Task_DetermineSearchProtocol: sets {@code directorAuthorisationRequired}, and {@code
 * visitAuthorised} when the protocol's level needs nobody's signature.
 */
@Component(EntryProcess.Bean.DETERMINE_SEARCH_PROTOCOL)
@PublishedForModels
class DetermineSearchProtocolDelegate implements JavaDelegate {

  private final ReviewVisit review;

  DetermineSearchProtocolDelegate(ReviewVisit review) {
    this.review = review;
  }

  @Override
  public void execute(DelegateExecution execution) {
    UUID visitId = UUID.fromString((String) execution.getVariable(EntryProcess.Variable.VISIT_ID));
    boolean directorRequired = review.determineSearchProtocol(visitId);
    execution.setVariable(EntryProcess.Variable.DIRECTOR_AUTHORISATION_REQUIRED, directorRequired);
    execution.setVariable(EntryProcess.Variable.VISIT_AUTHORISED, !directorRequired);
  }
}
