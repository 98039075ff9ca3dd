package org.invisiblebars.platform.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Mitigates CVE-2026-109432: Camunda 7.24.0 evaluates expressions nested in {@code orQueries} of an
 * ad-hoc task query although it refuses them at the top level, so any logged-in user could run
 * expressions on the server. Every task query a client sends (query parameters or JSON body of the
 * task endpoints, and the extending query of a stored filter's list/count) is refused with 400 when
 * it carries a key ending in {@code Expression}, anywhere at the top level or inside {@code
 * orQueries}. Stored filters keep their expressions; only {@code camunda-admin} may write filters.
 */
class ExpressionQueryGuardFilter extends OncePerRequestFilter {

  /**
   * The engine REST API ({@code /engine-rest}, optionally with {@code /engine/{name}}) and the
   * engine API that Tasklist and Cockpit call ({@code /camunda/api/engine/engine/{name}}).
   */
  private static final Pattern ENGINE_API =
      Pattern.compile("^(?:/engine-rest(?:/engine/[^/]+)?|/camunda/api/engine/engine/[^/]+)(/.*)$");

  private static final Pattern TASK_RESOURCE = Pattern.compile("^/task(?:/.*)?$");

  /** Endpoints whose JSON body is itself a task query. */
  private static final Pattern TASK_QUERY_BODY =
      Pattern.compile("^(?:/task(?:/count)?|/filter/[^/]+/(?:list|count|singleResult))/?$");

  private static final String OR_QUERIES = "orQueries";

  private final ObjectMapper objectMapper;

  ExpressionQueryGuardFilter(ObjectMapper objectMapper) {
    this.objectMapper = objectMapper;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    var matcher =
        ENGINE_API.matcher(request.getRequestURI().substring(request.getContextPath().length()));
    if (!matcher.matches()) {
      chain.doFilter(request, response);
      return;
    }
    String resource = matcher.group(1);
    boolean taskResource = TASK_RESOURCE.matcher(resource).matches();
    boolean queryBody = TASK_QUERY_BODY.matcher(resource).matches();
    if (!taskResource && !queryBody) {
      chain.doFilter(request, response);
      return;
    }

    Optional<String> parameter = expressionKeyInQueryString(request.getQueryString());
    if (parameter.isPresent()) {
      refuse(response, parameter.get());
      return;
    }
    if (!queryBody || !hasBody(request)) {
      chain.doFilter(request, response);
      return;
    }
    CachedBodyRequest cached = CachedBodyRequest.of(request);
    if (cached == null) {
      response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
      return;
    }
    Optional<String> key = expressionKey(cached);
    if (key.isPresent()) {
      refuse(response, key.get());
      return;
    }
    chain.doFilter(cached, response);
  }

  private static boolean hasBody(HttpServletRequest request) {
    return request.getContentLengthLong() != 0 && !"GET".equals(request.getMethod());
  }

  /**
   * Reads the query string itself: asking the container for parameters could consume a form body.
   */
  private static Optional<String> expressionKeyInQueryString(String queryString) {
    return UrlEncoded.pairs(queryString)
        .map(Map.Entry::getKey)
        .filter(ExpressionQueryGuardFilter::isExpressionKey)
        .findFirst();
  }

  private Optional<String> expressionKey(CachedBodyRequest request) {
    if (request.body().length == 0) {
      return Optional.empty();
    }
    try {
      return expressionKey(objectMapper.readTree(request.body()), "");
    } catch (IOException notJson) {
      // The engine answers malformed bodies itself; nothing here can be evaluated.
      return Optional.empty();
    }
  }

  private static Optional<String> expressionKey(JsonNode query, String path) {
    if (query == null || !query.isObject()) {
      return Optional.empty();
    }
    for (Iterator<Map.Entry<String, JsonNode>> fields = query.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (isExpressionKey(field.getKey())) {
        return Optional.of(path + field.getKey());
      }
      if (OR_QUERIES.equals(field.getKey()) && field.getValue().isArray()) {
        for (int i = 0; i < field.getValue().size(); i++) {
          Optional<String> nested =
              expressionKey(field.getValue().get(i), path + OR_QUERIES + "[" + i + "].");
          if (nested.isPresent()) {
            return nested;
          }
        }
      }
    }
    return Optional.empty();
  }

  private static boolean isExpressionKey(String key) {
    return key.regionMatches(
        true, key.length() - "Expression".length(), "Expression", 0, "Expression".length());
  }

  private void refuse(HttpServletResponse response, String field) throws IOException {
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    response.setContentType("application/json");
    String detail = "Expressions are not allowed in task queries sent by clients.";
    objectMapper.writeValue(
        response.getOutputStream(),
        Map.of(
            "type",
            "InvalidRequestException",
            "status",
            400,
            "field",
            field,
            "message",
            "'" + field + "': " + detail));
  }
}
