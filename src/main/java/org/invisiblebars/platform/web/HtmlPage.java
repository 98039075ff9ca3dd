package org.invisiblebars.platform.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.web.util.HtmlUtils;

/**
 * A page of the application's own, from an HTML file under {@code templates/} whose {@code {{name}}}
 * placeholders are filled with HTML-escaped values. The pages need only a CSRF token and a user id,
 * not a template engine.
 */
public final class HtmlPage {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-zA-Z]+)}}");

  private final String template;

  private HtmlPage(String template) {
    this.template = template;
  }

  /** Reads {@code templates/<name>} from the class path once. */
  public static HtmlPage of(String name) {
    try (InputStream in = new ClassPathResource("templates/" + name).getInputStream()) {
      return new HtmlPage(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("page template missing: " + name, e);
    }
  }

  /** The page with every placeholder replaced; a placeholder without a value is an error, not blank. */
  public String render(Map<String, String> values) {
    Matcher matcher = PLACEHOLDER.matcher(template);
    StringBuilder page = new StringBuilder();
    while (matcher.find()) {
      String value = values.get(matcher.group(1));
      if (value == null) {
        throw new IllegalArgumentException("no value for {{" + matcher.group(1) + "}}");
      }
      matcher.appendReplacement(page, Matcher.quoteReplacement(HtmlUtils.htmlEscape(value)));
    }
    return matcher.appendTail(page).toString();
  }
}
