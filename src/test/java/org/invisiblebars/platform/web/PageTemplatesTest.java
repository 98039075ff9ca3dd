package org.invisiblebars.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The application's own pages as Thymeleaf renders them (with Spring's expressions, resolved as
 * Spring Boot resolves them: {@code templates/<name>.html}, HTML mode): values people choose, such
 * as a user id, are escaped, and no template syntax reaches the browser.
 */
class PageTemplatesTest {

  private static final String HOSTILE = "<script>alert(\"x\")</script>";

  private final SpringTemplateEngine templates = engine();

  @Test
  void aUserIdCannotWriteHtmlOnTheDeniedPageOrTheDashboard() {
    for (String page : new String[] {"denied", "sla/dashboard"}) {
      String html =
          render(
              page,
              Map.of(
                  "user",
                  HOSTILE,
                  "csrfParameter",
                  "_csrf",
                  "csrfToken",
                  "a\"b><i>",
                  "logout",
                  "/sla/logout"));

      assertThat(html)
          .as(page)
          .contains(
              "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;",
              "name=\"_csrf\"",
              "value=\"a&quot;b&gt;&lt;i&gt;\"")
          .doesNotContain("<script>alert", "<i>");
      assertNoTemplateSyntax(page, html);
    }
  }

  @Test
  void theSignInFormCarriesItsActionTokenAndMessage() {
    String html =
        render(
            "login",
            Map.of(
                "csrfParameter",
                "_csrf",
                "csrfToken",
                "token-1",
                "action",
                "/sla/login",
                "message",
                "Too many failed sign-ins. Try again in 4 seconds. " + HOSTILE));

    assertThat(html)
        .contains(
            "<form method=\"post\" action=\"/sla/login\">",
            "<input type=\"hidden\" name=\"_csrf\" value=\"token-1\">",
            "<p class=\"message\" role=\"alert\">Too many failed sign-ins. Try again in 4 seconds. &lt;script&gt;")
        .doesNotContain("<script>");
    assertNoTemplateSyntax("login", html);
  }

  @Test
  void theOutagePageSaysWhenToTryAgain() {
    String html = render("unavailable", Map.of("seconds", 30L));

    assertThat(html).contains("The database cannot be reached", "Try again in 30 seconds;");
    assertNoTemplateSyntax("unavailable", html);
  }

  private String render(String page, Map<String, Object> values) {
    return templates.process(page, new Context(Locale.ENGLISH, values));
  }

  private static void assertNoTemplateSyntax(String page, String html) {
    assertThat(html).as(page).doesNotContain("th:", "[[", "${", "{{");
  }

  private static SpringTemplateEngine engine() {
    var resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("templates/");
    resolver.setSuffix(".html");
    resolver.setTemplateMode(TemplateMode.HTML);
    resolver.setCharacterEncoding("UTF-8");
    var engine = new SpringTemplateEngine();
    engine.setTemplateResolver(resolver);
    return engine;
  }
}
