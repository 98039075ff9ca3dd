package org.invisiblebars.platform.process;

import java.util.Set;

/**
 * A process whose history keeps only the listed variables (its ids, dates and flags). Everything
 * else a form shows or submits in that process stays out of the engine's history tables, which
 * staff with history access (managers, through Cockpit or the engine API) could otherwise read.
 */
public interface HistoryRecordedVariables {

  String processKey();

  /** The variables history may keep; multi-instance counters are always kept. */
  Set<String> recorded();
}
