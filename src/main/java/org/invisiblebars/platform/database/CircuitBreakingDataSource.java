package org.invisiblebars.platform.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The connection pool behind the {@link DatabaseCircuit}; every connection of the application (the
 * engine, JPA, Flyway, sessions, health) is taken through it.
 *
 * <p>Hand-written because the pool (Hikari) has one timeout for two different waits: for a busy
 * pool, which is worth waiting for (as long as {@code invisible-bars.database.pool-wait}, 30 s as
 * before), and for a database that is gone, which is not (the pool's own connection timeout, one
 * second, after which the circuit opens). Hikari tells them apart by the cause of its timeout: the
 * last failure to connect, or none.
 */
class CircuitBreakingDataSource extends DelegatingDataSource {

  @FunctionalInterface
  private interface ConnectionSupplier {
    Connection get() throws SQLException;
  }

  private final DatabaseCircuit circuit;
  private final Duration poolWait;

  CircuitBreakingDataSource(DataSource pool, DatabaseCircuit circuit, Duration poolWait) {
    super(pool);
    this.circuit = circuit;
    this.poolWait = poolWait;
  }

  @Override
  public Connection getConnection() throws SQLException {
    return guarded(() -> obtainTargetDataSource().getConnection());
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return guarded(() -> obtainTargetDataSource().getConnection(username, password));
  }

  private Connection guarded(ConnectionSupplier pool) throws SQLException {
    if (!circuit.tryAcquirePermission()) {
      throw DatabaseCircuit.unavailable();
    }
    long start = System.nanoTime();
    try {
      Connection connection = waitingWhileBusy(pool, start + poolWait.toNanos());
      circuit.onSuccess(start);
      return connection;
    } catch (SQLException | RuntimeException e) {
      circuit.onError(start, e);
      throw e;
    }
  }

  private static Connection waitingWhileBusy(ConnectionSupplier pool, long deadline)
      throws SQLException {
    while (true) {
      try {
        return pool.get();
      } catch (SQLTransientConnectionException e) {
        if (DatabaseCircuit.isUnreachable(e) || System.nanoTime() - deadline > 0) {
          throw e;
        }
      }
    }
  }
}
