package org.invisiblebars.accreditation.adapter.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.invisiblebars.accreditation.usecase.AccreditationRules;
import org.invisiblebars.accreditation.usecase.AccreditationRules.PublishedRules;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The published rules of accreditation, for anyone (no sign-in): an organisation knows the
 * criteria, what to submit and the time limits before it applies, as the paper's legality principle
 * asks.
 */
@Tag(name = "Accreditations")
@RestController
class AccreditationRulesController {

  private final AccreditationRules rules;

  AccreditationRulesController(AccreditationRules rules) {
    this.rules = rules;
  }

  @Operation(summary = "The published rules of accreditation, read from what is deployed")
  @GetMapping("/api/v1/public/accreditation-rules")
  PublishedRules published() {
    return rules.published();
  }
}
