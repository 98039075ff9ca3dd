package org.invisiblebars.support;

import org.invisiblebars.modelchange.usecase.ModelChanges;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of every integration test: the whole application on a random port, on real PostgreSQL, with
 * the demo users. Subclasses add no configuration of their own, so they all share one Spring
 * context (and one process engine).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"postgres", "demo"})
@Import({EmbeddedPostgresLifecycle.class, SqlPerRequest.class})
// Tests turn metrics export off by default; the Prometheus endpoint is part of what is tested.
@AutoConfigureObservability
public abstract class IntegrationTest {

  @LocalServerPort protected int port;

  @Autowired protected TestRestTemplate rest;

  @Autowired private ModelChanges modelChanges;

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", EmbeddedPostgresDatabase::jdbcUrl);
    registry.add("spring.datasource.username", EmbeddedPostgresDatabase::username);
    registry.add("spring.datasource.password", EmbeddedPostgresDatabase::password);
  }

  /** E-mail goes to the test JVM's SMTP server, which tests read ({@link GreenMailServer}). */
  @DynamicPropertySource
  static void mail(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", GreenMailServer::host);
    registry.add("spring.mail.port", GreenMailServer::port);
  }

  /**
   * A test that deleted a process owner's deployment held for review leaves no review of it in the
   * directors' queue for the tests after it: what the application's sweep does within a minute.
   */
  @AfterEach
  void closeReviewsOfDeletedDeployments() {
    modelChanges.closeDeleted();
  }

  protected TestRestTemplate as(String userId) {
    return rest.withBasicAuth(userId, "demo");
  }

  protected String baseUrl() {
    return "http://localhost:" + port;
  }
}
