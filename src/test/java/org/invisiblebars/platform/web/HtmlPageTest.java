package org.invisiblebars.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class HtmlPageTest {

  private static final HtmlPage DENIED = HtmlPage.of("denied.html");

  @Test
  void valuesAreEscapedSoAUserIdCannotWriteHtml() {
    String page = DENIED.render(Map.of("user", "<script>alert(\"x\")</script>", "csrfParameter", "_csrf",
        "csrfToken", "a\"b", "logout", "/sla/logout"));

    assertThat(page).contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;", "value=\"a&quot;b\"")
        .doesNotContain("<script>", "{{");
  }

  @Test
  void aPlaceholderWithoutAValueIsAnErrorNotABlank() {
    assertThatThrownBy(() -> DENIED.render(Map.of("user", "john")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("no value for {{");
  }
}
