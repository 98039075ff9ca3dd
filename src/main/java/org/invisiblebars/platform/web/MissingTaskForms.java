package org.invisiblebars.platform.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.Provider;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code GET …/task/{id}/deployed-form} of a task that does not exist answers 404 like the task's
 * other routes: Camunda 7.24's command dereferences the missing task and answers 500 with a {@code
 * NullPointerException}. Registered on both engine APIs by {@link EngineRestProviders}.
 */
@Provider
public class MissingTaskForms extends SpringBeans implements ContainerRequestFilter {

  private static final Pattern DEPLOYED_FORM = Pattern.compile("task/([^/]+)/deployed-form/?$");

  @Override
  public void filter(ContainerRequestContext request) {
    if (!"GET".equals(request.getMethod())) {
      return;
    }
    Matcher task = DEPLOYED_FORM.matcher(request.getUriInfo().getPath());
    // whether the task exists at all, whoever may see it: a task the caller may not see keeps the
    // engine's own answer (403), as on the task's other routes
    if (task.find()
        && bean(JdbcTemplate.class)
                .queryForObject(
                    "select count(*) from ACT_RU_TASK where ID_ = ?", Long.class, task.group(1))
            == 0) {
      throw new InvalidRequestException(
          Status.NOT_FOUND, "No task " + task.group(1) + " with a form to show");
    }
  }
}
