package org.invisiblebars.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.LockedException;

/**
 * A sign-in refused before its password was checked because its address or account must wait
 * ({@link LoginThrottle}). A {@link LockedException}, so Spring Security's provider manager passes
 * it on at once; the routes answer it with 429 and {@code Retry-After}.
 */
class SignInThrottledException extends LockedException {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Duration retryAfter;

  SignInThrottledException(Duration retryAfter) {
    super("too many failed sign-ins; retry in " + retryAfter.toSeconds() + " s");
    this.retryAfter = retryAfter;
  }

  /**
   * Whole seconds, rounded up: {@code Retry-After} has no fractions and must not invite an early
   * retry.
   */
  long retryAfterSeconds() {
    return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
  }

  /**
   * 429 with {@code Retry-After} and RFC 9457 problem details, for API clients and the web
   * applications' login.
   */
  void answer(HttpServletResponse response) throws IOException {
    response.setStatus(429);
    response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds()));
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    JSON.writeValue(response.getOutputStream(), problem());
  }

  /** The body of the 429. */
  Map<String, Object> problem() {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "urn:invisible-bars:problem:sign-in-throttled");
    problem.put("title", "Too many failed sign-ins");
    problem.put("status", 429);
    problem.put(
        "detail",
        "Too many failed sign-ins from this address or for this user. Try again in "
            + retryAfterSeconds()
            + " seconds.");
    return problem;
  }
}
