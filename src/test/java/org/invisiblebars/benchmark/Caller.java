package org.invisiblebars.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * One person's HTTP client against one application, as an API client or Tasklist's own requests
 * reach it: HTTP Basic on every request for ours (no session), no credentials on the bare engine,
 * whose REST API has none. Every caller shares one {@link HttpClient} and its kept-alive
 * connections.
 */
final class Caller {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  static final String HAL = "application/hal+json";

  /** An answer and how long it took, from sending the request to the last byte of the body. */
  record Answer(String request, int status, String body, long nanos) {

    boolean ok() {
      return status / 100 == 2;
    }

    /** This answer, or a failure naming the request, its status and body when it is no success. */
    Answer requireOk() {
      if (!ok()) {
        throw new IllegalStateException(request + " answered " + status + ": " + body);
      }
      return this;
    }

    double millis() {
      return nanos / 1e6;
    }

    JsonNode json() {
      if (!ok()) {
        throw new IllegalStateException(request + " answered " + status + ": " + body);
      }
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private final String baseUrl;
  private final String user;
  private final String password;
  private final String authorization;
  private final Duration timeout;

  private Caller(String baseUrl, String user, String password, Duration timeout) {
    this.baseUrl = baseUrl;
    this.user = user;
    this.password = password;
    this.authorization =
        password == null
            ? null
            : "Basic "
                + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    this.timeout = timeout;
  }

  /**
   * {@code user} signing in with {@code password}; a null password sends no credentials (the bare
   * engine).
   */
  static Caller of(String baseUrl, String user, String password) {
    return new Caller(baseUrl, user, password, Duration.ofSeconds(60));
  }

  /** The same person, giving up on an answer after {@code timeout}. */
  Caller waitingAtMost(Duration timeout) {
    return new Caller(baseUrl, user, password, timeout);
  }

  String user() {
    return user;
  }

  Answer get(String path) {
    return send(request(path).GET(), "GET " + path);
  }

  Answer get(String path, String accept) {
    return send(request(path).header("Accept", accept).GET(), "GET " + path);
  }

  Answer post(String path, Object body) {
    return post(path, body, "application/json");
  }

  Answer post(String path, Object body, String accept) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .header("Accept", accept)
            .POST(HttpRequest.BodyPublishers.ofString(json(body))),
        "POST " + path);
  }

  /** A JSON POST with an {@code Idempotency-Key}, as the NGO API's clients send new requests. */
  Answer postOnce(String path, Object body, String idempotencyKey) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", idempotencyKey)
            .POST(HttpRequest.BodyPublishers.ofString(json(body))),
        "POST " + path);
  }

  Answer put(String path) {
    return send(request(path).PUT(HttpRequest.BodyPublishers.noBody()), "PUT " + path);
  }

  Answer multipart(String path, String boundary, byte[] body) {
    return send(
        request(path)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)),
        "POST " + path);
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout);
    if (authorization != null) {
      builder.header("Authorization", authorization);
    }
    return builder;
  }

  private static Answer send(HttpRequest.Builder request, String name) {
    long start = System.nanoTime();
    try {
      HttpResponse<String> response =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(name, response.statusCode(), response.body(), System.nanoTime() - start);
    } catch (HttpTimeoutException e) {
      return new Answer(name, 0, "no answer within the timeout", System.nanoTime() - start);
    } catch (IOException e) {
      return new Answer(name, 0, String.valueOf(e), System.nanoTime() - start);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String json(Object body) {
    try {
      return body instanceof String text ? text : JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
