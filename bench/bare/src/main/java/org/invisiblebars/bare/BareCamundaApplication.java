package org.invisiblebars.bare;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Camunda 7.24 as its Spring Boot starters make it, nothing added: the baseline that {@code mvn
 * -Pbenchmark verify} measures the application against (docs/performance.md).
 */
@SpringBootApplication
public class BareCamundaApplication {

  public static void main(String[] args) {
    SpringApplication.run(BareCamundaApplication.class, args);
  }
}
