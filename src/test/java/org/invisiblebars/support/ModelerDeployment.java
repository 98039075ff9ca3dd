package org.invisiblebars.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * A deployment as Camunda Modeler sends it to {@code POST /engine-rest/deployment/create}: a
 * multipart form with the deployment's name and source and one part per file, named by the file.
 */
public final class ModelerDeployment {

  private final String name;
  private final Map<String, byte[]> files = new LinkedHashMap<>();

  private ModelerDeployment(String name) {
    this.name = name;
  }

  public static ModelerDeployment named(String name) {
    return new ModelerDeployment(name);
  }

  public ModelerDeployment file(String fileName, String content) {
    return file(fileName, content.getBytes(StandardCharsets.UTF_8));
  }

  public ModelerDeployment file(String fileName, byte[] content) {
    files.put(fileName, content);
    return this;
  }

  /** A file of the repository (e.g. {@code processes/sla-policy.dmn}), under its own file name. */
  public ModelerDeployment repositoryFile(String path) {
    return file(Path.of(path).getFileName().toString(), read(path));
  }

  /**
   * Every form of the repository ({@code forms/*.form}), which models bind by deployment and so
   * must travel with them.
   */
  public ModelerDeployment withRepositoryForms() {
    try (Stream<Path> forms = Files.list(Path.of("forms"))) {
      forms
          .map(Path::toString)
          .filter(path -> path.endsWith(".form"))
          .sorted()
          .forEach(this::repositoryFile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  public static String text(String repositoryPath) {
    return new String(read(repositoryPath), StandardCharsets.UTF_8);
  }

  /** The multipart body; the web applications' engine API takes the same form. */
  public MultiValueMap<String, Object> body() {
    MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
    body.add("deployment-name", name);
    body.add("deployment-source", "Camunda Modeler");
    files.forEach(
        (fileName, content) ->
            body.add(
                fileName,
                new ByteArrayResource(content) {
                  @Override
                  public String getFilename() {
                    return fileName;
                  }
                }));
    return body;
  }

  public ResponseEntity<String> deployAs(TestRestTemplate user) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return user.postForEntity(
        "/engine-rest/deployment/create", new HttpEntity<>(body(), headers), String.class);
  }

  private static byte[] read(String repositoryPath) {
    try {
      return Files.readAllBytes(Path.of(repositoryPath));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
