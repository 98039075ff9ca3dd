package org.invisiblebars.platform.session;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * Spring Boot configures the sessions from {@code spring-session-jdbc} on the class path; the
 * tables come from Flyway ({@code V8__spring_session.sql}). On PostgreSQL an attribute is written
 * with an upsert, so that two requests of one session adding the same attribute at once (the web
 * applications load several resources in parallel) do not fail on its primary key.
 */
@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

  @Bean
  @Profile("postgres")
  PostgreSqlJdbcIndexedSessionRepositoryCustomizer upsertSessionAttributes() {
    return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
  }
}
