package org.invisiblebars.platform.process;

import java.util.Set;

/**
 * A process whose history keeps only the listed variables (its ids, dates and flags). Everything
 * else a form shows or submits in that process stays out of the engine's history tables, which
 * staff with history access (managers, through Cockpit or the engine API) could otherwise read. A
 * feature declares one as a Spring bean per process.
 */
public abstract class HistoryRecordedVariables {

  private final String processKey;
  private final Set<String> recorded;

  protected HistoryRecordedVariables(String processKey, Set<String> recorded) {
    this.processKey = processKey;
    this.recorded = Set.copyOf(recorded);
  }

  public String processKey() {
    return processKey;
  }

  /** The variables history may keep; multi-instance counters are always kept. */
  public Set<String> recorded() {
    return recorded;
  }
}
