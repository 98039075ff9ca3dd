package org.invisiblebars.platform.web;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Invalid input found while completing a task (a task listener's form validation failure) is the
 * person's mistake, not a server error: the engine REST API and the web applications' engine API
 * (Tasklist's form submission) answer 400 with the text naming each field, where Camunda would
 * answer 500 and log a stack trace because the engine wraps listener exceptions; the log gets one
 * line naming the fields. Used by the exception mappers of {@link EngineRestProviders}.
 */
final class TaskInputErrors {

  private static final Logger LOG = LoggerFactory.getLogger(TaskInputErrors.class);

  private TaskInputErrors() {}

  /** The 400 for {@code failure} when a form validation failure is among its causes. */
  static Optional<Response> of(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof FormFieldValidationException invalid) {
        // One line for the operator: which fields were refused and why; never what was typed.
        LOG.info("Task form refused: {}", invalid.getMessage());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "InvalidRequestException");
        body.put("message", invalid.getMessage());
        body.put("code", 0);
        body.put("errors", invalid.getDetail());
        return Optional.of(Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build());
      }
    }
    return Optional.empty();
  }
}
