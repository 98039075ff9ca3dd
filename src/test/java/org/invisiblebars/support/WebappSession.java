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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A browser-like session with the Camunda web applications: it keeps cookies and sends the CSRF
 * token that the web applications require on every write, as Tasklist itself does.
 */
public final class WebappSession {

  private static final String ACCEPT = "application/json, text/html";

  private final String baseUrl;
  private final CookieManager cookies;
  private final HttpClient client;
  private final String clientAddress;

  public WebappSession(String baseUrl) {
    this(baseUrl, null);
  }

  /**
   * A session of a client at {@code clientAddress}, sent as {@code X-Forwarded-For} as the
   * production proxy does (the application trusts it from the local test client).
   */
  public WebappSession(String baseUrl, String clientAddress) {
    this(baseUrl, clientAddress, new LocalhostIsSecure());
    get("/camunda/app/tasklist/default/");
  }

  private WebappSession(String baseUrl, String clientAddress, CookieManager cookies) {
    this.baseUrl = baseUrl;
    this.clientAddress = clientAddress;
    this.cookies = cookies;
    this.client = HttpClient.newBuilder().cookieHandler(cookies).build();
  }

  /**
   * The same browser, with the same cookies, talking to another node of the application (as when a
   * load balancer sends the next request elsewhere).
   */
  public WebappSession on(String otherBaseUrl) {
    return new WebappSession(otherBaseUrl, clientAddress, cookies);
  }

  /** Logs in to a web application ("tasklist", "cockpit", "admin"); returns the HTTP status. */
  public int login(String userId, String password, String application) {
    return loginResponse(userId, password, application).statusCode();
  }

  /** Logs in to a web application; returns the whole answer of the login request. */
  public HttpResponse<String> loginResponse(String userId, String password, String application) {
    String form = "username=" + encode(userId) + "&password=" + encode(password);
    HttpResponse<String> response =
        send(
            request("/camunda/api/admin/auth/user/default/login/" + application)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    // The login starts a new session; its CSRF token comes with the next read, as in the browser.
    get("/camunda/api/admin/auth/user/default");
    return response;
  }

  public HttpResponse<String> get(String path) {
    return send(request(path).GET());
  }

  /** A GET with headers of its own, e.g. to have the test server count what the request costs. */
  public HttpResponse<String> get(String path, Map<String, String> headers) {
    HttpRequest.Builder request = request(path);
    headers.forEach(request::header);
    return send(request.GET());
  }

  public HttpResponse<String> postJson(String path, String json) {
    return postJson(path, json, ACCEPT);
  }

  /**
   * Posts JSON asking for a media type of its own, e.g. Tasklist's filter lists as {@code
   * application/hal+json}.
   */
  public HttpResponse<String> postJson(String path, String json, String accept) {
    return send(
        request(path, accept)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** Posts an HTML form, as a browser does with a {@code <form method="post">}. */
  public HttpResponse<String> postForm(String path, Map<String, String> fields) {
    String form =
        fields.entrySet().stream()
            .map(f -> encode(f.getKey()) + "=" + encode(f.getValue()))
            .collect(Collectors.joining("&"));
    return send(
        request(path)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  /**
   * Posts a multipart form (fields, then files named by their file name), as Camunda Modeler
   * deploys.
   */
  public HttpResponse<String> postMultipart(
      String path, Map<String, String> fields, Map<String, String> files) {
    String boundary = "----invisible-bars-" + UUID.randomUUID();
    StringBuilder body = new StringBuilder();
    fields.forEach(
        (name, value) ->
            body.append("--")
                .append(boundary)
                .append("\r\n")
                .append("Content-Disposition: form-data; name=\"")
                .append(name)
                .append("\"\r\n\r\n")
                .append(value)
                .append("\r\n"));
    files.forEach(
        (name, content) ->
            body.append("--")
                .append(boundary)
                .append("\r\n")
                .append("Content-Disposition: form-data; name=\"")
                .append(name)
                .append("\"; filename=\"")
                .append(name)
                .append("\"\r\n")
                .append("Content-Type: application/octet-stream\r\n\r\n")
                .append(content)
                .append("\r\n"));
    body.append("--").append(boundary).append("--\r\n");
    return send(
        request(path)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
  }

  /**
   * Any request, as a web application sends it (its session cookie and CSRF token); {@code body}
   * may be null.
   */
  public HttpResponse<String> send(
      String method, String path, String contentType, String accept, byte[] body) {
    HttpRequest.Builder request = request(path).setHeader("Accept", accept);
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return send(
        request.method(
            method,
            body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  private HttpRequest.Builder request(String path) {
    return request(path, ACCEPT);
  }

  private HttpRequest.Builder request(String path, String accept) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", accept);
    if (clientAddress != null) {
      builder.header("X-Forwarded-For", clientAddress);
    }
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

  /**
   * A cookie store that sends {@code Secure} cookies back to {@code http://localhost}, as browsers
   * do (they count localhost as a secure context): the production profile marks the session cookie
   * Secure.
   */
  public static CookieManager browserLikeCookies() {
    return new LocalhostIsSecure();
  }

  private static final class LocalhostIsSecure extends CookieManager {

    @Override
    public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers)
        throws IOException {
      boolean localhost = "http".equals(uri.getScheme()) && "localhost".equals(uri.getHost());
      return super.get(
          localhost ? URI.create("https" + uri.toString().substring(4)) : uri, headers);
    }
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
