package org.invisiblebars.meeting.adapter.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.invisiblebars.meeting.adapter.process.HoldCoordinationMeetingHandler.Form;
import org.invisiblebars.platform.validation.InvalidInputException.FieldProblem;
import org.invisiblebars.support.FormRules;
import org.junit.jupiter.api.Test;

class HoldCoordinationMeetingHandlerTest {

  @Test
  void everyFieldIsRequired() {
    assertThat(FormRules.problems(Form.class, Map.of()))
        .containsExactly(
            new FieldProblem("meetingDate", "is required"),
            new FieldProblem("authorityParticipants", "is required"),
            new FieldProblem("ngoParticipants", "is required"),
            new FieldProblem("meetingMinutes", "is required"));
  }

  @Test
  void theDateIsADateAndTheTextsHaveTheirLimits() {
    assertThat(
            FormRules.problems(
                Form.class,
                Map.of(
                    "meetingDate",
                    "yesterday",
                    "authorityParticipants",
                    "a",
                    "ngoParticipants",
                    "n",
                    "meetingMinutes",
                    "m")))
        .containsExactly(new FieldProblem("meetingDate", "must be a date"));
    assertThat(
            FormRules.problems(
                Form.class,
                Map.of(
                    "meetingDate",
                    "2026-11-02",
                    "authorityParticipants",
                    "a".repeat(2001),
                    "ngoParticipants",
                    "n".repeat(2001),
                    "meetingMinutes",
                    "m".repeat(8001))))
        .containsExactly(
            new FieldProblem("authorityParticipants", "must be at most 2000 characters"),
            new FieldProblem("ngoParticipants", "must be at most 2000 characters"),
            new FieldProblem("meetingMinutes", "must be at most 8000 characters"));
    assertThat(
            FormRules.read(
                    Form.class,
                    Map.of(
                        "meetingDate",
                        "2026-11-02",
                        "authorityParticipants",
                        "a",
                        "ngoParticipants",
                        "n",
                        "meetingMinutes",
                        "m"))
                .meetingDate())
        .isEqualTo(LocalDate.of(2026, 11, 2));
  }

  @Test
  void actionsToRecordAreTickedOrNot() {
    Map<String, Object> held =
        Map.of(
            "meetingDate",
            "2026-11-02",
            "authorityParticipants",
            "Lena Liaison",
            "ngoParticipants",
            "Rita Writer",
            "meetingMinutes",
            "m");
    assertThat(FormRules.read(Form.class, held).actionToRecord()).isFalse();
    var ticked = new HashMap<>(held);
    ticked.put("actionToRecord", true);
    assertThat(FormRules.read(Form.class, ticked).actionToRecord()).isTrue();
  }
}
