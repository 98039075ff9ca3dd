package org.invisiblebars.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.repository.Deployment;
import org.invisiblebars.benchmark.agent.StatementCounter;
import org.invisiblebars.benchmark.agent.StatementCounter.Counts;
import org.invisiblebars.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A regression guard, not a timing: the SQL statements a human step of the benchmark's three-task
 * process runs on ours (the task query by instance, the claim, the completion, each over HTTP as a
 * director with HTTP Basic), counted while the requests are served. The bound is the count
 * docs/performance.md gives ("SQL per request"); a change that adds statements to every request
 * fails here, one that removes some lowers the bound with it.
 */
class StatementsPerStepIT extends IntegrationTest {

  /**
   * Statements of one human step, the mean of the process's three (the last completion also ends
   * the instance), as measured on 2026-11-30: query 6, claim 18, completion 30 (45 for the last).
   */
  static final long STATEMENTS_PER_STEP = 59;

  @Autowired StatementCounter counter;
  @Autowired RepositoryService repositoryService;
  @Autowired AuthorizationService authorizationService;

  /** The shared database as it was: directors start no process, the model is gone with its history. */
  @AfterEach
  void removeTheProcessAndItsGrants() {
    List<Authorization> grants = new java.util.ArrayList<>(authorizationService.createAuthorizationQuery()
        .groupIdIn(ThreeTaskProcess.GROUP).resourceType(Resources.PROCESS_DEFINITION).resourceId(ThreeTaskProcess.KEY).list());
    grants.addAll(authorizationService.createAuthorizationQuery().groupIdIn(ThreeTaskProcess.GROUP)
        .resourceType(Resources.PROCESS_INSTANCE).resourceId("*").list());
    grants.forEach(grant -> authorizationService.deleteAuthorization(grant.getId()));
    for (Deployment deployment : repositoryService.createDeploymentQuery().deploymentName(ThreeTaskProcess.KEY).list()) {
      repositoryService.deleteDeployment(deployment.getId(), true);
    }
  }

  @Test
  void aHumanStepRunsNoMoreStatementsThanDocumented() {
    ThreeTaskProcess.deploy(Caller.of(baseUrl(), "paula", "demo"));
    ThreeTaskProcess.allowDirectorsToStart(Caller.of(baseUrl(), "admin", "demo"));
    Caller martha = Caller.of(baseUrl(), "martha", "demo");
    // the first lifecycle fills the caches (definitions, the sign-in's first address); the second is counted
    assertThat(ThreeTaskProcess.run(martha, new Latencies(), null, System.nanoTime())).isTrue();
    StatementTally tally = new StatementTally(counter::counts);
    assertThat(ThreeTaskProcess.run(martha, new Latencies(), tally, System.nanoTime())).isTrue();

    Counts step = tally.perStep();
    String counts = tally.kinds().stream().map(kind -> kind + " " + tally.median(kind)).toList().toString();
    assertThat(step.statements()).as("statements per human step %s", counts).isPositive()
        .isLessThanOrEqualTo(STATEMENTS_PER_STEP);
    System.out.println("StatementsPerStepIT: " + step + " per human step; " + counts);
  }
}
