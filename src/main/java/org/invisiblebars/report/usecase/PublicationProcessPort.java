package org.invisiblebars.report.usecase;

import java.util.UUID;

/** What publication needs from the process engine; the adapter correlates by business key. */
public interface PublicationProcessPort {

  /** The organisation asked to publish: redaction starts. */
  /** Starts the publication, keyed by the report's reference so Tasklist names the report. */
  void start(UUID reportId, String reportReference);

  /** The organisation consented to the preview: the report goes on the register. */
  void consented(UUID reportId);

  /** The organisation asked for changes: back to redaction. */
  void changesRequested(UUID reportId);
}
