package org.invisiblebars.entry.adapter.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.invisiblebars.entry.adapter.process.CheckInVisitorHandler.Form;
import org.invisiblebars.entry.domain.EntryOutcome;
import org.invisiblebars.platform.validation.InvalidInputException.FieldProblem;
import org.invisiblebars.support.FormRules;
import org.junit.jupiter.api.Test;

class CheckInVisitorHandlerTest {

  @Test
  void theOutcomeIsRequiredAndOneOfTheChoices() {
    assertThat(FormRules.problems(Form.class, Map.of("appliedSearchLevel", "SCREENING")))
        .containsExactly(new FieldProblem("entryOutcome", "is required"));
    assertThat(
            FormRules.problems(
                Form.class, Map.of("entryOutcome", "ESCAPED", "appliedSearchLevel", "SHALLOW")))
        .containsExactly(
            new FieldProblem(
                "entryOutcome", "must be one of [ENTERED, REFUSED_SEARCH, NOT_ADMITTED]"),
            new FieldProblem(
                "appliedSearchLevel", "must be one of [SCREENING, PAT_DOWN, ENHANCED, FULL]"));
  }

  @Test
  void itemsFoundAreLimitedAndTheAcknowledgementAtTheGateIsOptional() {
    assertThat(
            FormRules.problems(
                Form.class,
                Map.of(
                    "entryOutcome",
                    "ENTERED",
                    "appliedSearchLevel",
                    "SCREENING",
                    "itemsFound",
                    "x".repeat(2001))))
        .containsExactly(new FieldProblem("itemsFound", "must be at most 2000 characters"));
    Form form = FormRules.read(Form.class, Map.of("entryOutcome", "NOT_ADMITTED"));
    assertThat(form.entryOutcome()).isEqualTo(EntryOutcome.NOT_ADMITTED);
    assertThat(form.acknowledgedAtGate())
        .as("not offered for an announced visit: not acknowledged")
        .isFalse();
    assertThat(
            FormRules.read(
                    Form.class,
                    Map.of(
                        "entryOutcome",
                        "ENTERED",
                        "appliedSearchLevel",
                        "PAT_DOWN",
                        "acknowledgedAtGate",
                        true))
                .acknowledgedAtGate())
        .isTrue();
  }
}
