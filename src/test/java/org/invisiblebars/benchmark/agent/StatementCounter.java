package org.invisiblebars.benchmark.agent;

import jakarta.servlet.Filter;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts the SQL statements and commits an application runs while it serves HTTP requests, and
 * nothing it runs in the background (job executor, schedulers): a deterministic figure per request,
 * unlike the database's own statistics, which see every connection. The data source is wrapped with
 * datasource-proxy; a servlet filter marks the threads that serve a request.
 *
 * <p>Used by the benchmark's agent in both applications it starts, which have none of our test
 * configuration (the integration tests count with {@code support/SqlPerRequest}). A statement of a
 * JDBC batch counts once per row it sends.
 */
public final class StatementCounter implements BeanPostProcessor {

  /** What the requests served so far ran. */
  public record Counts(long statements, long commits) {

    public Counts minus(Counts before) {
      return new Counts(statements - before.statements, commits - before.commits);
    }
  }

  private final ThreadLocal<Boolean> serving = ThreadLocal.withInitial(() -> false);
  private final AtomicLong statements = new AtomicLong();
  private final AtomicLong commits = new AtomicLong();

  public Counts counts() {
    return new Counts(statements.get(), commits.get());
  }

  /** The application's data source, counted; other data sources are left alone. */
  @Override
  public Object postProcessAfterInitialization(Object bean, String name) {
    if ("dataSource".equals(name) && bean instanceof DataSource dataSource) {
      return ProxyDataSourceBuilder.create("counted", dataSource)
          .listener(new Listener())
          .afterMethod(
              method -> {
                if (serving.get()
                    && "commit".equals(method.getMethod().getName())
                    && method.getTarget() instanceof Connection) {
                  commits.incrementAndGet();
                }
              })
          .build();
    }
    return bean;
  }

  /**
   * Marks the thread as serving a request while the rest of the chain runs; first of all filters.
   */
  public Filter requestMarker() {
    return (request, response, chain) -> {
      serving.set(true);
      try {
        chain.doFilter(request, response);
      } finally {
        serving.set(false);
      }
    };
  }

  private final class Listener implements QueryExecutionListener {

    @Override
    public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
      // counted once it ran
    }

    @Override
    public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
      if (serving.get()) {
        statements.addAndGet(execution.isBatch() ? execution.getBatchSize() : queries.size());
      }
    }
  }
}
