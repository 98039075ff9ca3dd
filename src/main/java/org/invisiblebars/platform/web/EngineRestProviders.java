package org.invisiblebars.platform.web;

import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandler;
import org.camunda.bpm.engine.rest.exception.JsonMappingExceptionHandler;
import org.camunda.bpm.engine.rest.exception.JsonParseExceptionHandler;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.camunda.bpm.webapp.impl.engine.EngineRestApplication;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.servlet.ServletContainer;
import org.glassfish.jersey.servlet.ServletProperties;
import org.invisiblebars.platform.security.PasswordVerification;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Our providers on the two engine REST APIs: {@code /engine-rest}, and the web applications' engine
 * API under {@code /camunda/api/engine} that Tasklist, Cockpit and Admin call. The one place both
 * get them. They answer two people acting on one task at once with 409 ({@link
 * EngineRestConflicts}), our rules' refusals (a task form's invalid input 400, a conflict 409, not
 * found 404: {@link EngineRefusals}) and bad input (malformed or too deep JSON, a password against
 * the policy, a value the database refuses) with 400 ({@link EngineRestInputErrors}), where the
 * engine answers 500; anything else exactly as the engine's mappers do, or with the status the
 * engine's failure stands for where the engine answers 500 ({@link EngineFailures}). Lists without
 * a page run as a page of the query limit ({@link UnpagedQueryLimit}). Each takes the place of the
 * engine's mapper of the same exception type rather than sitting beside it: between two mappers of
 * one type Jersey picks by the order it happens to hold them in, so only one may exist.
 *
 * <ul>
 *   <li>{@code /engine-rest}: the Camunda REST starter registers its Jersey application unless one
 *       of its type exists; ours registers the same resources and providers, with the replacements.
 *   <li>The web applications' engine API is a fixed JAX-RS application that the Camunda web app
 *       starter registers as the servlet "Engine Api" unless a servlet of that name exists; ours is
 *       registered first, on the same path, with the same application and the replacements.
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class EngineRestProviders {

  /** The engine's exception mappers that ours replace, with their replacements. */
  static final Map<Class<?>, Class<?>> REPLACEMENTS =
      Map.of(
          ProcessEngineExceptionHandler.class, EngineExceptions.class,
          RestExceptionHandler.class, RestExceptions.class,
          ExceptionHandler.class, OtherExceptions.class,
          JsonMappingExceptionHandler.class, EngineRestInputErrors.MappingErrors.class,
          JsonParseExceptionHandler.class, EngineRestInputErrors.ParseErrors.class);

  /**
   * Ours beside the engine's: lists without a page run as a page of the query limit, other JSON
   * refusals (too deep), a body that is only {@code null}, password verification for administrators
   * only and throttled, Camunda Forms in the reader's language, 404 for the form of a missing task.
   */
  static final List<Class<?>> ADDED =
      List.of(
          UnpagedQueryLimit.class,
          EngineRestInputErrors.OtherJsonErrors.class,
          EngineRestInputErrors.RequiredBodies.class,
          PasswordVerification.class,
          TranslatedForms.class,
          MissingTaskForms.class);

  /**
   * The name under which the Camunda web app starter registers the engine API (and skips it when
   * taken).
   */
  static final String ENGINE_API_SERVLET = "Engine Api";

  @Bean
  CamundaJerseyResourceConfig engineRest() {
    return new EngineRest();
  }

  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE)
  ServletContextInitializer webappEngineApi(CamundaBpmProperties camunda) {
    return servletContext -> {
      ServletRegistration.Dynamic servlet =
          servletContext.addServlet(ENGINE_API_SERVLET, ServletContainer.class);
      servlet.setInitParameter(
          ServletProperties.JAXRS_APPLICATION_CLASS, WebappEngineApi.class.getName());
      servlet.addMapping(camunda.getWebapp().getApplicationPath() + "/api/engine/*");
      servlet.setAsyncSupported(true);
    };
  }

  /**
   * The external-task long poll ({@code POST /external-task/fetchAndLock}) suspends its request,
   * which Tomcat allows only when the servlet and every filter in front of it support asynchronous
   * processing. The engine REST API's servlet and Spring's filters do; the Camunda web app starter
   * registers its own filters without, so the same request answered 500 on the web applications'
   * engine API. Only that resource ever suspends a request, so the flag changes nothing for the
   * others. Run once every bean exists: the starter's filters are registered by then.
   */
  @Bean
  SmartInitializingSingleton webappEngineApiMaySuspend(ServletContext servletContext) {
    return () -> {
      ServletRegistration engineApi = servletContext.getServletRegistration(ENGINE_API_SERVLET);
      if (engineApi == null) {
        return;
      }
      String path = engineApi.getMappings().iterator().next().replaceAll("\\*$", "");
      for (FilterRegistration filter : servletContext.getFilterRegistrations().values()) {
        boolean inFront =
            filter.getServletNameMappings().contains(ENGINE_API_SERVLET)
                || filter.getUrlPatternMappings().stream()
                    .anyMatch(
                        pattern ->
                            pattern.endsWith("/*")
                                ? path.startsWith(pattern.substring(0, pattern.length() - 1))
                                : path.equals(pattern));
        if (inFront) {
          ((FilterRegistration.Dynamic) filter).setAsyncSupported(true);
        }
      }
    };
  }

  /**
   * Camunda's configuration classes (exception mappers, JSON providers) with our replacements and
   * additions.
   */
  static Set<Class<?>> withReplacements(Set<Class<?>> configuration) {
    Set<Class<?>> classes = new HashSet<>();
    for (Class<?> provider : configuration) {
      classes.add(REPLACEMENTS.getOrDefault(provider, provider));
    }
    classes.addAll(ADDED);
    return classes;
  }

  /**
   * A mapper in place of one of the engine's: ours (conflict, our rules' refusals, bad input), then
   * what the failure means ({@link EngineFailures}).
   */
  abstract static class Answering<E extends Throwable> extends SpringBeans
      implements ExceptionMapper<E> {

    @Context private UriInfo uri;

    @Override
    public Response toResponse(E failure) {
      // conflicts first: a form refused because its task ended meanwhile (its variables went with
      // a cancelled process) is a conflict, not the person's mistake
      return EngineRestConflicts.of(failure, uri)
          .or(() -> bean(EngineRefusals.class).of(failure, uri))
          .or(
              () ->
                  bean(EngineRestInputErrors.class).of(failure, uri == null ? null : uri.getPath()))
          .orElseGet(() -> bean(EngineFailures.class).answer(failure, uri));
    }
  }

  /** In place of the engine's mapper of its exceptions. */
  public static final class EngineExceptions extends Answering<ProcessEngineException> {}

  /**
   * In place of the engine's mapper of the REST layer's exceptions (a completion wraps the engine's
   * in one).
   */
  public static final class RestExceptions extends Answering<RestException> {}

  /**
   * In place of the engine's mapper of any other exception (our use cases' own, thrown through a
   * delegate).
   */
  public static final class OtherExceptions extends Answering<Throwable> {}

  /** {@code /engine-rest}: what the starter's application registers, with our replacements. */
  @ApplicationPath("/engine-rest")
  static class EngineRest extends CamundaJerseyResourceConfig {

    @Override
    protected void registerCamundaRestResources() {
      registerClasses(CamundaRestResources.getResourceClasses());
      registerClasses(withReplacements(CamundaRestResources.getConfigurationClasses()));
      register(JacksonFeature.class);
    }
  }

  /** The web applications' engine API with our replacements. */
  public static class WebappEngineApi extends EngineRestApplication {

    @Override
    public Set<Class<?>> getClasses() {
      return withReplacements(super.getClasses());
    }
  }
}
