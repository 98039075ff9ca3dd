package org.invisiblebars.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml cannot run here (no Docker engine), so this test keeps it consistent with what
 * the application reads: services, health check, volume, port and environment names.
 */
class DockerComposeFileTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z_][A-Z0-9_]*)(?::[^}]*)?}");

  private final JsonNode compose = read("docker-compose.yml");
  private final JsonNode app = compose.at("/services/app");
  private final JsonNode db = compose.at("/services/db");

  @Test
  void databaseIsPostgres17WithHealthCheckAndNamedVolume() {
    assertThat(db.isMissingNode()).as("service db").isFalse();
    assertThat(db.path("image").asText()).startsWith("postgres:17");
    assertThat(db.at("/healthcheck/test").toString()).as("db health check").contains("pg_isready");
    String volume = db.path("volumes").get(0).asText().split(":")[0];
    assertThat(compose.path("volumes").has(volume)).as("named volume " + volume + " declared at the top level").isTrue();
  }

  @Test
  void applicationWaitsForAHealthyDatabase() {
    assertThat(app.isMissingNode()).as("service app").isFalse();
    assertThat(app.at("/depends_on/db/condition").asText()).isEqualTo("service_healthy");
    assertThat(app.at("/environment/SPRING_PROFILES_ACTIVE").asText()).isEqualTo("postgres");
    assertThat(app.at("/environment/DATABASE_URL").asText()).startsWith("jdbc:postgresql://db:5432/");
  }

  @Test
  void applicationPublishesThePortItListensOn() throws IOException {
    String port = defaultOf(read("src/main/resources/application.yaml").at("/server/port").asText());
    assertThat(app.path("ports").toString()).as("app ports").contains("\"8080:" + port + "\"");
    String dockerfile = Files.readString(Path.of("Dockerfile"));
    assertThat(dockerfile).contains("EXPOSE " + port);
    String runtimeStage = dockerfile.substring(dockerfile.lastIndexOf("FROM "));
    assertThat(runtimeStage).as("runtime stage").startsWith("FROM eclipse-temurin:17-jre");
  }

  @Test
  void everyVariableTheApplicationReadsIsSet() throws IOException {
    Set<String> read = new LinkedHashSet<>(placeholders("src/main/resources/application-postgres.yaml"));
    read.add("ADMIN_PASSWORD");
    assertThat(placeholders("src/main/resources/application.yaml")).contains("ADMIN_PASSWORD");

    List<String> missing = new ArrayList<>();
    for (String name : read) {
      if (!app.path("environment").has(name)) {
        missing.add(name);
      }
    }
    assertThat(missing).as("variables read by the application but not set for service app").isEmpty();
    assertThat(app.at("/environment/DATABASE_USERNAME").asText()).isEqualTo(db.at("/environment/POSTGRES_USER").asText());
    assertThat(app.at("/environment/DATABASE_PASSWORD").asText()).isEqualTo(db.at("/environment/POSTGRES_PASSWORD").asText());
  }

  private static Set<String> placeholders(String file) throws IOException {
    Set<String> names = new LinkedHashSet<>();
    Matcher matcher = PLACEHOLDER.matcher(Files.readString(Path.of(file)));
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return names;
  }

  /** {@code ${PORT:8080}} → 8080; a plain value stays as it is. */
  private static String defaultOf(String value) {
    Matcher matcher = Pattern.compile("\\$\\{[^:}]+:([^}]*)}").matcher(value);
    return matcher.matches() ? matcher.group(1) : value;
  }

  private static JsonNode read(String file) {
    try {
      return YAML.readTree(Path.of(file).toFile());
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + file, e);
    }
  }
}
