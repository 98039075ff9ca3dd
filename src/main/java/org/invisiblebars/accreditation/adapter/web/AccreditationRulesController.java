package org.invisiblebars.accreditation.adapter.web;

import org.invisiblebars.accreditation.usecase.AccreditationRules;
import org.invisiblebars.accreditation.usecase.AccreditationRules.PublishedRules;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The published rules of accreditation, for anyone (no sign-in): an organisation knows the
 * criteria, what to submit and the time limits before it applies, as the paper's legality principle
 * asks.
 */
@RestController
class AccreditationRulesController {

  private final AccreditationRules rules;

  AccreditationRulesController(AccreditationRules rules) {
    this.rules = rules;
  }

  @GetMapping("/api/v1/public/accreditation-rules")
  PublishedRules published() {
    return rules.published();
  }
}
