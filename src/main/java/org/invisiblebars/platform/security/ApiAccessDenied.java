package org.invisiblebars.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.invisiblebars.platform.web.Problems;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;

/**
 * Our API's 403 when a role rule of {@link ApiAccessRules} refuses: the problem details a use
 * case's refusal gets from the API's advice (the same sentence, the path as {@code instance}),
 * written here because the refusal happens in the filter chain, before Spring MVC, whose error page
 * would say something else.
 */
final class ApiAccessDenied implements AccessDeniedHandler {

  private static final AccessDeniedHandler OTHER_REFUSALS = new AccessDeniedHandlerImpl();

  private final ObjectMapper json;

  ApiAccessDenied(ObjectMapper json) {
    this.json = json;
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException refused)
      throws IOException, ServletException {
    if (!(refused instanceof AuthorizationDeniedException)) {
      // not a role rule (a CSRF token missing on the SLA API): the error page's 403, as before
      OTHER_REFUSALS.handle(request, response, refused);
      return;
    }
    ProblemDetail problem = Problems.forbidden();
    try {
      problem.setInstance(URI.create(request.getRequestURI()));
    } catch (IllegalArgumentException notAUri) {
      // a path Tomcat let through but URI refuses: the problem without it, never a 500
    }
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem); // UTF-8, as Spring MVC writes it
  }
}
