package org.invisiblebars.platform.database;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Whether the database can be reached, kept by a circuit breaker (Resilience4j). A connection that
 * cannot be had because the database refuses or does not answer opens it; while it is open nothing
 * waits for the database: requests answer 503 at once, the job executor and the scheduled scans
 * fail fast and try again later. After {@code invisible-bars.database.probe-interval} one trial
 * connection is let through; the first that succeeds closes the circuit, so the application
 * recovers by itself.
 */
@Component
public class DatabaseCircuit {

  private static final Logger LOG = LoggerFactory.getLogger(DatabaseCircuit.class);

  /** PostgreSQL: the server is shutting down, crashed, or not yet accepting connections. */
  private static final Set<String> SERVER_GONE = Set.of("57P01", "57P02", "57P03");

  private final CircuitBreaker breaker;
  private final Duration retryAfter;

  DatabaseCircuit(
      @Value("${invisible-bars.database.probe-interval:PT1S}") Duration probeInterval,
      @Value("${invisible-bars.database.retry-after:PT5S}") Duration retryAfter) {
    this.retryAfter = retryAfter;
    this.breaker =
        CircuitBreaker.of(
            "database",
            CircuitBreakerConfig.custom()
                // One unreachable connection is enough: the pool has already tried for its
                // connection timeout.
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(1)
                .minimumNumberOfCalls(1)
                .failureRateThreshold(100)
                .recordException(DatabaseCircuit::isUnreachable)
                .waitDurationInOpenState(probeInterval)
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .permittedNumberOfCallsInHalfOpenState(1)
                .build());
    breaker
        .getEventPublisher()
        .onStateTransition(
            event -> {
              switch (event.getStateTransition().getToState()) {
                case OPEN ->
                    LOG.warn(
                        "The database cannot be reached: requests answer 503 until it is back");
                case CLOSED -> LOG.warn("The database is reachable again");
                default -> LOG.debug("Database circuit: {}", event.getStateTransition());
              }
            });
  }

  /** Open: the database is known to be unreachable and no trial is due yet. */
  public boolean isOpen() {
    return breaker.getState() == CircuitBreaker.State.OPEN;
  }

  public Duration retryAfter() {
    return retryAfter;
  }

  /** Whether a connection may be asked for now; false while open. */
  boolean tryAcquirePermission() {
    return breaker.tryAcquirePermission();
  }

  void onSuccess(long startNanos) {
    breaker.onSuccess(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
  }

  /**
   * Opens the circuit if {@code failure} says the database is unreachable; other failures count as
   * an answer.
   */
  void onError(long startNanos, Throwable failure) {
    breaker.onError(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS, failure);
  }

  /**
   * A statement failed because its connection broke under it (the pool only sees connections being
   * taken).
   */
  void reportUnreachable(Throwable failure) {
    if (breaker.getState() == CircuitBreaker.State.CLOSED) {
      breaker.onError(0, TimeUnit.NANOSECONDS, failure);
    }
  }

  /** The exception that a refused connection raises while the circuit is open. */
  static SQLTransientConnectionException unavailable() {
    return new SQLTransientConnectionException(
        "The database cannot be reached (circuit open); not trying again yet", "08001");
  }

  /**
   * Whether {@code failure}, or anything it wraps, says that the database cannot be reached: a
   * connection refused or broken (SQLState class 08), the pool's timeout with a connection failure
   * as its cause, the server shutting down. A pool that is merely busy (a timeout without cause), a
   * constraint or a syntax error are answers from a reachable database.
   */
  public static boolean isUnreachable(Throwable failure) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
      if (cause instanceof ConnectException
          || cause instanceof SQLNonTransientConnectionException) {
        return true;
      }
      if (cause instanceof SQLException sql) {
        String state = sql.getSQLState();
        boolean busyPool =
            sql instanceof SQLTransientConnectionException
                && sql.getCause() == null
                && state == null;
        if (!busyPool
            && (sql instanceof SQLTransientConnectionException
                || (state != null && (state.startsWith("08") || SERVER_GONE.contains(state))))) {
          return true;
        }
        if (sql.getNextException() != null && isUnreachable(sql.getNextException())) {
          return true;
        }
      }
    }
    return false;
  }
}
