package org.invisiblebars.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
  private static final Pattern PLACEHOLDER =
      Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::[^}]*)?}");

  private final JsonNode compose = read("docker-compose.yml");
  private final JsonNode db = service("db");
  private final JsonNode app = service("app");

  @Test
  void databaseIsPostgres17WithHealthCheckAndNamedVolume() {
    assertThat(db.path("image").asText()).as("image of service db").startsWith("postgres:17");
    assertThat(db.at("/healthcheck/test").toString())
        .as("healthcheck.test of service db")
        .contains("pg_isready");

    List<String> namedVolumes = new ArrayList<>();
    for (JsonNode mount : db.path("volumes")) {
      String source =
          mount.isTextual() ? mount.asText().split(":")[0] : mount.path("source").asText();
      if (!source.isEmpty()
          && !source.startsWith(".")
          && !source.startsWith("/")
          && !source.startsWith("~")) {
        namedVolumes.add(source);
      }
    }
    assertThat(namedVolumes).as("named volumes mounted by service db").isNotEmpty();
    for (String volume : namedVolumes) {
      assertThat(compose.path("volumes").has(volume))
          .as("volume %s of service db is declared under the top-level volumes:", volume)
          .isTrue();
    }
  }

  @Test
  void applicationWaitsForAHealthyDatabase() {
    assertThat(app.at("/depends_on/db/condition").asText())
        .as("depends_on.db.condition of service app (long form)")
        .isEqualTo("service_healthy");
    assertThat(environment(app).get("SPRING_PROFILES_ACTIVE"))
        .as("SPRING_PROFILES_ACTIVE of service app")
        .isEqualTo("postgres");
    assertThat(environment(app).get("DATABASE_URL"))
        .as("DATABASE_URL of service app")
        .startsWith("jdbc:postgresql://db:5432/");
  }

  @Test
  void applicationPublishesThePortItListensOn() throws IOException {
    String port =
        defaultOf(read("src/main/resources/application.yaml").at("/server/port").asText("8080"));

    List<String> containerPorts = new ArrayList<>();
    for (JsonNode published : app.path("ports")) {
      if (published.isObject()) {
        containerPorts.add(published.path("target").asText());
      } else {
        String spec = published.asText().replaceFirst("/(tcp|udp)$", "");
        containerPorts.add(spec.substring(spec.lastIndexOf(':') + 1));
      }
    }
    assertThat(containerPorts)
        .as(
            "container ports published by service app (server.port in application.yaml is %s)",
            port)
        .contains(port);

    String dockerfile = Files.readString(Path.of("Dockerfile"));
    String runtimeStage = dockerfile.substring(Math.max(0, dockerfile.lastIndexOf("\nFROM ") + 1));
    assertThat(runtimeStage.lines().findFirst().orElse(""))
        .as("FROM line of the Dockerfile's runtime (last) stage")
        .matches("FROM eclipse-temurin:17(\\.[0-9._]+)?-jre\\b.*");
    assertThat(runtimeStage.lines().map(String::strip))
        .as("EXPOSE in the Dockerfile's runtime stage (server.port is %s)", port)
        .contains("EXPOSE " + port);
  }

  @Test
  void everyVariableTheApplicationReadsIsSet() throws IOException {
    assertThat(
            read("src/main/resources/application.yaml")
                .at("/invisible-bars/admin/password")
                .asText())
        .as("invisible-bars.admin.password in application.yaml")
        .contains("${ADMIN_PASSWORD");

    Set<String> read =
        new LinkedHashSet<>(placeholders("src/main/resources/application-postgres.yaml"));
    read.add("ADMIN_PASSWORD");
    Map<String, String> environment = environment(app);
    List<String> missing = new ArrayList<>();
    for (String name : read) {
      if (!environment.containsKey(name)) {
        missing.add(name);
      }
    }
    assertThat(missing)
        .as("variables the application reads but service app's environment does not set")
        .isEmpty();

    Map<String, String> database = environment(db);
    assertThat(environment.get("DATABASE_USERNAME"))
        .as("DATABASE_USERNAME of service app against POSTGRES_USER of service db")
        .isEqualTo(database.get("POSTGRES_USER"));
    assertThat(environment.get("DATABASE_PASSWORD"))
        .as("DATABASE_PASSWORD of service app against POSTGRES_PASSWORD of service db")
        .isEqualTo(database.get("POSTGRES_PASSWORD"));
  }

  /**
   * The documented way to run two nodes ({@code docker compose --profile two-nodes up}): a second
   * node like the first, started once the first is ready (the first start creates the engine's
   * tables), and nginx in front of both, whose configuration in the repository names every node on
   * the port the application listens on.
   */
  @Test
  void twoNodesRunBehindTheLoadBalancer() throws IOException {
    String port =
        defaultOf(read("src/main/resources/application.yaml").at("/server/port").asText("8080"));
    JsonNode second = service("app-2");
    JsonNode lb = service("lb");
    assertThat(profiles(second)).as("profiles of service app-2").containsExactly("two-nodes");
    assertThat(profiles(lb)).as("profiles of service lb").containsExactly("two-nodes");
    assertThat(second.path("build"))
        .as("build of service app-2, as of service app")
        .isEqualTo(app.path("build"));
    assertThat(environment(second))
        .as("environment of service app-2, as of service app")
        .isEqualTo(environment(app));
    assertThat(second.at("/depends_on/app/condition").asText())
        .as("app-2 waits for a ready app")
        .isEqualTo("service_healthy");
    assertThat(second.at("/depends_on/db/condition").asText())
        .as("app-2 waits for a healthy db")
        .isEqualTo("service_healthy");
    assertThat(second.has("ports")).as("app-2 is reached through the load balancer only").isFalse();
    for (JsonNode node : List.of(app, second)) {
      assertThat(node.at("/healthcheck/test").toString())
          .as("health check of each node: ready, on its port")
          .contains("/actuator/health/readiness", "/" + port);
    }

    assertThat(lb.path("image").asText())
        .as("image of service lb: a maintained proxy, a pinned version")
        .matches("nginx:\\d+\\.\\d+[-.\\w]*");
    assertThat(lb.at("/depends_on/app/condition").asText()).isEqualTo("service_healthy");
    assertThat(lb.at("/depends_on/app-2/condition").asText()).isEqualTo("service_healthy");
    String mount = lb.path("volumes").get(0).asText();
    assertThat(mount)
        .as("the configuration mounted into service lb")
        .endsWith(":/etc/nginx/nginx.conf:ro");
    String config = Files.readString(Path.of(mount.substring(0, mount.indexOf(':'))));

    List<String> upstream = new ArrayList<>();
    Matcher server = Pattern.compile("(?m)^\\s*server\\s+([\\w.-]+:\\d+)").matcher(config);
    while (server.find()) {
      upstream.add(server.group(1));
    }
    assertThat(upstream)
        .as("the nodes in the upstream of %s", mount)
        .containsExactlyInAnyOrder("app:" + port, "app-2:" + port);
    Matcher listen = Pattern.compile("(?m)^\\s*listen\\s+(\\d+)").matcher(config);
    assertThat(listen.find()).as("listen in %s", mount).isTrue();
    String published = lb.path("ports").get(0).asText();
    assertThat(published.substring(published.lastIndexOf(':') + 1))
        .as("the port service lb publishes, against nginx's listen")
        .isEqualTo(listen.group(1));
  }

  private static List<String> profiles(JsonNode service) {
    List<String> profiles = new ArrayList<>();
    service.path("profiles").forEach(profile -> profiles.add(profile.asText()));
    return profiles;
  }

  private JsonNode service(String name) {
    JsonNode service = compose.path("services").path(name);
    assertThat(service.isObject()).as("service %s in docker-compose.yml", name).isTrue();
    return service;
  }

  /** Both forms Compose allows: a mapping, or a list of {@code NAME=value}. */
  private static Map<String, String> environment(JsonNode service) {
    Map<String, String> environment = new LinkedHashMap<>();
    JsonNode node = service.path("environment");
    if (node.isArray()) {
      for (JsonNode entry : node) {
        String[] pair = entry.asText().split("=", 2);
        environment.put(pair[0], pair.length > 1 ? pair[1] : "");
      }
    } else {
      node.fields()
          .forEachRemaining(field -> environment.put(field.getKey(), field.getValue().asText()));
    }
    return environment;
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
