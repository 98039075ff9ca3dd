package org.invisiblebars.report.adapter.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.invisiblebars.report.usecase.ReportQueries;
import org.invisiblebars.report.usecase.ReportQueries.PublicReport;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public register, for anyone and without login: only reports whose organisation asked to
 * publish them and consented to the redacted version, with the authorities' response if any and the
 * status of every recommendation. Any other report (under review, released, withdrawn, an ICRC
 * report) does not exist here (404).
 */
@Tag(name = "Public register")
@RestController
@RequestMapping("/api/v1/public/reports")
class PublicReportController {

  private final ReportQueries queries;

  PublicReportController(ReportQueries queries) {
    this.queries = queries;
  }

  @Operation(summary = "The public register of published reports")
  @GetMapping
  List<PublicReport> list() {
    return queries.publicReports();
  }

  @Operation(summary = "Read a published report")
  @GetMapping("/{id}")
  PublicReport read(@PathVariable UUID id) {
    return queries.publicReport(id);
  }
}
