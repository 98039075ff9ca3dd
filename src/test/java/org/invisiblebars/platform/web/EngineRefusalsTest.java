package org.invisiblebars.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response.Status;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.ProcessEngineLogger;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.invisiblebars.platform.validation.ConflictException;
import org.invisiblebars.platform.validation.InvalidInputException;
import org.invisiblebars.platform.validation.InvalidInputException.FieldProblem;
import org.invisiblebars.platform.validation.NotFoundException;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;

/**
 * Our rules' refusals through the engine APIs: found under the engine's wrappings, answered with
 * the status each carries and the sentence alone as {@code message}, as Tasklist shows it.
 */
class EngineRefusalsTest {

  @Test
  void aRefusedTaskFormIs400WithTheLabelledSentenceAloneAndEachField() {
    FormFieldValidationException refused =
        new FormFieldValidationException(
            List.of(
                new FieldProblem("verificationNotes", "is required"),
                new FieldProblem("mandateVerified", "is required")),
            "Verification notes: is required; Is the mandate verified?: is required");

    ProblemDetail problem =
        EngineRefusals.problem(asTheEngineAndItsRestLayerWrapIt(refused)).orElseThrow();

    assertThat(problem.getStatus()).isEqualTo(400);
    assertThat(problem.getProperties())
        .containsEntry(
            "message", "Verification notes: is required; Is the mandate verified?: is required")
        .containsEntry(
            "errors",
            List.of(
                Map.of("field", "verificationNotes", "problem", "is required"),
                Map.of("field", "mandateVerified", "problem", "is required")));
  }

  @Test
  void aUseCasesConflictIs409WithItsSentenceAlone() {
    ProblemDetail problem =
        EngineRefusals.problem(
                asTheEngineAndItsRestLayerWrapIt(
                    new ConflictException("visit 4711 is CANCELLED, not REQUESTED")))
            .orElseThrow();

    assertThat(problem.getStatus()).isEqualTo(409);
    assertThat(problem.getProperties())
        .containsEntry("message", "visit 4711 is CANCELLED, not REQUESTED");
    assertThat(problem.getDetail()).isEqualTo("visit 4711 is CANCELLED, not REQUESTED");
  }

  @Test
  void everyRuleViolationIsAnsweredWithTheStatusItCarries() {
    assertThat(EngineRefusals.problem(new NotFoundException("report 4711")))
        .hasValueSatisfying(
            problem -> {
              assertThat(problem.getStatus()).isEqualTo(404);
              assertThat(problem.getProperties()).containsEntry("message", "report 4711 not found");
            });
    assertThat(
            EngineRefusals.problem(
                new ProcessEngineException(
                    "delegate failed",
                    InvalidInputException.of("completeness", "must be COMPLETE or INCOMPLETE"))))
        .hasValueSatisfying(
            problem -> {
              assertThat(problem.getStatus()).isEqualTo(400);
              assertThat(problem.getProperties())
                  .containsEntry("message", "completeness: must be COMPLETE or INCOMPLETE")
                  .containsKey("errors");
            });
  }

  @Test
  void aFormValidationOfCamundasOwnIs400WithItsSentence() {
    FormFieldValidationException refused =
        new FormFieldValidationException("maxlength", "Field 'notes' is too long");

    assertThat(EngineRefusals.problem(refused))
        .hasValueSatisfying(
            problem -> {
              assertThat(problem.getStatus()).isEqualTo(400);
              assertThat(problem.getDetail()).isEqualTo("Field 'notes' is too long");
            });
  }

  @Test
  void anythingElseIsNoRefusal() {
    assertThat(EngineRefusals.problem(new IllegalStateException("a bug"))).isEmpty();
    assertThat(
            EngineRefusals.problem(
                new ProcessEngineException(
                    "ENGINE-03004 Exception while executing Database Operation")))
        .isEmpty();
  }

  /**
   * A task listener's exception as the engine wraps it (ENGINE-03051), then Tasklist's submit-form
   * resource (500).
   */
  private static Throwable asTheEngineAndItsRestLayerWrapIt(Exception refusal) {
    ProcessEngineException engine =
        ProcessEngineLogger.PERSISTENCE_LOGGER.invokeTaskListenerException(refusal);
    return new RestException(
        Status.INTERNAL_SERVER_ERROR,
        engine,
        "Cannot submit task form 4711: " + engine.getMessage());
  }
}
