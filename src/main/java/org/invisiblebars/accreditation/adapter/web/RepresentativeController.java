package org.invisiblebars.accreditation.adapter.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.invisiblebars.accreditation.usecase.AddRepresentative;
import org.invisiblebars.accreditation.usecase.RepresentativeQueries;
import org.invisiblebars.accreditation.usecase.RepresentativeQueries.RepresentativeView;
import org.invisiblebars.organisation.adapter.OrganisationScope;
import org.invisiblebars.platform.validation.NotFoundException;
import org.invisiblebars.platform.web.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * An organisation's representatives with their vetting, below the organisation's path: the NGO's
 * own users read their organisation's (another organisation's is 404), staff every one; the NGO's
 * users add people to their own. In this feature because the vetting is the accreditations'.
 */
@Tag(name = "Organisations")
@RestController
class RepresentativeController {

  private final RepresentativeQueries representatives;
  private final OrganisationScope organisations;
  private final AddRepresentative addRepresentative;

  RepresentativeController(
      RepresentativeQueries representatives,
      OrganisationScope organisations,
      AddRepresentative addRepresentative) {
    this.representatives = representatives;
    this.organisations = organisations;
    this.addRepresentative = addRepresentative;
  }

  @Operation(summary = "List an organisation's representatives with their vetting")
  @GetMapping("/api/v1/organisations/{id}/representatives")
  List<RepresentativeView> list(@PathVariable UUID id, Authentication authentication) {
    return representatives.of(id, organisations.of(Caller.of(authentication)));
  }

  /**
   * The organisation's own user adds a representative, which starts security's vetting when an
   * application is under way or the accreditation in force: 201 with the person and the location of
   * the organisation's list. Another organisation is 404; the same name twice, 400.
   */
  @Operation(summary = "Add a representative to one's own organisation (starts vetting)")
  @ResponseStatus(HttpStatus.CREATED)
  @PostMapping("/api/v1/organisations/{id}/representatives")
  ResponseEntity<RepresentativeView> add(
      @PathVariable UUID id,
      @RequestBody AddRepresentative.Request request,
      Authentication authentication) {
    Caller caller = Caller.of(authentication);
    if (!organisations.ownOrganisation(caller).equals(id)) {
      throw new NotFoundException("organisation " + id);
    }
    UUID person = addRepresentative.add(id, request).getId();
    return ResponseEntity.created(
            URI.create("/api/v1/organisations/" + id + "/representatives#" + person))
        .body(representatives.one(id, person, Optional.of(id)));
  }
}
