package org.invisiblebars.sla.adapter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.invisiblebars.platform.validation.InvalidInputException;
import org.invisiblebars.platform.validation.WithinYears;
import org.invisiblebars.platform.web.Caller;
import org.invisiblebars.platform.web.SpreadsheetCsv;
import org.invisiblebars.sla.usecase.SlaReports;
import org.invisiblebars.sla.usecase.SlaReports.Breach;
import org.invisiblebars.sla.usecase.SlaReports.BreachFilter;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The SLA API for managers, directors and administrators (the security configuration's rule): a
 * summary, and the breaches as JSON pages or CSV.
 */
@Tag(name = "Service levels")
@RestController
@RequestMapping("/api/v1/sla")
class SlaController {

  private static final List<String> CSV_HEADER =
      List.of(
          "task_id",
          "process",
          "task",
          "task_name",
          "reference",
          "organisation",
          "facility",
          "assignee",
          "candidate_groups",
          "escalation_group",
          "due_at",
          "breached_at",
          "resolved_at",
          "minutes_over_target");

  private final SlaReports reports;
  private final Clock clock;

  SlaController(SlaReports reports, Clock clock) {
    this.reports = reports;
    this.clock = clock;
  }

  @Operation(summary = "SLA summary: open tasks, breaches, due soon")
  @GetMapping("/summary")
  SlaReports.Summary summary() {
    return reports.summary();
  }

  /**
   * Per task type over the last {@code days} days: median and 90th percentile against the target.
   */
  @Operation(summary = "SLA figures per task type over a number of days")
  @GetMapping("/task-types")
  List<SlaReports.TaskType> taskTypes(@RequestParam(defaultValue = "90") int days) {
    if (days < 1 || days > 3650) {
      throw InvalidInputException.of("days", "must be between 1 and 3650");
    }
    return reports.taskTypes(clock.instant().minus(Duration.ofDays(days)));
  }

  /** Breaches recorded per day over the last {@code days} days (the dashboard's chart). */
  @Operation(summary = "SLA breaches per day")
  @GetMapping("/breaches/daily")
  List<SlaReports.Day> breachesPerDay(@RequestParam(defaultValue = "30") int days) {
    if (days < 1 || days > 366) {
      throw InvalidInputException.of("days", "must be between 1 and 366");
    }
    return reports.breachesPerDay(days);
  }

  /**
   * The open breaches escalated to the caller's groups (at most the largest page): any group a
   * policy escalates to reads what it is told of here, and nothing else of the SLA figures.
   */
  @Operation(summary = "The breaches escalated to the caller's groups")
  @GetMapping("/escalations")
  List<Breach> escalations(Authentication authentication) {
    return reports.escalatedTo(Caller.of(authentication).groups(), SlaReports.MAX_PAGE_SIZE);
  }

  @Operation(summary = "SLA breaches, paged: JSON, or CSV by Accept")
  @GetMapping(value = "/breaches", produces = MediaType.APPLICATION_JSON_VALUE)
  SlaReports.Page breaches(
      @RequestParam(required = false) String process,
      @RequestParam(required = false) String task,
      @RequestParam(required = false) String group,
      @RequestParam(required = false)
          @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
          @WithinYears(100)
          Instant from,
      @RequestParam(required = false)
          @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
          @WithinYears(100)
          Instant to,
      @RequestParam(required = false) Boolean open,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    return reports.breaches(new BreachFilter(process, task, group, from, to, open), page, size);
  }

  /** The same breaches as CSV, for spreadsheets: every match, up to the largest page. */
  @Operation(summary = "SLA breaches, paged: JSON, or CSV by Accept")
  @GetMapping(value = "/breaches", produces = "text/csv")
  ResponseEntity<String> breachesCsv(
      @RequestParam(required = false) String process,
      @RequestParam(required = false) String task,
      @RequestParam(required = false) String group,
      @RequestParam(required = false)
          @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
          @WithinYears(100)
          Instant from,
      @RequestParam(required = false)
          @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
          @WithinYears(100)
          Instant to,
      @RequestParam(required = false) Boolean open,
      @RequestParam(defaultValue = "0") int page) {
    var rows =
        reports
            .breaches(
                new BreachFilter(process, task, group, from, to, open),
                page,
                SlaReports.MAX_PAGE_SIZE)
            .items();
    String csv =
        SpreadsheetCsv.write(CSV_HEADER, rows.stream().map(SlaController::csvRow).toList());
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"sla-breaches.csv\"")
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .body(csv);
  }

  private static List<Object> csvRow(Breach b) {
    return Arrays.asList(
        b.taskId(),
        b.processKey(),
        b.taskKey(),
        b.taskName(),
        b.reference(),
        b.organisationName(),
        b.facilityName(),
        b.assignee(),
        b.candidateGroups(),
        b.escalationGroup(),
        b.dueAt(),
        b.breachedAt(),
        b.resolvedAt(),
        b.minutesOverTarget());
  }
}
