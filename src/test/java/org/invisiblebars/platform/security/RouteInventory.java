package org.invisiblebars.platform.security;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import jakarta.ws.rs.core.Application;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointProperties;
import org.springframework.boot.actuate.endpoint.web.WebEndpointsSupplier;
import org.springframework.boot.autoconfigure.web.servlet.JerseyApplicationPath;
import org.springframework.context.ApplicationContext;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every route the running application answers, as {@code METHOD /path/{template}}, read from the
 * application itself rather than written down: Spring MVC's handler mappings (our API and pages),
 * the actuator's exposed web endpoints, the JAX-RS resource model of the engine REST application
 * and of each Camunda web application's JAX-RS application (as registered with the servlet
 * container), sub-resource locators followed to the resources they return.
 *
 * <p>Two aliases are folded, and the matrix asserts them through their other form: the engine REST
 * API serves every resource also below {@code /engine/{name}} for a named engine, and the web
 * applications' engine API ({@code /camunda/api/engine/engine/{name}}) is that named form; both
 * become the {@code /engine-rest} route of the default engine (and the web applications' list of
 * engines that of {@code GET /engine-rest/engine}).
 */
final class RouteInventory {

  static final String ENGINE_REST = "/engine-rest";

  /** The web applications' list of engines, the twin of {@code GET /engine-rest/engine}. */
  static final String WEBAPP_ENGINES = "/camunda/api/engine/engine";

  private static final String JAX_RS_APPLICATION = "jakarta.ws.rs.Application";
  private static final Pattern NAMED_ENGINE =
      Pattern.compile(
          "^(?:/engine-rest/engine/\\{name}|/camunda/api/engine/engine/\\{name})(/.*)$");
  private static final int LOCATOR_DEPTH = 8;

  private RouteInventory() {}

  /** The routes of the running application, aliases folded. */
  static Set<String> of(ApplicationContext context) {
    Set<String> routes = new TreeSet<>();
    springMvc(context, routes);
    actuator(context, routes);
    ResourceConfig engineRest = context.getBean(ResourceConfig.class);
    String engineRestPath = context.getBean(JerseyApplicationPath.class).getPath();
    jaxRs(engineRest.getClasses(), engineRestPath, routes);
    ServletContext servlets = ((WebApplicationContext) context).getServletContext();
    for (ServletRegistration servlet : servlets.getServletRegistrations().values()) {
      String application = servlet.getInitParameter(JAX_RS_APPLICATION);
      if (application != null) {
        for (String mapping : servlet.getMappings()) {
          jaxRs(instantiate(application).getClasses(), mapping.replaceAll("/\\*$", ""), routes);
        }
      }
    }
    Set<String> folded = new TreeSet<>();
    for (String route : routes) {
      folded.add(fold(route));
    }
    return folded;
  }

  /**
   * The default engine's route for a named engine's: {@code GET /engine-rest/engine/{name}/task}
   * becomes {@code GET /engine-rest/task}.
   */
  static String fold(String route) {
    int space = route.indexOf(' ');
    String path = route.substring(space + 1);
    var named = NAMED_ENGINE.matcher(path);
    if (named.matches()) {
      return route.substring(0, space) + " " + ENGINE_REST + named.group(1);
    }
    return path.equals(WEBAPP_ENGINES)
        ? route.substring(0, space) + " " + ENGINE_REST + "/engine"
        : route;
  }

  private static void springMvc(ApplicationContext context, Set<String> routes) {
    RequestMappingHandlerMapping mapping =
        context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
    for (var handler : mapping.getHandlerMethods().entrySet()) {
      HandlerMethod method = handler.getValue();
      if (!method.getBeanType().getPackageName().startsWith("org.invisiblebars")) {
        continue;
      }
      RequestMappingInfo info = handler.getKey();
      Set<String> methods = new TreeSet<>();
      info.getMethodsCondition().getMethods().forEach(m -> methods.add(m.name()));
      if (methods.isEmpty()) {
        methods.add("ANY");
      }
      for (String pattern : info.getPatternValues()) {
        methods.forEach(m -> routes.add(m + " " + pattern));
      }
    }
  }

  private static void actuator(ApplicationContext context, Set<String> routes) {
    String base = context.getBean(WebEndpointProperties.class).getBasePath();
    routes.add("GET " + base);
    for (var endpoint : context.getBean(WebEndpointsSupplier.class).getEndpoints()) {
      for (var operation : endpoint.getOperations()) {
        var predicate = operation.getRequestPredicate();
        routes.add(predicate.getHttpMethod().name() + " " + base + "/" + predicate.getPath());
      }
    }
  }

  private static void jaxRs(Collection<Class<?>> classes, String prefix, Set<String> routes) {
    for (Class<?> type : classes) {
      Resource resource = Resource.from(type);
      if (resource != null) {
        resources(resource, join(prefix, resource.getPath()), routes, 0);
      }
    }
  }

  /**
   * The routes of a resource at {@code path}. A sub-resource locator's return type is a resource
   * too, whose own class-level {@code @Path} JAX-RS ignores: the locator's path is where it lives.
   */
  private static void resources(Resource resource, String path, Set<String> routes, int depth) {
    for (ResourceMethod method : resource.getResourceMethods()) {
      routes.add(method.getHttpMethod() + " " + path);
    }
    ResourceMethod locator = resource.getResourceLocator();
    if (locator != null && depth < LOCATOR_DEPTH) {
      Resource located = Resource.builder(locator.getInvocable().getRawResponseType()).build();
      resources(located, path, routes, depth + 1);
    }
    for (Resource child : resource.getChildResources()) {
      resources(child, join(path, child.getPath()), routes, depth);
    }
  }

  private static String join(String prefix, String path) {
    if (path == null || path.isEmpty() || path.equals("/")) {
      return prefix;
    }
    String joined = (prefix + "/" + path).replaceAll("/{2,}", "/");
    return joined.length() > 1 && joined.endsWith("/")
        ? joined.substring(0, joined.length() - 1)
        : joined;
  }

  private static Application instantiate(String type) {
    try {
      return (Application) Class.forName(type).getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read the JAX-RS application " + type, e);
    }
  }
}
