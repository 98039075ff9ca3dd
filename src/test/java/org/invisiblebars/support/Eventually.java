package org.invisiblebars.support;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

/**
 * Waiting in the integration tests for what the job executor or another thread does: Awaitility,
 * asked at once and then every 100 ms, failing with {@code what} once {@code atMost} has passed.
 */
public final class Eventually {

  private static final Duration POLL = Duration.ofMillis(100);

  private Eventually() {}

  public static ConditionFactory within(Duration atMost, String what) {
    return Awaitility.await(what).atMost(atMost).pollDelay(Duration.ZERO).pollInterval(POLL);
  }
}
