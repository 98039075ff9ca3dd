package org.invisiblebars.platform.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.invisiblebars.platform.validation.InvalidInputException.FieldProblem;
import org.invisiblebars.platform.validation.RuleViolation;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The problem details (RFC 9457) of bad input, wherever it is refused: by our API's advice, by the
 * filter in front of every request (bodies too large, paths not written the usual way) and by the
 * engine REST API's mappers. One shape everywhere: a 400 lists each field and what is wrong with
 * it.
 */
public final class Problems {

  public static final URI INVALID_INPUT = URI.create("urn:invisible-bars:problem:invalid-input");
  public static final URI BODY_TOO_LARGE = URI.create("urn:invisible-bars:problem:body-too-large");
  public static final URI MALFORMED_BODY = URI.create("urn:invisible-bars:problem:malformed-body");
  public static final URI MALFORMED_REQUEST =
      URI.create("urn:invisible-bars:problem:malformed-request");

  private Problems() {}

  /** 400 naming each field and its problem. */
  public static ProblemDetail invalidInput(List<FieldProblem> problems) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST,
            "The request has invalid fields: "
                + problems.stream()
                    .map(FieldProblem::field)
                    .distinct()
                    .collect(Collectors.joining(", "))
                + ".");
    problem.setType(INVALID_INPUT);
    problem.setTitle("Invalid input");
    problem.setProperty(
        "errors",
        problems.stream().map(p -> Map.of("field", p.field(), "problem", p.problem())).toList());
    return problem;
  }

  /** 400 for one field. */
  public static ProblemDetail invalidInput(String field, String problem) {
    return invalidInput(List.of(new FieldProblem(field, problem)));
  }

  /**
   * 403: the caller's groups may not do this, whether a role rule of the security configuration or
   * a use case refused (an NGO user not bound to an organisation); one sentence for both.
   */
  public static ProblemDetail forbidden() {
    return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "Your role may not do this.");
  }

  /**
   * A rule of ours refused the request: 400 listing each field and what is wrong; 404 (does not
   * exist for this caller) or 409 (not in a state that allows it) with the rule's sentence.
   */
  public static ProblemDetail of(RuleViolation refused) {
    if (!refused.problems().isEmpty()) {
      return invalidInput(refused.problems());
    }
    return ProblemDetail.forStatusAndDetail(
        HttpStatus.valueOf(refused.status()), refused.getMessage());
  }

  /**
   * 400 where no field can be named apart from in the sentence (a form validation the engine ran).
   */
  public static ProblemDetail invalidValue(String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
    problem.setType(INVALID_INPUT);
    problem.setTitle("Invalid input");
    return problem;
  }

  /**
   * 400: a value the database refuses to store, where no field can be named (the engine REST API).
   */
  public static ProblemDetail unstorableValue() {
    return invalidValue(
        "A value of the request is too long for its field or holds characters that cannot be stored, such as NUL.");
  }

  /**
   * 400: the body as a whole cannot be read (not JSON, not one object, nested too deep); no field
   * to name.
   */
  public static ProblemDetail malformedBody(String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
    problem.setType(MALFORMED_BODY);
    problem.setTitle("Malformed body");
    return problem;
  }

  /** 400: the request line itself is not acceptable (a path not written the usual way). */
  public static ProblemDetail malformedRequest(String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
    problem.setType(MALFORMED_REQUEST);
    problem.setTitle("Malformed request");
    return problem;
  }

  /** 413 with the limit, so that a client knows what to send instead. */
  public static ProblemDetail bodyTooLarge(long limitBytes, String what) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.PAYLOAD_TOO_LARGE,
            "The body is larger than the "
                + limitBytes / 1024
                + " KiB ("
                + limitBytes
                + " bytes) allowed for "
                + what
                + ".");
    problem.setType(BODY_TOO_LARGE);
    problem.setTitle("Body too large");
    problem.setProperty("limitBytes", limitBytes);
    return problem;
  }
}
