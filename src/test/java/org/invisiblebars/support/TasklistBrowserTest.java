package org.invisiblebars.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The browser tests' check for Content-Security-Policy violations sees one when a page breaks its
 * policy.
 */
class TasklistBrowserTest {

  @Test
  void aScriptRefusedByThePolicyIsReported() throws IOException {
    try (TasklistBrowser browser = TasklistBrowser.start()) {
      String page =
          "<html><head><meta http-equiv=\"Content-Security-Policy\" content=\"script-src 'none'\"></head>"
              + "<body><script>document.title = 'ran';</script></body></html>";
      browser
          .driver()
          .get(
              "data:text/html,"
                  + URLEncoder.encode(page, StandardCharsets.UTF_8).replace("+", "%20"));

      assertThat(browser.driver().getTitle()).isNotEqualTo("ran");
      assertThat(browser.contentSecurityPolicyViolations())
          .singleElement()
          .asString()
          .contains("script-src 'none'");
      assertThat(browser.contentSecurityPolicyViolations()).as("reported once").isEmpty();
    }
  }
}
