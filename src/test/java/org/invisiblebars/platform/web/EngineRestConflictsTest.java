package org.invisiblebars.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.junit.jupiter.api.Test;

/** A concurrent change is told as one on a task only where the request was about a task. */
class EngineRestConflictsTest {

  @Test
  void aConcurrentChangeOfATaskSpeaksOfTheTask() {
    assertThat(messageFor("task", "4711", "complete"))
        .isEqualTo(EngineRestConflicts.CHANGED_MEANWHILE);
  }

  @Test
  void aConcurrentChangeOfAnythingElseSpeaksOfTheRecord() {
    assertThat(messageFor("history", "cleanup"))
        .isEqualTo(EngineRestConflicts.RECORD_CHANGED_MEANWHILE)
        .doesNotContain("task");
  }

  private static String messageFor(String... path) {
    UriInfo uri = mock(UriInfo.class);
    List<PathSegment> segments = Arrays.stream(path).map(EngineRestConflictsTest::segment).toList();
    when(uri.getPathSegments()).thenReturn(segments);
    Response answer =
        EngineRestConflicts.of(new OptimisticLockingException("changed meanwhile"), uri)
            .orElseThrow();
    assertThat(answer.getStatus()).isEqualTo(409);
    return ((ExceptionDto) answer.getEntity()).getMessage();
  }

  private static PathSegment segment(String value) {
    PathSegment segment = mock(PathSegment.class);
    when(segment.getPath()).thenReturn(value);
    return segment;
  }
}
