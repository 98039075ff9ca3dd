package org.invisiblebars.platform.web;

import jakarta.servlet.ServletContext;
import jakarta.ws.rs.core.Context;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * Base of our Jersey providers on the engine APIs ({@link EngineRestProviders}): Jersey creates
 * them itself, so they find their Spring bean through the application context of the servlet
 * context when they are called (the web applications' engine API starts before the process engine
 * exists).
 */
public abstract class SpringBeans {

  @Context private ServletContext servletContext;

  protected <T> T bean(Class<T> type) {
    return WebApplicationContextUtils.getRequiredWebApplicationContext(servletContext)
        .getBean(type);
  }
}
