package org.invisiblebars.support;

import java.util.Arrays;
import java.util.stream.Stream;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Ties the embedded PostgreSQL server to the integration tests' Spring context: the data source
 * depends on it, so at shutdown Spring closes the process engine and the data source first and
 * stops the server last.
 */
@TestConfiguration(proxyBeanMethods = false)
class EmbeddedPostgresLifecycle {

  static final String BEAN = "embeddedPostgresServer";

  @Bean(BEAN)
  DisposableBean embeddedPostgresServer() {
    return EmbeddedPostgresDatabase::contextClosed;
  }

  @Bean
  static BeanFactoryPostProcessor dataSourceDependsOnEmbeddedPostgres() {
    return beanFactory -> {
      BeanDefinition dataSource = beanFactory.getBeanDefinition("dataSource");
      String[] dependsOn =
          dataSource.getDependsOn() == null ? new String[0] : dataSource.getDependsOn();
      dataSource.setDependsOn(
          Stream.concat(Arrays.stream(dependsOn), Stream.of(BEAN)).toArray(String[]::new));
    };
  }
}
