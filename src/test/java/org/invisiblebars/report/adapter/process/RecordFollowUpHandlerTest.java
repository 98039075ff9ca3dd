package org.invisiblebars.report.adapter.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.invisiblebars.platform.task.TaskCase;
import org.invisiblebars.platform.validation.InvalidInputException.FieldProblem;
import org.invisiblebars.report.adapter.process.RecordFollowUpHandler.Form;
import org.invisiblebars.report.adapter.process.RecordFollowUpHandler.Outcome;
import org.invisiblebars.report.domain.FindingStatus;
import org.invisiblebars.report.usecase.ReportQueries;
import org.invisiblebars.report.usecase.ReportReviewProcess.Variable;
import org.invisiblebars.report.usecase.ReviewReport;
import org.invisiblebars.report.usecase.VisitFindings;
import org.invisiblebars.report.usecase.VisitFindings.FindingView;
import org.invisiblebars.support.FormRules;
import org.junit.jupiter.api.Test;

class RecordFollowUpHandlerTest {

  @Test
  void anOutcomeAndNotesAreRequired() {
    assertThat(FormRules.problems(Form.class, Map.of()))
        .containsExactly(
            new FieldProblem("followUpOutcome", "is required"),
            new FieldProblem("followUpNotes", "is required"));
    assertThat(
            FormRules.problems(Form.class, Map.of("followUpOutcome", "OPEN", "followUpNotes", "n")))
        .as("nobody records OPEN")
        .containsExactly(
            new FieldProblem(
                "followUpOutcome", "must be one of [IMPLEMENTED, IN_PROGRESS, NOT_IMPLEMENTED]"));
  }

  @Test
  void inProgressNeedsANewDeadline() {
    assertThat(
            FormRules.problems(
                Form.class, Map.of("followUpOutcome", "IN_PROGRESS", "followUpNotes", "half")))
        .containsExactly(new FieldProblem("newDeadline", "is required when in progress"));
    assertThat(
            FormRules.read(
                    Form.class, Map.of("followUpOutcome", "IMPLEMENTED", "followUpNotes", "done"))
                .followUpOutcome())
        .isEqualTo(Outcome.IMPLEMENTED);
    assertThat(
            FormRules.problems(
                Form.class,
                Map.of("followUpOutcome", "IMPLEMENTED", "followUpNotes", "x".repeat(4001))))
        .containsExactly(new FieldProblem("followUpNotes", "must be at most 4000 characters"));
  }

  @Test
  void theFormShowsTheOrganisationsLatestFindingBesideTheRecommendation() {
    UUID report = UUID.randomUUID();
    UUID recommendation = UUID.randomUUID();
    TaskCase task = mock(TaskCase.class);
    when(task.id()).thenReturn(report);
    when(task.recordId(Variable.RECOMMENDATION_ID)).thenReturn(recommendation);
    ReportQueries queries = mock(ReportQueries.class);
    when(queries.followUpSummary(report, recommendation)).thenReturn("Recommendation 1: paint");
    VisitFindings findings = mock(VisitFindings.class);
    RecordFollowUpHandler handler =
        new RecordFollowUpHandler(mock(ReviewReport.class), queries, null, findings);

    when(findings.latestFinding(recommendation)).thenReturn(Optional.empty());
    assertThat(handler.display(task).ngoFinding()).contains("No follow-up visit");

    when(findings.latestFinding(recommendation))
        .thenReturn(
            Optional.of(
                new FindingView(
                    recommendation,
                    UUID.randomUUID(),
                    FindingStatus.PARTLY_IMPLEMENTED,
                    "Two of five cells painted",
                    "visitor1",
                    Instant.parse("2026-11-30T10:00:00Z"))));
    RecordFollowUpHandler.Display display = handler.display(task);
    assertThat(display.followUpSummary()).isEqualTo("Recommendation 1: paint");
    assertThat(display.ngoFinding())
        .contains("PARTLY_IMPLEMENTED", "Two of five cells painted", "2026-11-30T10:00:00Z");
  }
}
