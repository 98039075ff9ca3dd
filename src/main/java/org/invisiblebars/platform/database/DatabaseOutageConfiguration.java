package org.invisiblebars.platform.database;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.thymeleaf.ITemplateEngine;

/** Puts the {@link DatabaseCircuit} in front of the connection pool and of every request. */
@Configuration(proxyBeanMethods = false)
class DatabaseOutageConfiguration {

  /**
   * The application's data source, taken through the circuit; other data sources are left alone.
   */
  @Bean
  static BeanPostProcessor circuitBreakingDataSource(
      ObjectProvider<DatabaseCircuit> circuit, Environment environment) {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String name) {
        if ("dataSource".equals(name)
            && bean instanceof DataSource pool
            && !(bean instanceof CircuitBreakingDataSource)) {
          Duration poolWait =
              environment.getProperty(
                  "invisible-bars.database.pool-wait", Duration.class, Duration.ofSeconds(30));
          return new CircuitBreakingDataSource(pool, circuit.getObject(), poolWait);
        }
        return bean;
      }
    };
  }

  /**
   * First of all filters: before the session (read from the database), the sign-in and the web
   * applications.
   */
  @Bean
  FilterRegistrationBean<DatabaseUnavailableFilter> databaseUnavailableFilter(
      DatabaseCircuit circuit,
      DataSource dataSource,
      ObjectMapper json,
      ITemplateEngine templates) {
    var registration =
        new FilterRegistrationBean<>(
            new DatabaseUnavailableFilter(circuit, dataSource, json, templates));
    registration.addUrlPatterns("/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }
}
