package org.invisiblebars.platform.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.invisiblebars.platform.persistence.UniqueKey;
import org.invisiblebars.platform.validation.ConflictException;
import org.invisiblebars.platform.validation.InvalidInputException;
import org.invisiblebars.platform.validation.NotFoundException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Our API's errors as RFC 9457 problem details; a 400 lists every field and what is wrong. */
@RestControllerAdvice(basePackages = "org.invisiblebars")
class ProblemDetailsAdvice {

  static final URI INVALID_INPUT = URI.create("urn:invisible-bars:problem:invalid-input");
  static final URI CONCURRENT_CHANGE = URI.create("urn:invisible-bars:problem:concurrent-change");

  @ExceptionHandler(InvalidInputException.class)
  ProblemDetail invalid(InvalidInputException e) {
    return invalidInput(e.problems().stream()
        .map(p -> Map.of("field", p.field(), "problem", p.problem())).toList());
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ProblemDetail unreadable(HttpMessageNotReadableException e) {
    if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field = mapping.getPath().stream()
          .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
          .collect(Collectors.joining(".")).replace(".[", "[");
      String problem = mapping instanceof InvalidFormatException format && format.getTargetType().isEnum()
          ? "must be one of " + List.of(format.getTargetType().getEnumConstants())
          : "has the wrong type or format";
      return invalidInput(List.of(Map.of("field", field, "problem", problem)));
    }
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The body is not valid JSON.");
    problem.setType(INVALID_INPUT);
    return problem;
  }

  @ExceptionHandler(NotFoundException.class)
  ProblemDetail notFound(NotFoundException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
  }

  @ExceptionHandler(ConflictException.class)
  ProblemDetail conflict(ConflictException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
  }

  /**
   * What locks leave to chance: another request changed the same record at the same moment (the
   * engine's revision check on its own rows, a lock the database gave up on). Nothing of this
   * request was saved; it may be sent again.
   */
  @ExceptionHandler({ConcurrencyFailureException.class, OptimisticLockingException.class})
  ProblemDetail concurrentChange(RuntimeException e) {
    return concurrent("Another request changed the same record at the same moment, so nothing of this one was saved."
        + " Reload it and try again.");
  }

  /** A unique key taken by a request at the same moment (nothing else of this kind is the caller's doing). */
  @ExceptionHandler(DataIntegrityViolationException.class)
  ProblemDetail storedMeanwhile(DataIntegrityViolationException e) {
    if (!UniqueKey.taken(e)) {
      throw e;
    }
    return concurrent("Another request stored the same record at the same moment, so this one was not stored again."
        + " Reload to see it.");
  }

  @ExceptionHandler(AccessDeniedException.class)
  ProblemDetail forbidden(AccessDeniedException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "Your role may not do this.");
  }

  private static ProblemDetail concurrent(String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
    problem.setType(CONCURRENT_CHANGE);
    problem.setTitle("Changed at the same moment");
    return problem;
  }

  private static ProblemDetail invalidInput(List<Map<String, String>> errors) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        "The request has invalid fields: " + errors.stream().map(e -> e.get("field")).collect(Collectors.joining(", ")) + ".");
    problem.setType(INVALID_INPUT);
    problem.setTitle("Invalid input");
    problem.setProperty("errors", errors);
    return problem;
  }
}
