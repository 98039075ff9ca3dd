package org.invisiblebars.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.invisiblebars.platform.web.Problems;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriUtils;

/**
 * The shape of every request, before anything reads it; each refusal is RFC 9457 problem details.
 *
 * <ul>
 *   <li>A body larger than the limit is refused with 413: by its declared length before a byte of
 *       it is read, or, sent in chunks without a length, once the limit is passed (chunked bodies
 *       are buffered up to the limit for that). Neither Tomcat nor Spring limits a JSON body, and
 *       Jackson reads 50 MB of text before it finds anything wrong; the engine REST API answered
 *       such bodies with 500 and the parser's message.
 *   <li>A path not written the usual way is refused with 400: empty or dot segments, {@code ;}
 *       parameters, escaped letters, digits or slashes. Tomcat routes such a path by its normalised
 *       form while filters and Spring compare the raw one; the difference let {@code
 *       /camunda/api//admin/setup/...} pass the setup guard's string comparison and then fail with
 *       500 further on.
 *   <li>Control characters in the path or a query parameter are refused with 400 naming the
 *       parameter: PostgreSQL cannot compare text with NUL and failed every such query with 500.
 * </ul>
 *
 * Hand-written because no container or framework setting covers these for every servlet (our API,
 * the engine REST API, the web applications). It runs right after the web applications' guard,
 * which refuses the first-run setup with 403 however its path is written. The limits ({@code
 * invisible-bars.web.max-body-size}, {@code max-multipart-body-size}, {@code
 * max-portal-upload-size}) are documented in docs/security.md. The portal's uploads of supporting
 * documents have their own, larger limit: several files of up to 10 MB each go in one form, and a
 * file over its own limit is refused by the page that reads it, with the page's error summary.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestLimitsFilter extends OncePerRequestFilter {

  /**
   * Empty and dot segments, path parameters, and escapes of characters that never need one (RFC
   * 3986 unreserved characters and the slash).
   */
  private static final Pattern NOT_PLAIN =
      Pattern.compile(
          "//|/\\.\\.?(?:/|$)|;|%(?:3[0-9]|4[1-9a-fA-F]|5[0-9aA]|6[1-9a-fA-F]|7[0-9aA]|2[dDeEfF]|5[fF]|7[eE])");

  private final long maxBody;
  private final long maxMultipartBody;
  private final long maxPortalUpload;
  private final ObjectMapper objectMapper;

  RequestLimitsFilter(
      @Value("${invisible-bars.web.max-body-size:2MB}") DataSize maxBody,
      @Value("${invisible-bars.web.max-multipart-body-size:10MB}") DataSize maxMultipartBody,
      @Value("${invisible-bars.web.max-portal-upload-size:60MB}") DataSize maxPortalUpload,
      ObjectMapper objectMapper) {
    this.maxBody = maxBody.toBytes();
    this.maxMultipartBody = maxMultipartBody.toBytes();
    this.maxPortalUpload = maxPortalUpload.toBytes();
    this.objectMapper = objectMapper;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<ProblemDetail> malformed =
        pathProblem(request).or(() -> queryProblem(request.getQueryString()));
    if (malformed.isPresent()) {
      refuse(response, malformed.get());
      return;
    }
    boolean multipart = isOf(request, MediaType.MULTIPART_FORM_DATA_VALUE);
    long limit =
        !multipart
            ? maxBody
            : request.getRequestURI().startsWith(request.getContextPath() + "/portal/")
                ? maxPortalUpload
                : maxMultipartBody;
    ProblemDetail tooLarge =
        Problems.bodyTooLarge(limit, multipart ? "multipart bodies" : "a request body");
    if (request.getContentLengthLong() > limit) {
      refuse(response, tooLarge);
      return;
    }
    // Tomcat reads form parameters itself, within its own max-http-form-post-size
    if (request.getContentLengthLong() < 0
        && request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null
        && !isOf(request, MediaType.APPLICATION_FORM_URLENCODED_VALUE)) {
      CachedBodyRequest cached = CachedBodyRequest.of(request, Math.toIntExact(limit));
      if (cached == null) {
        refuse(response, tooLarge);
        return;
      }
      chain.doFilter(cached, response);
      return;
    }
    chain.doFilter(request, response);
  }

  private static boolean isOf(HttpServletRequest request, String mediaType) {
    return request.getContentType() != null
        && request.getContentType().toLowerCase(Locale.ROOT).startsWith(mediaType);
  }

  private static Optional<ProblemDetail> pathProblem(HttpServletRequest request) {
    String raw = request.getRequestURI().substring(request.getContextPath().length());
    String routed = request.getServletPath() + Objects.toString(request.getPathInfo(), "");
    String decoded;
    try {
      decoded = UriUtils.decode(raw, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException badEscape) {
      decoded = null;
    }
    if (NOT_PLAIN.matcher(raw).find() || !routed.equals(decoded)) {
      return Optional.of(
          Problems.malformedRequest(
              "The path must be written plainly: no empty or dot segments, "
                  + "no ';' parameters, no escaped letters, digits or slashes."));
    }
    if (hasControlCharacter(decoded)) {
      return Optional.of(
          Problems.malformedRequest("The path must not contain control characters."));
    }
    return Optional.empty();
  }

  private static Optional<ProblemDetail> queryProblem(String query) {
    return UrlEncoded.pairs(query)
        .filter(pair -> hasControlCharacter(pair.getKey()) || hasControlCharacter(pair.getValue()))
        .map(Map.Entry::getKey)
        .findFirst()
        .map(
            name ->
                Problems.invalidInput(
                    hasControlCharacter(name) ? "(a parameter name)" : name,
                    "must not contain control characters"));
  }

  private static boolean hasControlCharacter(String text) {
    return text.chars().anyMatch(Character::isISOControl);
  }

  private void refuse(HttpServletResponse response, ProblemDetail problem) throws IOException {
    response.setStatus(problem.getStatus());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setHeader(HttpHeaders.CONNECTION, "close");
    byte[] body = objectMapper.writeValueAsBytes(problem);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
    // sent at once: the client may still be sending a body that will not be read
    response.flushBuffer();
  }
}
