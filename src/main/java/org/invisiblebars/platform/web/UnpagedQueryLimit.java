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
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * The engine's {@code queryMaxResultsLimit} for list requests that ask for no page. The engine
 * refuses any unbounded query of a signed-in user, even one with three results; scripts, tests and
 * Camunda Modeler ask for short lists without paging, while Tasklist and Cockpit page. So a list
 * request without {@code maxResults} is run as a page of the limit's size, and answered only when
 * the whole list fitted: with as many results as the limit (there may be more), it is refused with
 * 400 and the advice to page. An explicit {@code maxResults} above the limit the engine refuses
 * itself. A Jersey filter of the engine REST API and of the web applications' engine API
 * ({@link EngineRestProviders}); without a limit it does nothing.
 */
@Provider
@PreMatching
@Priority(1)
public class UnpagedQueryLimit implements ContainerRequestFilter, ContainerResponseFilter {

  static final String MAX_RESULTS = "maxResults";
  private static final String UNPAGED = UnpagedQueryLimit.class.getName();

  @Override
  public void filter(ContainerRequestContext request) {
    int limit = limit();
    String method = request.getMethod();
    if (limit == Integer.MAX_VALUE || !("GET".equals(method) || "POST".equals(method))
        || request.getUriInfo().getQueryParameters().containsKey(MAX_RESULTS)) {
      return;
    }
    // Resources that are not lists ignore the parameter.
    request.setRequestUri(request.getUriInfo().getBaseUri(),
        UriBuilder.fromUri(request.getUriInfo().getRequestUri()).queryParam(MAX_RESULTS, limit).build());
    request.setProperty(UNPAGED, limit);
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (request.getProperty(UNPAGED) instanceof Integer limit && response.getStatus() == 200
        && response.getEntity() instanceof Collection<?> results && results.size() >= limit) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("type", "InvalidRequestException");
      body.put("message", "This list has " + limit + " results or more, the most one request may return: "
          + "ask for pages with firstResult and maxResults (at most " + limit + ").");
      response.setStatus(Response.Status.BAD_REQUEST.getStatusCode());
      response.setEntity(body, response.getEntityAnnotations(), MediaType.APPLICATION_JSON_TYPE);
    }
  }

  private static int limit() {
    var engine = ProcessEngines.getDefaultProcessEngine(false);
    return engine == null ? Integer.MAX_VALUE
        : ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getQueryMaxResultsLimit();
  }
}
