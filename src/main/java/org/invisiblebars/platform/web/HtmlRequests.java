package org.invisiblebars.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * Whether a request comes from a browser that reads a page: it names HTML in its {@code Accept}
 * header ({@code text/html} or {@code application/xhtml+xml}, exactly). A script asking for
 * anything ({@code *}{@code /*}, {@code text/*}) gets the API's answer instead. Spring Security's
 * {@code MediaTypeRequestMatcher}, which the sign-in chains use, also takes {@code text/*} for
 * HTML; the pages that answer errors need the exact names, so a script's wildcard is never answered
 * with a page.
 */
public final class HtmlRequests {

  private static final List<String> HTML = List.of("text/html", "application/xhtml+xml");

  private HtmlRequests() {}

  public static boolean wanted(HttpServletRequest request) {
    String accept = request.getHeader(HttpHeaders.ACCEPT);
    if (accept == null) {
      return false;
    }
    try {
      return MediaType.parseMediaTypes(accept).stream()
          .anyMatch(type -> HTML.contains(type.getType() + "/" + type.getSubtype()));
    } catch (InvalidMediaTypeException unreadable) {
      return false;
    }
  }
}
