package org.invisiblebars.modelchange.adapter.process;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.invisiblebars.modelchange.domain.ModelChange;
import org.invisiblebars.modelchange.usecase.ModelChangeProcess;
import org.invisiblebars.modelchange.usecase.ModelChanges;
import org.invisiblebars.platform.identity.Groups;
import org.invisiblebars.platform.process.Confidential;
import org.invisiblebars.platform.task.CaseProcess;
import org.invisiblebars.platform.task.Completion;
import org.invisiblebars.platform.task.TaskCase;
import org.invisiblebars.platform.task.UserTaskHandler;
import org.invisiblebars.platform.task.UserTaskHandlerFor;
import org.invisiblebars.platform.validation.ConflictException;

/**
 * Review model change: a director or an administrator reads what a process owner's deployment
 * changes against the live versions (tasks added, removed, renamed or reassigned, timers, rules of
 * the decision tables, form fields) with the deployer's note, and approves it (it goes live, and
 * the running instances may move to it) or rejects it with reasons (its deployment is removed).
 * Never the deployer: a change to a search rule or a review period is a policy change, which a
 * second person answers for.
 */
@UserTaskHandlerFor(
    process = ModelChangeProcess.KEY,
    task = ModelChangeProcess.Element.REVIEW_MODEL_CHANGE)
class ReviewModelChangeHandler
    extends UserTaskHandler<ReviewModelChangeHandler.Form, ReviewModelChangeHandler.Display> {

  static final CaseProcess PROCESS =
      new CaseProcess(
          ModelChangeProcess.KEY,
          ModelChanges.SUBJECT_TYPE,
          ModelChangeProcess.Variable.MODEL_CHANGE_ID,
          Confidential.readableBy(Groups.DIRECTOR, Groups.CAMUNDA_ADMIN, Groups.PROCESS_OWNER));

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  /** The reviewer's decision. */
  enum Decision {
    APPROVE,
    REJECT
  }

  record Form(
      @NotNull Decision reviewDecision,
      @Size(max = 4000) String reviewReasons,
      Boolean migrateRunningInstances) {

    /**
     * The cross-field rule, which Bean Validation reports on the property {@code reviewReasons}: a
     * rejection says why, for the process owner who reads it.
     */
    @AssertTrue(message = "a rejection must give its reasons")
    boolean hasReviewReasons() {
      return reviewDecision != Decision.REJECT
          || (reviewReasons != null && !reviewReasons.isBlank());
    }
  }

  record Display(String changeSummary, String changeDetails) {}

  private final ModelChanges changes;

  ReviewModelChangeHandler(ModelChanges changes) {
    super(PROCESS);
    this.changes = changes;
  }

  @Override
  public Display display(TaskCase task) {
    ModelChange change = change(task);
    return new Display(
        String.join(
            "\n",
            "Change " + change.getReference() + " of " + change.getModelKeys().replace(",", ", "),
            "Deployed by "
                + changes.nameOf(change.getDeployedBy())
                + " on "
                + WHEN.format(change.getDeployedAt())
                + (change.getDeploymentSource() == null
                    ? ""
                    : " from " + change.getDeploymentSource()),
            "Deployer's note (the deployment's name): " + change.getDeploymentName()),
        change.getChanges());
  }

  @Override
  public Completion complete(TaskCase task, Form form) {
    boolean approve = form.reviewDecision() == Decision.APPROVE;
    boolean migrate = approve && Boolean.TRUE.equals(form.migrateRunningInstances());
    String reasons = form.reviewReasons() == null ? "" : form.reviewReasons().strip();
    ModelChange change = change(task);
    ModelChanges.Decided decided =
        changes.decide(change.getId(), approve, reasons, migrate, task.actor());
    Completion completion =
        Completion.logged(approve ? "APPROVED" : "REJECTED", reasons)
            .with(ModelChangeProcess.Variable.CHANGE_APPROVED, approve);
    if (approve) {
      completion.andLogged(
          "Activate model change",
          "ACTIVATED",
          "Live: " + change.getModelKeys().replace(",", ", "));
      if (!decided.migrationsStarted().isEmpty()) {
        completion.andLogged(
            "Migrate running instances",
            "MIGRATION_STARTED",
            String.join("; ", decided.migrationsStarted()));
      }
    } else {
      completion.andLogged(
          "Remove model change", "REMOVED", "Deployment " + change.getDeploymentId() + " deleted");
    }
    return completion;
  }

  private ModelChange change(TaskCase task) {
    return changes
        .find(task.id())
        .orElseThrow(() -> new ConflictException("the model change no longer exists"));
  }
}
