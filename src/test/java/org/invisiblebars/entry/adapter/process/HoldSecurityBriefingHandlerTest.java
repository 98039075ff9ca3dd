package org.invisiblebars.entry.adapter.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.invisiblebars.entry.adapter.process.HoldSecurityBriefingHandler.Form;
import org.invisiblebars.platform.validation.InvalidInputException.FieldProblem;
import org.invisiblebars.support.FormRules;
import org.junit.jupiter.api.Test;

class HoldSecurityBriefingHandlerTest {

  @Test
  void theBriefingMustHaveBeenHeld() {
    assertThat(FormRules.problems(Form.class, Map.of()))
        .containsExactly(new FieldProblem("briefingHeld", "is required"));
    assertThat(FormRules.problems(Form.class, Map.of("briefingHeld", false)))
        .containsExactly(new FieldProblem("briefingHeld", "confirm that the briefing was held"));
    assertThat(FormRules.problems(Form.class, Map.of("briefingHeld", "perhaps")))
        .containsExactly(new FieldProblem("briefingHeld", "must be yes or no"));
    assertThat(FormRules.problems(Form.class, Map.of("briefingHeld", true))).isEmpty();
  }

  @Test
  void notesAreOptionalAndLimited() {
    assertThat(
            FormRules.problems(
                Form.class, Map.of("briefingHeld", true, "briefingNotes", "x".repeat(2001))))
        .containsExactly(new FieldProblem("briefingNotes", "must be at most 2000 characters"));
    assertThat(
            FormRules.problems(
                Form.class,
                Map.of("briefingHeld", true, "briefingNotes", "Asthma inhaler kept at the gate")))
        .isEmpty();
  }
}
