package org.invisiblebars.platform.web;

import java.net.URI;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.invisiblebars.platform.persistence.UniqueKey;
import org.invisiblebars.platform.reference.CaseKey;
import org.invisiblebars.platform.validation.InvalidInputException.FieldProblem;
import org.invisiblebars.platform.validation.NotFoundException;
import org.invisiblebars.platform.validation.RuleViolation;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Our API's errors as RFC 9457 problem details; a 400 lists every field and what is wrong. Spring
 * MVC's own refusals (a body that is not JSON, a parameter of the wrong type, a content type or
 * method not served) come through {@link ResponseEntityExceptionHandler} in the same shape, with
 * the field or parameter named and never an exception's text.
 */
@RestControllerAdvice(basePackages = "org.invisiblebars")
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

  static final URI CONCURRENT_CHANGE = URI.create("urn:invisible-bars:problem:concurrent-change");

  /** Our rules' refusals: bad input, not found, a conflict, by the status each carries. */
  @ExceptionHandler(RuleViolation.class)
  ProblemDetail refused(RuleViolation e) {
    return Problems.of(e);
  }

  /**
   * What locks leave to chance: another request changed the same record at the same moment (the
   * engine's revision check on its own rows, a lock the database gave up on). Nothing of this
   * request was saved; it may be sent again.
   */
  @ExceptionHandler({ConcurrencyFailureException.class, OptimisticLockingException.class})
  ProblemDetail concurrentChange(RuntimeException e) {
    return concurrent(
        "Another request changed the same record at the same moment, so nothing of this one was saved."
            + " Reload it and try again.");
  }

  /**
   * A unique key taken by a request at the same moment (nothing else of this kind is the caller's
   * doing), or a value the database refuses to store that no check caught before.
   */
  @ExceptionHandler(DataIntegrityViolationException.class)
  ProblemDetail storedMeanwhile(DataIntegrityViolationException e) {
    if (UniqueKey.taken(e)) {
      return concurrent(
          "Another request stored the same record at the same moment, so this one was not stored again."
              + " Reload to see it.");
    }
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      // SQLSTATE class 22, data exception: too long for its column, NUL in text, a number out of
      // range
      if (cause instanceof SQLException sql
          && sql.getSQLState() != null
          && sql.getSQLState().startsWith("22")) {
        return Problems.unstorableValue();
      }
    }
    throw e;
  }

  @ExceptionHandler(AccessDeniedException.class)
  ProblemDetail forbidden(AccessDeniedException e) {
    return Problems.forbidden();
  }

  /** The body is not JSON, not of the request's shape, or a field has the wrong type. */
  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return answer(JsonProblems.of(e.getCause()), headers);
  }

  /** A {@code @Valid} body broke a constraint. */
  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return answer(Problems.invalidInput(problems(e.getBindingResult())), headers);
  }

  /**
   * A constraint on a parameter, or on a {@code @Valid} body of a method that also has such
   * parameters.
   */
  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<FieldProblem> problems = new ArrayList<>();
    e.getParameterValidationResults()
        .forEach(
            result -> {
              if (result instanceof Errors errors) {
                problems.addAll(problems(errors));
              } else {
                RequestParam param =
                    result.getMethodParameter().getParameterAnnotation(RequestParam.class);
                String name =
                    param != null && !param.name().isEmpty()
                        ? param.name()
                        : result.getMethodParameter().getParameterName();
                result
                    .getResolvableErrors()
                    .forEach(error -> problems.add(new FieldProblem(name, message(error))));
              }
            });
    return answer(Problems.invalidInput(problems), headers);
  }

  /**
   * A path variable or query parameter that is not of its type ({@code size=abc}, {@code
   * from=yesterday}).
   */
  @Override
  protected ResponseEntity<Object> handleTypeMismatch(
      TypeMismatchException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    String name =
        e instanceof MethodArgumentTypeMismatchException argument
            ? argument.getName()
            : e.getPropertyName();
    if (e instanceof MethodArgumentTypeMismatchException argument
        && argument.getParameter().hasParameterAnnotation(CaseKey.class)) {
      return answer(
          Problems.invalidInput(name, "must be an id or a case reference such as VIS-2026-0345"),
          headers);
    }
    return answer(Problems.invalidInput(name, JsonProblems.expected(e.getRequiredType())), headers);
  }

  /**
   * A case reference in a path that no case has ({@code /api/v1/visits/VIS-1999-9999}): its
   * converter found nothing, so there is no such case, as for an unknown id.
   */
  @Override
  protected ResponseEntity<Object> handleMissingPathVariable(
      MissingPathVariableException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    if (e.isMissingAfterConversion() && e.getParameter().hasParameterAnnotation(CaseKey.class)) {
      return answer(Problems.of(new NotFoundException(e.getVariableName())), headers);
    }
    return super.handleMissingPathVariable(e, headers, status, request);
  }

  @Override
  protected ResponseEntity<Object> handleMissingServletRequestParameter(
      MissingServletRequestParameterException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return answer(Problems.invalidInput(e.getParameterName(), "is required"), headers);
  }

  private static List<FieldProblem> problems(Errors errors) {
    List<FieldProblem> problems = new ArrayList<>();
    errors.getFieldErrors().stream()
        .sorted(Comparator.comparing(FieldError::getField))
        .forEach(error -> problems.add(new FieldProblem(error.getField(), message(error))));
    errors
        .getGlobalErrors()
        .forEach(error -> problems.add(new FieldProblem(error.getObjectName(), message(error))));
    return problems;
  }

  private static String message(MessageSourceResolvable error) {
    return error.getDefaultMessage() == null ? "is not valid" : error.getDefaultMessage();
  }

  private static ResponseEntity<Object> answer(ProblemDetail problem, HttpHeaders headers) {
    return ResponseEntity.status(problem.getStatus()).headers(headers).body(problem);
  }

  private static ProblemDetail concurrent(String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
    problem.setType(CONCURRENT_CHANGE);
    problem.setTitle("Changed at the same moment");
    return problem;
  }
}
