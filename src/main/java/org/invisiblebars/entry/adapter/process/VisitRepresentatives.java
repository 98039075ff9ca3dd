package org.invisiblebars.entry.adapter.process;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.invisiblebars.entry.usecase.EntryProcess;
import org.invisiblebars.entry.usecase.ReviewVisit;
import org.invisiblebars.entry.usecase.VisitQueries;
import org.invisiblebars.platform.deployment.PublishedForModels;
import org.springframework.stereotype.Component;

/**
 * The multi-instance collections at the gate, read when the gate opens: every representative named
 * (one check-in each), and those never briefed (one briefing each; a person briefed once is never
 * asked again).
 *
 * <p>Current models hand these ids to their multi-instance with {@link ListVisitorsDelegate}: a
 * model may not call a bean's methods. This bean stays published because instances started on
 * earlier versions of the model still call it from their collection; remove it once none of them
 * runs.
 */
@Component(EntryProcess.Bean.REPRESENTATIVES)
@PublishedForModels
public class VisitRepresentatives {

  private final ReviewVisit review;
  private final VisitQueries queries;

  VisitRepresentatives(ReviewVisit review, VisitQueries queries) {
    this.review = review;
    this.queries = queries;
  }

  public List<String> all(String visitId) {
    return queries.scoped(UUID.fromString(visitId), Optional.empty()).representativeIds().stream()
        .map(UUID::toString)
        .toList();
  }

  public List<String> unbriefed(String visitId) {
    return review.unbriefed(UUID.fromString(visitId)).stream().map(UUID::toString).toList();
  }
}
