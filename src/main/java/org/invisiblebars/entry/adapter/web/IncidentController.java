package org.invisiblebars.entry.adapter.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.invisiblebars.entry.usecase.VisitIncidents;
import org.invisiblebars.entry.usecase.VisitIncidents.IncidentView;
import org.invisiblebars.organisation.adapter.OrganisationScope;
import org.invisiblebars.platform.identity.Groups;
import org.invisiblebars.platform.web.Caller;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Incidents recorded at check-out, by the id of their visit. An NGO user reads and contests its own
 * organisation's (anything else is 404); security, the director and liaison officers read every
 * one.
 */
@Tag(name = "Incidents")
@RestController
@RequestMapping("/api/v1/incidents")
class IncidentController {

  private final VisitIncidents incidents;
  private final OrganisationScope organisations;

  IncidentController(VisitIncidents incidents, OrganisationScope organisations) {
    this.incidents = incidents;
    this.organisations = organisations;
  }

  @Operation(summary = "List incidents recorded at check-out")
  @GetMapping
  List<IncidentView> list(Authentication authentication) {
    return incidents.list(scope(authentication));
  }

  @Operation(summary = "Read the incident of a visit")
  @GetMapping("/{visitId}")
  IncidentView read(@PathVariable UUID visitId, Authentication authentication) {
    return incidents.view(visitId, scope(authentication));
  }

  /**
   * The organisation contests the incident with its account, within the contest period. The use
   * case checks the account before it looks the incident up, so bad input is a 400 naming {@code
   * account} even where there is no incident (404) or the period has ended (409).
   */
  @Operation(summary = "Contest an incident within the contest period")
  @PostMapping("/{visitId}/contest")
  IncidentView contest(
      @PathVariable UUID visitId, @RequestBody Contest contest, Authentication authentication) {
    Caller caller = Caller.of(authentication);
    UUID organisation = organisations.ownOrganisation(caller);
    incidents.contest(visitId, organisation, contest.account(), caller.userId());
    return incidents.view(visitId, Optional.of(organisation));
  }

  private Optional<UUID> scope(Authentication authentication) {
    return organisations.of(
        Caller.of(authentication), Groups.SECURITY, Groups.DIRECTOR, Groups.NGO_LIAISON);
  }

  record Contest(String account) {}
}
