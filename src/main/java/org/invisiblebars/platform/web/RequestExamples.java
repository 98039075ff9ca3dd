package org.invisiblebars.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * Examples of request bodies, kept as JSON files beside the application's resources in {@code
 * openapi/examples/}, named after the operation: {@code POST /api/v1/visits} reads {@code
 * post-visits.json}, {@code POST /api/v1/accreditations/{id}/information} {@code
 * post-accreditations-id-information.json}. A file because a JSON body is easier to read and check
 * as a file than in a Java annotation (whose name, {@code RequestBody}, would also clash with
 * Spring's in every controller).
 */
@Component
class RequestExamples implements OpenApiCustomizer {

  static final String FOLDER = "openapi/examples/";
  private static final String PREFIX = "/api/v1/";

  private final ObjectMapper json;

  RequestExamples(ObjectMapper json) {
    this.json = json;
  }

  @Override
  public void customise(OpenAPI api) {
    api.getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap()
                    .forEach(
                        (method, operation) -> {
                          if (operation.getRequestBody() == null
                              || operation.getRequestBody().getContent() == null) {
                            return;
                          }
                          Resource example = new ClassPathResource(FOLDER + fileName(method, path));
                          if (!example.exists()) {
                            return;
                          }
                          Object body = read(example);
                          operation
                              .getRequestBody()
                              .getContent()
                              .values()
                              .forEach((MediaType media) -> media.setExample(body));
                        }));
  }

  /** {@code post-accreditations-id-information.json} for that route. */
  static String fileName(PathItem.HttpMethod method, String path) {
    String route = path.startsWith(PREFIX) ? path.substring(PREFIX.length()) : path;
    return method.name().toLowerCase(Locale.ROOT)
        + "-"
        + route.replaceAll("[{}]", "").replace('/', '-')
        + ".json";
  }

  private Object read(Resource example) {
    try (InputStream in = example.getInputStream()) {
      return json.readValue(in, Object.class);
    } catch (IOException e) {
      throw new UncheckedIOException("example " + example, e);
    }
  }
}
