package org.invisiblebars.report.usecase;

import java.time.Instant;
import java.util.UUID;

/** What the use cases need from the process engine; the adapter correlates by business key. */
public interface ReportProcessPort {

  void start(UUID reportId, boolean allegation, Instant reviewEndsAt);

  /** The NGO agreed to the extension: the end-of-period timer moves to {@code reviewEndsAt}. */
  void extensionAgreed(UUID reportId, Instant reviewEndsAt);

  void confidentialityWaived(UUID reportId);
}
