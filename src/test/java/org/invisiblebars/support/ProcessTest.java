package org.invisiblebars.support;

import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Base of every process test: the in-memory engine of {@code process-test.camunda.cfg.xml} (no
 * Spring), with flow-node coverage recorded per process under {@code
 * target/process-test-coverage/}. Subclasses deploy their model with {@code @Deployment}, register
 * delegate mocks with {@link Mocks}, and drive the process with camunda-bpm-assert.
 */
public abstract class ProcessTest {

  static final String CONFIGURATION = "process-test.camunda.cfg.xml";

  /** Coverage a process test class must reach over the flow nodes of its process. */
  public static final double MINIMUM_CLASS_COVERAGE = 0.9;

  @RegisterExtension
  protected static final ProcessEngineCoverageExtension ENGINE =
      ProcessEngineCoverageExtension.builder(CONFIGURATION)
          .assertClassCoverageAtLeast(MINIMUM_CLASS_COVERAGE)
          .build();

  @AfterEach
  void resetMocks() {
    Mocks.reset();
  }
}
