package org.invisiblebars.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.invisiblebars.modelchange.domain.ModelChange;
import org.invisiblebars.modelchange.domain.ModelChangeRepository;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Reviews a process owner's held deployment as its reviewer does in Tasklist: completes the
 * change's review task through the engine REST API.
 */
public final class ModelChangeReviews {

  public static final String REVIEW_TASK = "Task_ReviewModelChange";

  private final EngineTasks engine;
  private final ModelChangeRepository changes;

  public ModelChangeReviews(EngineTasks engine, ModelChangeRepository changes) {
    this.engine = engine;
    this.changes = changes;
  }

  /** The change that holds deployment {@code deploymentId}. */
  public ModelChange of(String deploymentId) {
    return changes
        .findByDeploymentId(deploymentId)
        .orElseThrow(() -> new AssertionError("no change holds deployment " + deploymentId));
  }

  /** {@code reviewer} approves the change, asserting the engine accepted it. */
  public void approve(String deploymentId, String reviewer, boolean migrate) {
    ResponseEntity<String> response = review(deploymentId, reviewer, "APPROVE", "", migrate);
    assertThat(response.getStatusCode())
        .as("approval: " + response.getBody())
        .isEqualTo(HttpStatus.NO_CONTENT);
  }

  /** {@code reviewer} decides on the change; the response as the engine answered. */
  public ResponseEntity<String> review(
      String deploymentId, String reviewer, String decision, String reasons, boolean migrate) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("reviewDecision", decision);
    fields.put("reviewReasons", reasons);
    fields.put("migrateRunningInstances", migrate);
    return engine.tryComplete(reviewer, of(deploymentId).getReference(), REVIEW_TASK, fields);
  }
}
