package org.invisiblebars.support;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.MethodExecutionContext;
import net.ttddyy.dsproxy.listener.MethodExecutionListener;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.PriorityOrdered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts the SQL statements and database transactions of one HTTP request, on the integration
 * tests' one context: so that a test can say "a task query costs this many statements" and fail
 * when a change adds some (an N+1 in a list, a second sign-in query), without timing anything.
 *
 * <p>The application's data source is wrapped (datasource-proxy) under the circuit breaker; a
 * request that carries the header {@value #HEADER} has everything its own thread runs against the
 * database recorded, from the first filter (before the session and the sign-in) to the last. Work
 * the request hands to other threads (the job executor's asynchronous continuations) is not
 * counted, nor is anything other requests or the scheduled scans do at the same time. A request
 * without the header costs the wrapper only its bookkeeping.
 */
@TestConfiguration(proxyBeanMethods = false)
public class SqlPerRequest {

  static final String HEADER = "X-Test-Sql-Count";

  private static final ThreadLocal<Recording> CURRENT = new ThreadLocal<>();
  private static final Map<String, CompletableFuture<Cost>> FINISHED = new ConcurrentHashMap<>();

  /** A new id for one request's {@value #HEADER} header. */
  public static String newId() {
    return UUID.randomUUID().toString();
  }

  /** The header that asks the server to count this request's SQL under {@code id}. */
  public static String header() {
    return HEADER;
  }

  /**
   * What the request sent with {@code id} cost, once its last filter has finished (a client may
   * have its answer a moment before that).
   */
  public static Cost of(String id) {
    try {
      return FINISHED
          .computeIfAbsent(id, key -> new CompletableFuture<>())
          .get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(
          "no request counted under " + id + " (was the header sent?)", e);
    } finally {
      FINISHED.remove(id);
    }
  }

  /**
   * One request's database work. {@code transactions} counts what PostgreSQL counts as one: each
   * commit or rollback of a connection that ran a statement since its last one, and each statement
   * run in auto-commit mode.
   */
  public record Cost(List<String> statements, int connections, int transactions) {

    public int count() {
      return statements.size();
    }

    /** The statements that contain {@code fragment} (case-insensitive), e.g. a table name. */
    public List<String> matching(String fragment) {
      return statements.stream()
          .filter(s -> s.toLowerCase().contains(fragment.toLowerCase()))
          .toList();
    }

    /**
     * The statements that read or write Camunda's users, groups, memberships or tenants: signing
     * in.
     */
    public List<String> ofTheIdentityStore() {
      return statements.stream()
          .filter(
              s ->
                  s.matches(
                      "(?i).*\\bACT_ID_(USER|GROUP|MEMBERSHIP|TENANT|TENANT_MEMBER|INFO)\\b.*"))
          .toList();
    }

    @Override
    public String toString() {
      return statements.size()
          + " statements, "
          + transactions
          + " transactions, "
          + connections
          + " connections:\n  "
          + String.join("\n  ", statements);
    }
  }

  /**
   * Innermost wrapper of the pool, so the circuit breaker above it sees the pool's own failures.
   */
  @Bean
  static BeanPostProcessor countingDataSource() {
    return new CountingDataSource();
  }

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> sqlPerRequestFilter() {
    var registration =
        new FilterRegistrationBean<OncePerRequestFilter>(
            new OncePerRequestFilter() {
              @Override
              protected void doFilterInternal(
                  HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                  throws ServletException, IOException {
                String id = request.getHeader(HEADER);
                if (id == null) {
                  chain.doFilter(request, response);
                  return;
                }
                Recording recording = new Recording();
                CURRENT.set(recording);
                try {
                  chain.doFilter(request, response);
                } finally {
                  CURRENT.remove();
                  FINISHED
                      .computeIfAbsent(id, key -> new CompletableFuture<>())
                      .complete(recording.cost());
                }
              }
            });
    registration.addUrlPatterns("/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  private static final class CountingDataSource implements BeanPostProcessor, PriorityOrdered {

    @Override
    public Object postProcessAfterInitialization(Object bean, String name) {
      if (!"dataSource".equals(name) || !(bean instanceof DataSource pool)) {
        return bean;
      }
      return ProxyDataSourceBuilder.create(pool)
          .name("counted")
          .listener(new Statements())
          .methodListener(new Transactions())
          .build();
    }

    @Override
    public int getOrder() {
      return Ordered.HIGHEST_PRECEDENCE;
    }
  }

  private static final class Statements implements QueryExecutionListener {

    @Override
    public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
      Recording recording = CURRENT.get();
      if (recording == null) {
        return;
      }
      boolean autoCommit;
      try {
        autoCommit = execution.getStatement().getConnection().getAutoCommit();
      } catch (SQLException e) {
        autoCommit = false;
      }
      for (QueryInfo query : queries) {
        recording.statement(
            execution.getConnectionId(),
            query.getQuery().replaceAll("\\s+", " ").trim(),
            autoCommit);
      }
    }

    @Override
    public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {}
  }

  private static final class Transactions implements MethodExecutionListener {

    @Override
    public void beforeMethod(MethodExecutionContext context) {}

    @Override
    public void afterMethod(MethodExecutionContext context) {
      Recording recording = CURRENT.get();
      if (recording == null || context.getThrown() != null) {
        return;
      }
      String method = context.getMethod().getName();
      if (context.getTarget() instanceof DataSource && method.equals("getConnection")) {
        recording.connection();
      } else if (context.getConnectionInfo() != null
          && (method.equals("commit") || method.equals("rollback"))) {
        recording.ended(context.getConnectionInfo().getConnectionId());
      }
    }
  }

  private static final class Recording {

    private final List<String> statements = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> inTransaction = Collections.synchronizedSet(new HashSet<>());
    private int connections;
    private int transactions;

    synchronized void statement(String connection, String sql, boolean autoCommit) {
      statements.add(sql);
      if (autoCommit) {
        transactions++;
      } else {
        inTransaction.add(connection);
      }
    }

    synchronized void connection() {
      connections++;
    }

    synchronized void ended(String connection) {
      if (inTransaction.remove(connection)) {
        transactions++;
      }
    }

    synchronized Cost cost() {
      return new Cost(List.copyOf(statements), connections, transactions);
    }
  }
}
