package org.invisiblebars.platform.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Map;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors that no controller answered (Spring Security's refusals, an unknown path, a request the
 * firewall rejects, an exception no advice knows) as RFC 9457 problem details, instead of Spring
 * Boot's own error body. Only the status and a fixed sentence: never the exception, its message or
 * a trace, whatever the error properties say. The path itself, asked for directly, is not found.
 */
@RestController
class ErrorProblemDetails implements ErrorController {

  private static final Map<HttpStatus, String> DETAILS =
      Map.of(
          HttpStatus.BAD_REQUEST, "The request cannot be read as it is written.",
          HttpStatus.UNAUTHORIZED, "Sign in to do this.",
          HttpStatus.FORBIDDEN, "You may not do this.",
          HttpStatus.NOT_FOUND, "There is nothing here.",
          HttpStatus.METHOD_NOT_ALLOWED, "This method is not served here.",
          HttpStatus.PAYLOAD_TOO_LARGE, "The body is too large.",
          HttpStatus.INTERNAL_SERVER_ERROR,
              "Something went wrong on our side; it has been logged.");

  @RequestMapping("${server.error.path:${error.path:/error}}")
  ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
    HttpStatus status = status(request);
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            status, DETAILS.getOrDefault(status, status.getReasonPhrase() + "."));
    problem.setInstance(instance(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI)));
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  /**
   * The error's status; an error without one is a server error. Asked for directly (no error
   * dispatched here) there is nothing to show: 404, never a 500 for an error that did not happen.
   */
  private static HttpStatus status(HttpServletRequest request) {
    if (request.getDispatcherType() != DispatcherType.ERROR
        && request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) == null) {
      return HttpStatus.NOT_FOUND;
    }
    return request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code
            && HttpStatus.resolve(code) != null
        ? HttpStatus.resolve(code)
        : HttpStatus.INTERNAL_SERVER_ERROR;
  }

  /** The path that failed (as written, so already escaped), not {@code /error}. */
  private static URI instance(Object path) {
    try {
      return path instanceof String written ? URI.create(written) : null;
    } catch (IllegalArgumentException notAUri) {
      return null;
    }
  }
}
