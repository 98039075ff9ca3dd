package org.invisiblebars.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** A page for a browser that names HTML; the API's answer for a script's wildcard or nonsense. */
class HtmlRequestsTest {

  @Test
  void aBrowserNamingHtmlGetsAPage() {
    assertThat(HtmlRequests.wanted(accepting("text/html,application/xhtml+xml;q=0.9,*/*;q=0.8")))
        .isTrue();
    assertThat(HtmlRequests.wanted(accepting("application/xhtml+xml"))).isTrue();
  }

  @Test
  void aScriptsWildcardOrAnUnreadableHeaderGetsTheApisAnswer() {
    assertThat(HtmlRequests.wanted(accepting("*/*"))).isFalse();
    assertThat(HtmlRequests.wanted(accepting("text/*"))).isFalse();
    assertThat(HtmlRequests.wanted(accepting("application/json"))).isFalse();
    assertThat(HtmlRequests.wanted(accepting("text/html;;;=, ///"))).isFalse();
    assertThat(HtmlRequests.wanted(new MockHttpServletRequest())).isFalse();
  }

  private static MockHttpServletRequest accepting(String accept) {
    MockHttpServletRequest request = new MockHttpServletRequest();
    request.addHeader("Accept", accept);
    return request;
  }
}
