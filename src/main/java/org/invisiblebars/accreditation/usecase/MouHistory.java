package org.invisiblebars.accreditation.usecase;

import java.time.Clock;
import org.invisiblebars.accreditation.domain.Mou;
import org.invisiblebars.accreditation.domain.MouVersion;
import org.invisiblebars.accreditation.domain.MouVersionRepository;
import org.springframework.stereotype.Component;

/** Keeps every version of an MoU as it is shared with the NGO: who made it, when, what changed. */
@Component
class MouHistory {

  private final MouVersionRepository versions;
  private final AccreditationQueries queries;
  private final Clock clock;

  MouHistory(MouVersionRepository versions, AccreditationQueries queries, Clock clock) {
    this.versions = versions;
    this.queries = queries;
    this.clock = clock;
  }

  /** The current version of {@code mou}, made now by {@code by}. */
  void record(Mou mou, String by, String summary) {
    versions.save(
        new MouVersion(
            mou,
            queries.clearedRepresentatives(mou.getAccreditationId()),
            by == null ? "?" : by,
            clock.instant(),
            summary));
  }
}
