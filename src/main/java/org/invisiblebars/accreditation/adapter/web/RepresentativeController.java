package org.invisiblebars.accreditation.adapter.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.invisiblebars.accreditation.usecase.RepresentativeQueries;
import org.invisiblebars.accreditation.usecase.RepresentativeQueries.RepresentativeView;
import org.invisiblebars.organisation.adapter.OrganisationScope;
import org.invisiblebars.platform.web.Caller;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * An organisation's representatives with their vetting, below the organisation's path: the NGO's
 * own users read their organisation's (another organisation's is 404), staff every one. In this
 * feature because the vetting is the accreditations'.
 */
@Tag(name = "Organisations")
@RestController
class RepresentativeController {

  private final RepresentativeQueries representatives;
  private final OrganisationScope organisations;

  RepresentativeController(RepresentativeQueries representatives, OrganisationScope organisations) {
    this.representatives = representatives;
    this.organisations = organisations;
  }

  @Operation(summary = "List an organisation's representatives with their vetting")
  @GetMapping("/api/v1/organisations/{id}/representatives")
  List<RepresentativeView> list(@PathVariable UUID id, Authentication authentication) {
    return representatives.of(id, organisations.of(Caller.of(authentication)));
  }
}
