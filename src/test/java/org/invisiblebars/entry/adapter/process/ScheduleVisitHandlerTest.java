package org.invisiblebars.entry.adapter.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.invisiblebars.entry.adapter.process.ScheduleVisitHandler.Form;
import org.invisiblebars.platform.validation.InvalidInputException.FieldProblem;
import org.invisiblebars.support.FormRules;
import org.junit.jupiter.api.Test;

class ScheduleVisitHandlerTest {

  @Test
  void escortAndMeetingPointAreRequired() {
    assertThat(FormRules.problems(Form.class, Map.of("escort", "  ")))
        .containsExactly(
            new FieldProblem("escort", "is required"),
            new FieldProblem("meetingPoint", "is required"));
  }

  @Test
  void escortAndMeetingPointHaveTheLengthsTheVisitKeeps() {
    assertThat(
            FormRules.problems(
                Form.class, Map.of("escort", "x".repeat(201), "meetingPoint", "x".repeat(501))))
        .containsExactly(
            new FieldProblem("escort", "must be at most 200 characters"),
            new FieldProblem("meetingPoint", "must be at most 500 characters"));
    assertThat(
            FormRules.problems(
                Form.class, Map.of("escort", "Officer Grey", "meetingPoint", "Main gate")))
        .isEmpty();
  }
}
