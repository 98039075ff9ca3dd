package org.invisiblebars.benchmark.agent;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationListener;

/**
 * The benchmark's control port inside an application it started, on the loopback interface only and
 * outside the application's own security (the benchmark reaches both applications the same way).
 * Plain JDK HTTP server: the applications' own web stacks differ (one has a security filter chain,
 * the other none), and this must be the same in both.
 *
 * <ul>
 *   <li>{@code GET /ready}: 200 once Spring reports the application ready to accept traffic, with
 *       the JVM's uptime then; 503 before;
 *   <li>{@code GET /counts}: the statements and commits run while serving HTTP requests so far;
 *   <li>{@code GET /heap}: the live heap after a full garbage collection, in bytes;
 *   <li>{@code POST /seed?key=K&count=N&batch=250}: starts N instances of K through the engine,
 *       {@code batch} to a command and transaction, so that every row (authorizations and history
 *       included) is what the engine writes in production;
 *   <li>{@code POST /analyze}: {@code ANALYZE} on the application's database, so that the planner
 *       knows the rows just seeded, as the database's own statistics collector (autovacuum on
 *       PostgreSQL) would in production, where the tables grow by the hour, not by 40,000 rows in a
 *       minute.
 * </ul>
 */
public final class BenchControl
    implements ApplicationListener<AvailabilityChangeEvent<ReadinessState>>, AutoCloseable {

  private final HttpServer server;
  private final ObjectProvider<ProcessEngine> engine;
  private volatile long readyAtUptimeMillis = -1;

  BenchControl(int port, ObjectProvider<ProcessEngine> engine, StatementCounter counter) {
    this.engine = engine;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(
        Executors.newFixedThreadPool(
            2,
            runnable -> {
              Thread thread = new Thread(runnable, "bench-control");
              thread.setDaemon(true);
              return thread;
            }));
    server.createContext(
        "/ready",
        exchange ->
            answer(
                exchange,
                readyAtUptimeMillis < 0 ? 503 : 200,
                "{\"uptimeMillis\":" + readyAtUptimeMillis + "}"));
    server.createContext(
        "/counts",
        exchange -> {
          StatementCounter.Counts counts = counter.counts();
          answer(
              exchange,
              200,
              "{\"statements\":" + counts.statements() + ",\"commits\":" + counts.commits() + "}");
        });
    server.createContext(
        "/heap", exchange -> answer(exchange, 200, "{\"liveHeapBytes\":" + liveHeap() + "}"));
    server.createContext("/seed", this::seed);
    server.createContext("/analyze", this::analyze);
    server.start();
  }

  @Override
  public void onApplicationEvent(AvailabilityChangeEvent<ReadinessState> event) {
    if (event.getState() == ReadinessState.ACCEPTING_TRAFFIC) {
      readyAtUptimeMillis = ManagementFactory.getRuntimeMXBean().getUptime();
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private static long liveHeap() {
    // Two collections: the first may leave objects that only become unreachable in it (finalizers).
    var memory = ManagementFactory.getMemoryMXBean();
    memory.gc();
    memory.gc();
    return memory.getHeapMemoryUsage().getUsed();
  }

  private void seed(HttpExchange exchange) throws IOException {
    Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
    String key = query.get("key");
    int count = Integer.parseInt(query.getOrDefault("count", "0"));
    int batch = Integer.parseInt(query.getOrDefault("batch", "250"));
    long start = System.nanoTime();
    // One command (and transaction) per batch: the starts inside it reuse its command context, so
    // the
    // engine flushes a batch's rows together (JDBC batches) instead of once per instance.
    CommandExecutor commands =
        ((ProcessEngineConfigurationImpl) engine.getObject().getProcessEngineConfiguration())
            .getCommandExecutorTxRequired();
    try {
      for (int done = 0; done < count; done += batch) {
        int first = done;
        int size = Math.min(batch, count - done);
        commands.execute(
            context -> {
              startBatch(key, first, size);
              return null;
            });
      }
    } catch (RuntimeException e) {
      answer(exchange, 500, "{\"error\":\"" + String.valueOf(e).replace("\"", "'") + "\"}");
      return;
    }
    answer(exchange, 200, "{\"seconds\":" + (System.nanoTime() - start) / 1e9 + "}");
  }

  private void analyze(HttpExchange exchange) throws IOException {
    long start = System.nanoTime();
    DataSource dataSource =
        ((ProcessEngineConfigurationImpl) engine.getObject().getProcessEngineConfiguration())
            .getDataSource();
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("ANALYZE");
    } catch (SQLException e) {
      answer(exchange, 500, "{\"error\":\"" + String.valueOf(e).replace("\"", "'") + "\"}");
      return;
    }
    answer(exchange, 200, "{\"seconds\":" + (System.nanoTime() - start) / 1e9 + "}");
  }

  private void startBatch(String key, int first, int size) {
    RuntimeService runtime = engine.getObject().getRuntimeService();
    for (int i = first; i < first + size; i++) {
      // the two variables the Tasklist filters show as columns, as the benchmark's HTTP clients
      // start them
      runtime.startProcessInstanceByKey(
          key,
          Variables.createVariables()
              .putValue("organisationName", "Seeded organisation " + i % 50)
              .putValue("facilityName", "Central Prison"));
    }
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> parameters = new HashMap<>();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        String[] nameValue = pair.split("=", 2);
        parameters.put(
            URLDecoder.decode(nameValue[0], StandardCharsets.UTF_8),
            nameValue.length > 1 ? URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8) : "");
      }
    }
    return parameters;
  }

  private static void answer(HttpExchange exchange, int status, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    try (var out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
