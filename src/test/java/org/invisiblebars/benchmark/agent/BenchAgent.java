package org.invisiblebars.benchmark.agent;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/**
 * What the benchmark adds to each application it starts, the bare Camunda application and ours
 * alike, and never to the application's jar: the count of SQL statements per request ({@link
 * StatementCounting}) and a control port of its own ({@link BenchControl}) to seed volume through
 * the engine, read the live heap and tell when the application is ready.
 *
 * <p>The benchmark copies this package to {@code target/benchmark/agent}, puts it on the
 * application's class path with the Spring Boot launcher's {@code loader.path} and names this class
 * in {@code --spring.main.sources}. It is no {@code @Configuration}, so the application's component
 * scan never picks it up from the test classes.
 */
@Import(StatementCounting.class)
public class BenchAgent {

  /** The port of the control server. */
  public static final String PORT = "benchmark.agent.port";

  /**
   * Takes the engine only when it seeds: asking for it here would create it before the data
   * source's transaction manager.
   */
  @Bean(destroyMethod = "close")
  BenchControl benchControl(
      ObjectProvider<ProcessEngine> engine, Environment environment, StatementCounter counter) {
    return new BenchControl(environment.getRequiredProperty(PORT, Integer.class), engine, counter);
  }
}
