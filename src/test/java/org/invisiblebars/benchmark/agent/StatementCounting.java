package org.invisiblebars.benchmark.agent;

import jakarta.servlet.Filter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * Counts the SQL statements of every HTTP request ({@link StatementCounter}): in each application
 * the benchmark starts (through {@link BenchAgent}). The integration tests count with {@code
 * support/SqlPerRequest}, which records the statements themselves, per marked request. No
 * {@code @Configuration}: it is imported by name, never found by a component scan.
 */
public class StatementCounting {

  @Bean
  static StatementCounter statementCounter() {
    return new StatementCounter();
  }

  /** Before every other filter: the sign-in and the session read the database too. */
  @Bean
  FilterRegistrationBean<Filter> statementCountingRequests(StatementCounter counter) {
    var registration = new FilterRegistrationBean<>(counter.requestMarker());
    registration.addUrlPatterns("/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }
}
