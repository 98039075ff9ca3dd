package org.invisiblebars.platform.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.ext.Provider;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.metrics.MetricsQueryImpl;

/**
 * The engine's {@code queryMaxResultsLimit} for list requests that ask for no page. The engine
 * refuses any unbounded query of a signed-in user, even one with three results; scripts, tests and
 * Camunda Modeler ask for short lists without paging, while Tasklist and Cockpit page. So a list
 * request without {@code maxResults} is run as a page of the limit's size, and answered only when
 * the whole list fitted: with as many results as the limit (there may be more), it is refused with
 * 400 and the advice to page. An explicit {@code maxResults} above the limit the engine refuses
 * itself. The metrics interval, which the engine bounds itself, keeps its own page (see {@link
 * #metricsInterval}). A Jersey filter of the engine REST API and of the web applications' engine
 * API ({@link EngineRestProviders}); without a limit it does nothing.
 */
@Provider
@PreMatching
@Priority(1)
public class UnpagedQueryLimit implements ContainerRequestFilter, ContainerResponseFilter {

  static final String MAX_RESULTS = "maxResults";

  /**
   * The engine's most rows of a metrics interval query, which it also takes when none is asked for.
   */
  static final int METRICS_INTERVAL_LIMIT = MetricsQueryImpl.DEFAULT_LIMIT_SELECT_INTERVAL;

  /**
   * {@code GET /metrics} of the engine REST API, of a named engine, or of the web applications'
   * engine API.
   */
  private static final Pattern METRICS_INTERVAL =
      Pattern.compile("^/?(?:engine/[^/]+/)?metrics/?$");

  private static final String UNPAGED = UnpagedQueryLimit.class.getName();

  @Override
  public void filter(ContainerRequestContext request) {
    int limit = limit();
    String method = request.getMethod();
    if ("GET".equals(method)
        && METRICS_INTERVAL.matcher(request.getUriInfo().getPath()).matches()) {
      metricsInterval(request);
      return;
    }
    if (limit == Integer.MAX_VALUE
        || !("GET".equals(method) || "POST".equals(method))
        || request.getUriInfo().getQueryParameters().containsKey(MAX_RESULTS)) {
      return;
    }
    // Resources that are not lists ignore the parameter.
    request.setRequestUri(
        request.getUriInfo().getBaseUri(),
        UriBuilder.fromUri(request.getUriInfo().getRequestUri())
            .queryParam(MAX_RESULTS, limit)
            .build());
    request.setProperty(UNPAGED, limit);
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (request.getProperty(UNPAGED) instanceof Integer limit
        && response.getStatus() == 200
        && response.getEntity() instanceof Collection<?> results
        && results.size() >= limit) {
      response.setStatus(Response.Status.BAD_REQUEST.getStatusCode());
      response.setEntity(
          refusal(
              "This list has "
                  + limit
                  + " results or more, the most one request may return: "
                  + "ask for pages with firstResult and maxResults (at most "
                  + limit
                  + ")."),
          response.getEntityAnnotations(),
          MediaType.APPLICATION_JSON_TYPE);
    }
  }

  /**
   * The metrics interval ({@code GET /metrics}) is bounded by the engine itself: unpaged it answers
   * its own page of {@value #METRICS_INTERVAL_LIMIT} rows, as before the query limit (with the
   * limit's page it failed with 500), and a page above that is refused here instead of by a 500.
   */
  private static void metricsInterval(ContainerRequestContext request) {
    String maxResults = request.getUriInfo().getQueryParameters().getFirst(MAX_RESULTS);
    if (maxResults != null
        && maxResults.matches("\\d{1,9}")
        && Integer.parseInt(maxResults) > METRICS_INTERVAL_LIMIT) {
      request.abortWith(
          Response.status(Response.Status.BAD_REQUEST)
              .type(MediaType.APPLICATION_JSON_TYPE)
              .entity(
                  refusal(
                      "The metrics interval returns at most "
                          + METRICS_INTERVAL_LIMIT
                          + " rows a request: "
                          + "ask for maxResults of "
                          + METRICS_INTERVAL_LIMIT
                          + " or fewer."))
              .build());
    }
  }

  /** Camunda's error format, as the other refusals of these APIs. */
  private static Map<String, Object> refusal(String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "InvalidRequestException");
    body.put("message", message);
    return body;
  }

  private static int limit() {
    var engine = ProcessEngines.getDefaultProcessEngine(false);
    return engine == null
        ? Integer.MAX_VALUE
        : ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
            .getQueryMaxResultsLimit();
  }
}
