package org.invisiblebars;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Invisible Bars: NGO accreditation, entry authorisation and confidential report review on Camunda
 * 7.
 */
@SpringBootApplication
public class InvisibleBarsApplication {

  public static void main(String[] args) {
    SpringApplication.run(InvisibleBarsApplication.class, args);
  }
}
