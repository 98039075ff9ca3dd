package org.invisiblebars.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class ExpressionQueryGuardFilterTest {

  private final ExpressionQueryGuardFilter filter =
      new ExpressionQueryGuardFilter(new ObjectMapper());

  @ParameterizedTest(name = "{0} {1}?{2} {3} -> {4}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          GET  | /engine-rest/task                                  | dueAfterExpression=x      |                                                      | 400
          GET  | /engine-rest/task/count                            | DUEAFTEREXPRESSION=x      |                                                      | 400
          GET  | /engine-rest/engine/default/task                   | assigneeExpression=x      |                                                      | 400
          GET  | /camunda/api/engine/engine/default/task            | candidateGroupsExpression=x |                                                    | 400
          GET  | /engine-rest/task                                  | assignee=martha           |                                                      | 200
          POST | /engine-rest/task                                  |                           | {"orQueries":[{"dueAfterExpression":"${now()}"}]}   | 400
          POST | /engine-rest/task/count                            |                           | {"assigneeExpression":"${currentUser()}"}          | 400
          POST | /engine-rest/filter/f1/list                        | maxResults=15             | {"orQueries":[{"a":1},{"followUpBeforeExpression":"x"}]} | 400
          POST | /engine-rest/filter/f1/singleResult                |                           | {"dueBeforeExpression":"x"}                         | 400
          POST | /camunda/api/engine/engine/default/filter/f1/count |                           | {"orQueries":[{"dueAfterExpression":"x"}]}          | 400
          POST | /engine-rest/task                                  |                           | {"orQueries":[{"assignee":"martha"}]}               | 200
          POST | /engine-rest/task/t1/complete                      |                           | {"variables":{"reportExpression":{"value":1}}}      | 200
          POST | /engine-rest/filter/create                         |                           | {"query":{"assigneeExpression":"${currentUser()}"}} | 200
          POST | /engine-rest/task                                  |                           | not json                                            | 200
          """)
  void refusesExpressionsInTaskQueriesOnly(
      String method, String path, String query, String body, int expected) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest(method, path);
    request.setQueryString(query);
    if (body != null) {
      request.setContentType("application/json");
      request.setContent(body.getBytes(StandardCharsets.UTF_8));
    }
    MockHttpServletResponse response = new MockHttpServletResponse();
    MockFilterChain chain = new MockFilterChain();

    filter.doFilter(request, response, chain);

    assertThat(response.getStatus()).isEqualTo(expected);
    if (expected == 200) {
      assertThat(chain.getRequest()).as("passed on to the engine").isNotNull();
      if (body != null) {
        assertThat(chain.getRequest().getInputStream().readAllBytes())
            .as("the body is still readable downstream")
            .isEqualTo(body.getBytes(StandardCharsets.UTF_8));
      }
    } else {
      assertThat(chain.getRequest()).as("never reaches the engine").isNull();
      assertThat(response.getContentAsString()).contains("Expressions are not allowed");
    }
  }
}
