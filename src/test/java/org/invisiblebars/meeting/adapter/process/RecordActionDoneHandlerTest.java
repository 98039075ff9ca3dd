package org.invisiblebars.meeting.adapter.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.invisiblebars.meeting.adapter.process.RecordActionDoneHandler.Form;
import org.invisiblebars.platform.validation.InvalidInputException.FieldProblem;
import org.invisiblebars.support.FormRules;
import org.junit.jupiter.api.Test;

class RecordActionDoneHandlerTest {

  @Test
  void whatWasDoneIsRequiredWithinItsLimit() {
    assertThat(FormRules.problems(Form.class, Map.of()))
        .containsExactly(new FieldProblem("doneNote", "is required"));
    assertThat(FormRules.problems(Form.class, Map.of("doneNote", "n".repeat(4001))))
        .containsExactly(new FieldProblem("doneNote", "must be at most 4000 characters"));
    assertThat(FormRules.read(Form.class, Map.of("doneNote", " Library open ")).doneNote())
        .isEqualTo(" Library open ");
  }
}
