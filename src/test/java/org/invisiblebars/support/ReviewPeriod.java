package org.invisiblebars.support;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.invisiblebars.report.usecase.ReportReviewProcess;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The confidential review period of a report in the integration tests, ended as the job executor
 * would end it when its day comes.
 */
public final class ReviewPeriod {

  private final JdbcTemplate jdbc;
  private final RuntimeService runtimeService;
  private final ManagementService managementService;

  public ReviewPeriod(ApplicationContext context) {
    this.jdbc = context.getBean(JdbcTemplate.class);
    this.runtimeService = context.getBean(RuntimeService.class);
    this.managementService = context.getBean(ManagementService.class);
  }

  /**
   * Ends the period of report {@code reportId} without a response: its end moves into the past and
   * its timer runs, so the report is released to its organisation.
   */
  public void end(String reportId) {
    jdbc.update(
        "update report set review_ends_at = ? where id = ?",
        Timestamp.from(Instant.now().minusSeconds(1)),
        UUID.fromString(reportId));
    String instance =
        runtimeService
            .createProcessInstanceQuery()
            .processDefinitionKey(ReportReviewProcess.KEY)
            .processInstanceBusinessKey(BusinessKeys.of(reportId))
            .singleResult()
            .getId();
    managementService.executeJob(
        managementService
            .createJobQuery()
            .processInstanceId(instance)
            .activityId(ReportReviewProcess.Element.REVIEW_PERIOD_ENDED)
            .singleResult()
            .getId());
  }
}
