package org.invisiblebars.platform.web;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.invisiblebars.platform.validation.InvalidInputException.FieldProblem;
import org.invisiblebars.platform.validation.RuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Our rules' refusals on the two engine APIs ({@code /engine-rest} and the web applications' engine
 * API that Tasklist submits forms to), mapped once: a {@link RuleViolation} (bad input 400, not
 * found 404, a conflict 409) or a task form's {@link FormFieldValidationException} (what the
 * handler framework makes of an {@link
 * org.invisiblebars.platform.validation.InvalidInputException}, its message naming each field by
 * its label) found anywhere among the causes. The engine wraps both (a task listener's exception in
 * {@code ENGINE-03051 There was an exception while invoking the TaskListener}, then the REST layer
 * in "Cannot submit task form …" with status 500); the answer has neither wrapping: problem details
 * as our API gives them, plus {@code message}, the sentence alone ("Verification notes: is
 * required"), where Camunda's clients read it and Tasklist shows it in its notification. The log
 * gets one line per refusal: the status and that sentence, never a stack trace and never a value
 * the person typed.
 */
@Component
class EngineRefusals {

  private static final Logger LOG = LoggerFactory.getLogger(EngineRefusals.class);

  /** Where the web applications' engine API is served (Camunda's default application path). */
  static final String WEBAPP_ENGINE_API = "/camunda/api/engine";

  private final EngineFailures failures;

  EngineRefusals(EngineFailures failures) {
    this.failures = failures;
  }

  /**
   * The answer to {@code failure} when one of our rules refused the request. For the web
   * applications' engine API the sentence is HTML-escaped: Tasklist puts {@code message} into its
   * notification as HTML, and a label or a task name (which a process owner writes) must print as
   * text there, never run as markup.
   */
  Optional<Response> of(Throwable failure, UriInfo uri) {
    return problem(failure)
        .map(
            problem -> {
              String message = (String) problem.getProperties().get("message");
              LOG.info("Refused with {}: {}", problem.getStatus(), message);
              if (forTheWebapps(uri)) {
                problem.setProperty("message", HtmlUtils.htmlEscape(message));
              }
              return failures.problem(problem);
            });
  }

  /**
   * Whether the request came through the web applications' engine API (Tasklist, Cockpit), not
   * {@code /engine-rest}.
   */
  static boolean forTheWebapps(UriInfo uri) {
    return uri != null && uri.getBaseUri().getPath().startsWith(WEBAPP_ENGINE_API);
  }

  /**
   * The problem details of our refusal among the causes of {@code failure}, with the sentence a
   * person reads as {@code message}.
   */
  static Optional<ProblemDetail> problem(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof RuleViolation refused) {
        return Optional.of(withMessage(Problems.of(refused), refused.getMessage()));
      }
      if (cause instanceof FormFieldValidationException form) {
        return Optional.of(withMessage(formProblem(form), form.getMessage()));
      }
    }
    return Optional.empty();
  }

  /**
   * The fields the handler framework refused; any other form validation names its field only in its
   * message.
   */
  private static ProblemDetail formProblem(FormFieldValidationException form) {
    if (form.getDetail() instanceof List<?> problems
        && !problems.isEmpty()
        && problems.stream().allMatch(FieldProblem.class::isInstance)) {
      return Problems.invalidInput(problems.stream().map(FieldProblem.class::cast).toList());
    }
    return Problems.invalidValue(form.getMessage());
  }

  private static ProblemDetail withMessage(ProblemDetail problem, String message) {
    problem.setProperty("message", message);
    return problem;
  }
}
