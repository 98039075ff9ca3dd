package org.invisiblebars.platform.process;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.invisiblebars.platform.task.CaseLabel;

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
    this.recorded =
        Stream.concat(
                recorded.stream(),
                Stream.of(CaseLabel.REFERENCE, CaseLabel.ORGANISATION, CaseLabel.FACILITY))
            .collect(Collectors.toUnmodifiableSet());
  }

  public String processKey() {
    return processKey;
  }

  /**
   * The variables history may keep, with the case label every task carries (reference,
   * organisation, facility: plain names, shown to whoever may read the task); multi-instance
   * counters are always kept.
   */
  public Set<String> recorded() {
    return recorded;
  }
}
