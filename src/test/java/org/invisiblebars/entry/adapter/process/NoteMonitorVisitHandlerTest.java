package org.invisiblebars.entry.adapter.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.invisiblebars.entry.adapter.process.NoteMonitorVisitHandler.Form;
import org.invisiblebars.platform.validation.InvalidInputException.FieldProblem;
import org.invisiblebars.support.FormRules;
import org.junit.jupiter.api.Test;

class NoteMonitorVisitHandlerTest {

  @Test
  void theDirectorNotesWithOrWithoutANoteOfLimitedLength() {
    assertThat(FormRules.problems(Form.class, Map.of())).isEmpty();
    assertThat(
            FormRules.problems(
                Form.class, Map.of("directorNote", "Asked the deputy to meet them at the gate")))
        .isEmpty();
    assertThat(FormRules.problems(Form.class, Map.of("directorNote", "x".repeat(2001))))
        .containsExactly(new FieldProblem("directorNote", "must be at most 2000 characters"));
  }
}
