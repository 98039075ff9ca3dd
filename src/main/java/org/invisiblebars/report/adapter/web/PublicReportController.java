package org.invisiblebars.report.adapter.web;

import java.util.List;
import java.util.UUID;
import org.invisiblebars.report.usecase.ReportQueries;
import org.invisiblebars.report.usecase.ReportQueries.PublicReport;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Published and released reports, for anyone and without login: each with the authorities' response
 * or the statement that they did not respond, and the status of every recommendation. A report
 * still under review does not exist here (404).
 */
@RestController
@RequestMapping("/api/v1/public/reports")
class PublicReportController {

  private final ReportQueries queries;

  PublicReportController(ReportQueries queries) {
    this.queries = queries;
  }

  @GetMapping
  List<PublicReport> list() {
    return queries.publicReports();
  }

  @GetMapping("/{id}")
  PublicReport read(@PathVariable UUID id) {
    return queries.publicReport(id);
  }
}
