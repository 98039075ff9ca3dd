package org.invisiblebars.platform.web;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import java.util.List;
import java.util.stream.Stream;
import org.glassfish.jersey.server.ResourceConfig;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.glassfish.jersey.server.ServerProperties;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

/**
 * Adds our Jersey providers to both engine APIs: the engine REST API ({@code /engine-rest}, the
 * starter's Jersey application) and the engine API the Camunda web applications call ({@code
 * /camunda/api/engine}, a Jersey servlet the webapp starter registers as "Engine Api" with a fixed
 * application class). The latter takes them as an init parameter, read when the servlet starts on
 * its first request: set once every bean exists (the webapp starter has registered the servlet by
 * then) and before the server accepts requests.
 */
@Component
class EngineApiProviders implements ResourceConfigCustomizer, SmartInitializingSingleton {

  /** The servlet name given by Camunda's CamundaBpmWebappInitializer. */
  static final String WEBAPP_ENGINE_API = "Engine Api";

  /** One list: the servlet takes one init parameter, and a second {@code setInitParameter} is ignored. */
  static final List<Class<?>> PROVIDERS = Stream.concat(Stream.of(TaskInputErrors.Mapper.class, UnpagedQueryLimit.class),
      EngineRestInputErrors.PROVIDERS.stream()).toList();

  private final ServletContext servletContext;

  EngineApiProviders(ServletContext servletContext) {
    this.servletContext = servletContext;
  }

  @Override
  public void afterSingletonsInstantiated() {
    ServletRegistration webappEngineApi = servletContext.getServletRegistration(WEBAPP_ENGINE_API);
    if (webappEngineApi == null) {
      throw new IllegalStateException("The Camunda web applications' servlet '" + WEBAPP_ENGINE_API + "' is missing: "
          + "their engine API would answer refused forms with 500 and unpaged lists without a limit");
    }
    webappEngineApi.setInitParameter(ServerProperties.PROVIDER_CLASSNAMES,
        String.join(",", PROVIDERS.stream().map(Class::getName).toList()));
  }

  @Override
  public void customize(ResourceConfig config) {
    PROVIDERS.forEach(config::register);
  }
}
