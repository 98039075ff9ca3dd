package org.invisiblebars.report.usecase;

import java.time.Instant;
import java.util.UUID;

/**
 * What the use cases need from the process engine. The business key is the report's reference; the
 * adapter correlates by the id variable, which instances started before references existed
 * (business key: the id) have too.
 */
public interface ReportProcessPort {

  void start(UUID reportId, String reference, boolean allegation, Instant reviewEndsAt);

  /** The NGO agreed to the extension: the end-of-period timer moves to {@code reviewEndsAt}. */
  void extensionAgreed(UUID reportId, Instant reviewEndsAt);

  void confidentialityWaived(UUID reportId);
}
