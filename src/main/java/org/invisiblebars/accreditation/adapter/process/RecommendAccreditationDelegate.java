package org.invisiblebars.accreditation.adapter.process;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.invisiblebars.accreditation.usecase.AccreditationProcess;
import org.invisiblebars.accreditation.usecase.RecommendAccreditation;
import org.invisiblebars.platform.deployment.PublishedForModels;
import org.springframework.stereotype.Component;

/** Scores the application and checks capacity; the recommendation is kept as a flag. */
@Component(AccreditationProcess.Bean.RECOMMEND_DELEGATE)
@PublishedForModels
class RecommendAccreditationDelegate implements JavaDelegate {

  private final RecommendAccreditation recommendAccreditation;

  RecommendAccreditationDelegate(RecommendAccreditation recommendAccreditation) {
    this.recommendAccreditation = recommendAccreditation;
  }

  @Override
  public void execute(DelegateExecution execution) {
    UUID id =
        UUID.fromString(
            (String) execution.getVariable(AccreditationProcess.Variable.ACCREDITATION_ID));
    execution.setVariable(
        AccreditationProcess.Variable.RECOMMENDATION, recommendAccreditation.recommend(id).name());
  }
}
