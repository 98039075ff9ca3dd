package org.invisiblebars.platform.database;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The first filter of every request. While the {@link DatabaseCircuit} is open, every request but
 * the health check answers 503 with {@code Retry-After} at once (problem details for our API, the
 * engine REST API, the web applications' API and the actuator; a short page, {@code
 * templates/unavailable.html}, for the pages), before the session, the sign-in or anything else
 * asks the database. A request that meets the outage on its way answers the same instead of a 500,
 * and opens the circuit: a failure that names the connection, or any failure of a database call
 * after which the database does not answer a trial connection either (a connection broken
 * mid-statement often surfaces only as a failed rollback). Whatever that request wrote is rolled
 * back with its transaction, so nothing is half-written.
 */
class DatabaseUnavailableFilter extends OncePerRequestFilter {

  static final String PROBLEM_TYPE = "urn:invisible-bars:problem:database-unavailable";
  private static final List<String> API_PATHS =
      List.of("/api/", "/engine-rest/", "/camunda/api/", "/actuator/");
  private static final List<String> HEALTH = List.of("/actuator/health");

  private final DatabaseCircuit circuit;
  private final DataSource dataSource;
  private final ObjectMapper json;
  private final ITemplateEngine templates;

  DatabaseUnavailableFilter(
      DatabaseCircuit circuit,
      DataSource dataSource,
      ObjectMapper json,
      ITemplateEngine templates) {
    this.circuit = circuit;
    this.dataSource = dataSource;
    this.json = json;
    this.templates = templates;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    boolean health = HEALTH.stream().anyMatch(h -> path.equals(h) || path.startsWith(h + "/"));
    if (circuit.isOpen() && !health) {
      unavailable(path, request, response);
      return;
    }
    try {
      chain.doFilter(request, response);
    } catch (IOException | ServletException | RuntimeException e) {
      if (response.isCommitted()
          || !(DatabaseCircuit.isUnreachable(e) || (fromTheDatabase(e) && !databaseAnswers()))) {
        throw e;
      }
      circuit.reportUnreachable(e);
      logger.warn("A request met the database outage: " + request.getMethod() + " " + path);
      response.reset();
      unavailable(path, request, response);
    }
  }

  private static boolean fromTheDatabase(Throwable failure) {
    for (Throwable cause = failure;
        cause != null && cause != cause.getCause();
        cause = cause.getCause()) {
      if (cause instanceof SQLException) {
        return true;
      }
    }
    return false;
  }

  /** A trial connection through the circuit: it opens the circuit if the database is gone. */
  private boolean databaseAnswers() {
    try (Connection connection = dataSource.getConnection()) {
      return connection.isValid(1);
    } catch (SQLException | RuntimeException e) {
      return false;
    }
  }

  private void unavailable(String path, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    long seconds = Math.max(1, circuit.retryAfter().toSeconds());
    response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    String accept = request.getHeader(HttpHeaders.ACCEPT);
    boolean page =
        API_PATHS.stream().noneMatch(path::startsWith)
            && accept != null
            && accept.contains(MediaType.TEXT_HTML_VALUE);
    if (page) {
      response.setContentType(MediaType.TEXT_HTML_VALUE);
      // Thymeleaf reads the template from the class path (and caches it): no database needed.
      templates.process(
          "unavailable",
          new Context(Locale.ENGLISH, Map.of("seconds", seconds)),
          response.getWriter());
      return;
    }
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", PROBLEM_TYPE);
    problem.put("title", "Service Unavailable");
    problem.put("status", HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    problem.put(
        "detail",
        "The database cannot be reached. Nothing of this request was saved; try again in "
            + seconds
            + " seconds.");
    problem.put("instance", path);
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getWriter(), problem);
  }
}
