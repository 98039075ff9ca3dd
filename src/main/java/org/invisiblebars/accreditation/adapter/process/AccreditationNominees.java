package org.invisiblebars.accreditation.adapter.process;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.invisiblebars.accreditation.domain.Nominee;
import org.invisiblebars.accreditation.usecase.AccreditationProcess;
import org.invisiblebars.accreditation.usecase.AccreditationQueries;
import org.invisiblebars.platform.deployment.PublishedForModels;
import org.springframework.stereotype.Component;

/**
 * The multi-instance collection of Task_VetRepresentatives: one vetting task per named person.
 *
 * <p>Current models hand these ids to their multi-instance with {@link ListNomineesDelegate}: a
 * model may not call a bean's methods. This bean stays published because instances started on
 * earlier versions of the model still call it from their collection; remove it once none of them
 * runs.
 */
@Component(AccreditationProcess.Bean.NOMINEES)
@PublishedForModels
public class AccreditationNominees {

  private final AccreditationQueries queries;

  AccreditationNominees(AccreditationQueries queries) {
    this.queries = queries;
  }

  public List<String> idsOf(String accreditationId) {
    return queries.scoped(UUID.fromString(accreditationId), Optional.empty()).getNominees().stream()
        // people added later are vetted by representative-vetting, one process each
        .filter(nominee -> !nominee.isAddedLater())
        .map(Nominee::getRepresentativeId)
        .map(UUID::toString)
        .sorted()
        .toList();
  }
}
