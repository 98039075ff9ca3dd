package org.invisiblebars.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A browser-like session with the Camunda web applications: it keeps cookies and sends the CSRF
 * token that the web applications require on every write, as Tasklist itself does.
 */
public final class WebappSession {

  private final String baseUrl;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient client;

  public WebappSession(String baseUrl) {
    this.baseUrl = baseUrl;
    this.client = HttpClient.newBuilder().cookieHandler(cookies).build();
    get("/camunda/app/tasklist/default/");
  }

  /** Logs in to a web application ("tasklist", "cockpit", "admin"); returns the HTTP status. */
  public int login(String userId, String password, String application) {
    String form = "username=" + encode(userId) + "&password=" + encode(password);
    int status =
        send(
                request("/camunda/api/admin/auth/user/default/login/" + application)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)))
            .statusCode();
    // The login starts a new session; its CSRF token comes with the next read, as in the browser.
    get("/camunda/api/admin/auth/user/default");
    return status;
  }

  public HttpResponse<String> get(String path) {
    return send(request(path).GET());
  }

  public HttpResponse<String> postJson(String path, String json) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** Posts an HTML form, as a browser does with a {@code <form method="post">}. */
  public HttpResponse<String> postForm(String path, java.util.Map<String, String> fields) {
    String form = fields.entrySet().stream().map(f -> encode(f.getKey()) + "=" + encode(f.getValue()))
        .collect(java.util.stream.Collectors.joining("&"));
    return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  /** Any request, as a web application sends it (its session cookie and CSRF token); {@code body} may be null. */
  public HttpResponse<String> send(String method, String path, String contentType, String accept, byte[] body) {
    HttpRequest.Builder request = request(path).setHeader("Accept", accept);
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return send(request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", "application/json, text/html");
    cookies.getCookieStore().getCookies().stream()
        .filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
        .reduce((first, second) -> second)
        .ifPresent(cookie -> builder.header("X-XSRF-TOKEN", cookie.getValue()));
    return builder;
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
