package org.invisiblebars.platform.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.invisiblebars.platform.validation.ConflictException;
import org.junit.jupiter.api.Test;

class TaskCaseTest {

  @Test
  void theRecordIdOfATaskIsReadFromItsProcess() {
    UUID visit = UUID.randomUUID();
    DelegateTask task = mock(DelegateTask.class);
    when(task.getVariable("visitId")).thenReturn(visit.toString());

    assertThat(TaskCase.recordId(task, "visitId")).isEqualTo(visit);
  }

  /**
   * Seen in VisitConcurrencyIT: a cancellation committed while the risk assessment was completed
   * answered 500.
   */
  @Test
  void aRecordIdGoneWithItsProcessIsAConflictNotAServerError() {
    DelegateTask task = mock(DelegateTask.class);
    when(task.getName()).thenReturn("Assess visit risk");

    assertThatThrownBy(() -> TaskCase.recordId(task, "visitId"))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("Assess visit risk")
        .hasMessageContaining("at the same moment");
  }
}
