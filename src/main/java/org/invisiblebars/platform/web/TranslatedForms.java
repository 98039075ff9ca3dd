package org.invisiblebars.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.invisiblebars.platform.language.FormTranslations;
import org.invisiblebars.platform.language.ReadersLanguage;

/**
 * A task's or a start event's Camunda Form in the reader's language ({@link ReadersLanguage}), on
 * the engine REST API and on the web applications' engine API that Tasklist reads it from ({@code
 * GET …/task/{id}/deployed-form}, {@code …/deployed-start-form}): the form's JSON goes through
 * {@link FormTranslations} on its way out. Registered on both APIs by {@link EngineRestProviders}.
 */
@Provider
public class TranslatedForms extends SpringBeans implements ContainerResponseFilter {

  private static final Pattern DEPLOYED_FORM =
      Pattern.compile("/(deployed-form|deployed-start-form)/?$");

  @Context private HttpServletRequest servletRequest;

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response)
      throws IOException {
    if (response.getStatus() != 200
        || !"GET".equals(request.getMethod())
        || !response.hasEntity()
        || !DEPLOYED_FORM.matcher(request.getUriInfo().getPath()).find()) {
      return;
    }
    Locale language = bean(ReadersLanguage.class).of(reader(), servletRequest);
    response.getHeaders().add(HttpHeaders.VARY, "Accept-Language, Cookie");
    response.getHeaders().putSingle("Content-Language", language.toLanguageTag());
    byte[] form = bytes(response.getEntity());
    if (form == null) {
      return;
    }
    response.setEntity(
        bean(FormTranslations.class).translate(form, language),
        response.getEntityAnnotations(),
        response.getMediaType());
  }

  /** Who reads: the engine's authentication of the request, or the signed-in principal. */
  private String reader() {
    Authentication current = bean(IdentityService.class).getCurrentAuthentication();
    if (current != null && current.getUserId() != null) {
      return current.getUserId();
    }
    return servletRequest.getUserPrincipal() == null
        ? null
        : servletRequest.getUserPrincipal().getName();
  }

  private static byte[] bytes(Object entity) throws IOException {
    if (entity instanceof InputStream stream) {
      try (stream) {
        return stream.readAllBytes();
      }
    }
    if (entity instanceof byte[] array) {
      return array;
    }
    if (entity instanceof String text) {
      return text.getBytes(StandardCharsets.UTF_8);
    }
    return null;
  }
}
