package org.invisiblebars.platform.web;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.util.EngineUtil;

/**
 * The engine REST API's answer when two people act on one task, or one process, at the same moment:
 * 409 with a message saying so, where the engine's own exception mappers answer 500. The engine
 * decides who wins (its revision check on the task and execution rows, the assignee check of a
 * claim); the loser's transaction is rolled back whole. The cases:
 *
 * <ul>
 *   <li>{@link OptimisticLockingException}: the winner committed while the loser was working;
 *   <li>{@link TaskAlreadyClaimedException}: the winner's claim committed before the loser's began;
 *   <li>whatever failed, the task acted on no longer exists and its history shows it ended: the
 *       winner completed it, or the process was cancelled, before or while the loser's request ran.
 *       The engine then says "Cannot find task", or that the user lacks {@code TASK_WORK} (the
 *       completion removed the task's authorizations between the loser's reading the task and
 *       checking them), or fails inside its own checks on the vanished execution (a {@code
 *       NullPointerException} in {@code AuthorizationCommandChecker}); a failed request whose task
 *       is still open is never answered here. The 409 tells no more than that the task the caller
 *       named is gone.
 * </ul>
 *
 * Our use cases' own conflicts (a visit cancelled while its risk was being assessed) are our rules'
 * refusals, answered by {@link EngineRefusals}. Used by the exception mappers of {@link
 * EngineRestProviders} on {@code /engine-rest} and on the web applications' engine API that
 * Tasklist uses; the body keeps the engine's shape ({@code type}, {@code message}), which Tasklist
 * shows.
 */
public final class EngineRestConflicts {

  /** The task operations whose target may have been completed by someone else meanwhile. */
  private static final Set<String> TASK_ACTIONS =
      Set.of("claim", "unclaim", "complete", "submit-form", "resolve", "assignee", "delegate");

  static final String CHANGED_MEANWHILE =
      "Someone else changed this task or its process at the same moment (for example, "
          + "completed or claimed it), so nothing of your request was saved. Reload the task and try again.";

  /** The same for a request on anything but a task (a job, an instance, the history cleanup). */
  static final String RECORD_CHANGED_MEANWHILE =
      "Another request changed the same record at the same moment, so nothing of this one was"
          + " saved. Reload and try again.";

  private EngineRestConflicts() {}

  /**
   * The 409 for {@code failure} when it is one of the conflicts above, found anywhere in its
   * causes.
   */
  static Optional<Response> of(Throwable failure, UriInfo uri) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof OptimisticLockingException) {
        return Optional.of(conflict(onATask(uri) ? CHANGED_MEANWHILE : RECORD_CHANGED_MEANWHILE));
      }
      if (cause instanceof TaskAlreadyClaimedException claimed) {
        return Optional.of(conflict(claimed.getMessage() + " Reload the task list."));
      }
    }
    return taskIdIn(uri)
        .filter(EngineRestConflicts::endedMeanwhile)
        .map(
            id ->
                conflict(
                    "Task "
                        + id
                        + " was already completed or cancelled by someone else, so it can no longer be "
                        + "claimed or completed. Reload the task list."));
  }

  private static Response conflict(String message) {
    ExceptionDto dto = new ExceptionDto();
    dto.setType("TaskConflict");
    dto.setMessage(message);
    return Response.status(Response.Status.CONFLICT)
        .entity(dto)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .build();
  }

  /** The task of {@code …/task/{id}/claim} (and the other actions), on either engine API. */
  /** Whether the request names a task ({@code /task/...}) or none at all (the path unknown). */
  private static boolean onATask(UriInfo uri) {
    return uri == null
        || uri.getPathSegments().stream().anyMatch(segment -> segment.getPath().equals("task"));
  }

  private static Optional<String> taskIdIn(UriInfo uri) {
    if (uri == null) {
      return Optional.empty();
    }
    List<PathSegment> path = uri.getPathSegments();
    for (int i = 0; i + 2 < path.size(); i++) {
      if ("task".equals(path.get(i).getPath())
          && TASK_ACTIONS.contains(path.get(i + 2).getPath())) {
        return Optional.of(path.get(i + 1).getPath());
      }
    }
    return Optional.empty();
  }

  /**
   * Whether the task ended before this request (completed, or cancelled with its process). The
   * caller may not read history, and need not: the answer tells no more than that the task they
   * just saw is gone. So the lookup runs without the caller's authorizations, and nothing of the
   * task is returned beyond its id.
   */
  private static boolean endedMeanwhile(String taskId) {
    ProcessEngine engine = EngineUtil.lookupProcessEngine(null);
    IdentityService identity = engine.getIdentityService();
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      HistoricTaskInstance task =
          engine
              .getHistoryService()
              .createHistoricTaskInstanceQuery()
              .taskId(taskId)
              .singleResult();
      return task != null && task.getEndTime() != null;
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }
}
