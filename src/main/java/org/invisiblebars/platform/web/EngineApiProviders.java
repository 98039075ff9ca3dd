package org.invisiblebars.platform.web;

import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import java.util.List;
import java.util.stream.Stream;
import org.glassfish.jersey.server.ResourceConfig;
import org.invisiblebars.platform.security.PasswordVerification;
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
 * then) and before the server accepts requests. The latter also learns to suspend requests, as the
 * engine REST API does (see {@link #asyncSupported}).
 */
@Component
class EngineApiProviders implements ResourceConfigCustomizer, SmartInitializingSingleton {

  /** The servlet name given by Camunda's CamundaBpmWebappInitializer. */
  static final String WEBAPP_ENGINE_API = "Engine Api";

  /** One list: the servlet takes one init parameter, and a second {@code setInitParameter} is ignored. */
  static final List<Class<?>> PROVIDERS = Stream.of(List.<Class<?>>of(UnpagedQueryLimit.class, PasswordVerification.class),
      EngineFailures.PROVIDERS, EngineRestInputErrors.PROVIDERS).flatMap(List::stream).toList();

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
    asyncSupported(webappEngineApi);
  }

  /**
   * The external-task long poll ({@code POST /external-task/fetchAndLock}) suspends its request,
   * which Tomcat allows only when the servlet and every filter in front of it support asynchronous
   * processing. The engine REST API's servlet and Spring's filters do; the webapp starter registers
   * the engine API and its own filters without, so the same request answered 500 there. Only that
   * resource ever suspends a request, so the flag changes nothing for the others.
   */
  private void asyncSupported(ServletRegistration webappEngineApi) {
    ((ServletRegistration.Dynamic) webappEngineApi).setAsyncSupported(true);
    String path = webappEngineApi.getMappings().iterator().next().replaceAll("\\*$", "");
    for (FilterRegistration filter : servletContext.getFilterRegistrations().values()) {
      boolean inFront = filter.getServletNameMappings().contains(WEBAPP_ENGINE_API)
          || filter.getUrlPatternMappings().stream().anyMatch(pattern -> pattern.endsWith("/*")
              ? path.startsWith(pattern.substring(0, pattern.length() - 1)) : path.equals(pattern));
      if (inFront) {
        ((FilterRegistration.Dynamic) filter).setAsyncSupported(true);
      }
    }
  }

  @Override
  public void customize(ResourceConfig config) {
    PROVIDERS.forEach(config::register);
  }
}
