package org.invisiblebars.organisation.adapter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.invisiblebars.organisation.domain.MandateType;
import org.invisiblebars.organisation.domain.Organisation;
import org.invisiblebars.organisation.usecase.ManageOrganisations;
import org.invisiblebars.organisation.usecase.Membership;
import org.invisiblebars.platform.validation.NotFoundException;
import org.invisiblebars.platform.web.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Organisations and their representatives' accounts: NGO liaison officers and administrators
 * register organisations and bind NGO users (created in Camunda Admin, group {@code ngo}) to them
 * (the security configuration's rules). Staff read all organisations; an NGO user reads its own.
 */
@Tag(name = "Organisations")
@RestController
@RequestMapping("/api/v1/organisations")
class OrganisationController {

  private final ManageOrganisations organisations;
  private final Membership membership;

  OrganisationController(ManageOrganisations organisations, Membership membership) {
    this.organisations = organisations;
    this.membership = membership;
  }

  @Operation(summary = "Register an organisation")
  @ResponseStatus(HttpStatus.CREATED)
  @PostMapping
  ResponseEntity<OrganisationView> register(
      @RequestBody ManageOrganisations.Registration registration) {
    Organisation created = organisations.register(registration);
    return ResponseEntity.created(URI.create("/api/v1/organisations/" + created.getId()))
        .body(OrganisationView.of(created));
  }

  @Operation(summary = "Bind an NGO user to an organisation")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @PutMapping("/{id}/members/{userId}")
  ResponseEntity<Void> bind(@PathVariable UUID id, @PathVariable String userId) {
    organisations.bind(id, userId);
    return ResponseEntity.noContent().build();
  }

  @Operation(summary = "List organisations (an NGO its own)")
  @GetMapping
  List<OrganisationView> list(Authentication authentication) {
    Caller caller = Caller.of(authentication);
    if (caller.isStaff()) {
      return organisations.all().stream().map(OrganisationView::of).toList();
    }
    return membership
        .organisationOf(caller.userId())
        .map(organisations::get)
        .map(OrganisationView::of)
        .stream()
        .toList();
  }

  @Operation(summary = "Read an organisation")
  @GetMapping("/{id}")
  OrganisationView read(@PathVariable UUID id, Authentication authentication) {
    Caller caller = Caller.of(authentication);
    if (!caller.isStaff()
        && !membership.organisationOf(caller.userId()).map(id::equals).orElse(false)) {
      throw new NotFoundException("organisation " + id);
    }
    return OrganisationView.of(organisations.get(id));
  }

  record OrganisationView(
      UUID id, String name, MandateType mandateType, String networkName, boolean religiousBased) {
    static OrganisationView of(Organisation o) {
      return new OrganisationView(
          o.getId(), o.getName(), o.getMandateType(), o.getNetworkName(), o.isReligiousBased());
    }
  }
}
