package org.invisiblebars.platform.session;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * Spring Boot configures the sessions from {@code spring-session-jdbc} on the class path; the
 * tables come from Flyway ({@code V8__spring_session.sql}). On PostgreSQL an attribute is written
 * with an upsert, so that two requests of one session adding the same attribute at once (the web
 * applications load several resources in parallel) do not fail on its primary key. The web
 * applications' sign-ins are written only when they changed ({@link UnchangedWebappSignIns}).
 */
@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

  /**
   * Inside Spring Session's filter, before Camunda's own (which the web application starter adds
   * after every filter of the application).
   */
  @Bean
  FilterRegistrationBean<UnchangedWebappSignIns> unchangedWebappSignIns() {
    var registration = new FilterRegistrationBean<>(new UnchangedWebappSignIns());
    registration.addUrlPatterns("/camunda/api/*", "/camunda/app/*");
    registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER + 1);
    return registration;
  }

  @Bean
  @Profile("postgres")
  PostgreSqlJdbcIndexedSessionRepositoryCustomizer upsertSessionAttributes() {
    return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
  }
}
