package org.invisiblebars.report.adapter.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.invisiblebars.organisation.adapter.OrganisationScope;
import org.invisiblebars.platform.web.Caller;
import org.invisiblebars.report.usecase.VisitFindings;
import org.invisiblebars.report.usecase.VisitFindings.FindingView;
import org.invisiblebars.report.usecase.VisitFindings.Findings;
import org.invisiblebars.report.usecase.VisitFindings.RecommendationFollowUp;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Follow-up visits and their findings: the organisation records what it found on each
 * recommendation its visit checked, and both sides read each recommendation's follow-up with the
 * administration's record and the organisation's latest finding side by side. An NGO user reaches
 * its own organisation's visits and reports only (anything else is 404).
 */
@Tag(name = "Reports")
@RestController
class FindingController {

  private final VisitFindings findings;
  private final OrganisationScope organisations;

  FindingController(VisitFindings findings, OrganisationScope organisations) {
    this.findings = findings;
    this.organisations = organisations;
  }

  @Operation(summary = "Record findings on recommendations after a follow-up visit")
  @PostMapping("/api/v1/visits/{visitId}/findings")
  List<FindingView> record(
      @PathVariable UUID visitId, @RequestBody Findings input, Authentication authentication) {
    Caller caller = Caller.of(authentication);
    return findings.record(visitId, organisations.ownOrganisation(caller), input, caller.userId());
  }

  @Operation(summary = "Read the findings recorded on a visit")
  @GetMapping("/api/v1/visits/{visitId}/findings")
  List<FindingView> ofVisit(@PathVariable UUID visitId, Authentication authentication) {
    return findings.ofVisit(visitId, organisations.of(Caller.of(authentication)));
  }

  /**
   * Every recommendation of the report with both accounts of it: the administration's follow-up
   * record and the organisation's latest finding ({@code /follow-up} keeps listing the
   * administration's records of accepted recommendations only).
   */
  @Operation(
      summary =
          "Each recommendation's follow-up by the administration beside the NGO's latest finding")
  @GetMapping("/api/v1/reports/{reportId}/recommendation-follow-up")
  List<RecommendationFollowUp> followUp(
      @PathVariable UUID reportId, Authentication authentication) {
    return findings.followUp(reportId, organisations.of(Caller.of(authentication)));
  }
}
