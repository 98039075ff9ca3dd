package org.invisiblebars.portal.adapter.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.invisiblebars.accreditation.domain.AccreditationStatus;
import org.invisiblebars.accreditation.usecase.AccreditationLifecycle;
import org.invisiblebars.accreditation.usecase.AccreditationQueries;
import org.invisiblebars.accreditation.usecase.AccreditationQueries.AccreditationView;
import org.invisiblebars.accreditation.usecase.AccreditationQueries.MouView;
import org.invisiblebars.accreditation.usecase.NegotiateMou;
import org.invisiblebars.organisation.adapter.OrganisationScope;
import org.invisiblebars.organisation.usecase.ManageOrganisations;
import org.invisiblebars.platform.identity.PersonNames;
import org.invisiblebars.platform.validation.ConflictException;
import org.invisiblebars.platform.validation.InvalidInputException;
import org.invisiblebars.platform.validation.InvalidInputException.FieldProblem;
import org.invisiblebars.platform.validation.NotFoundException;
import org.invisiblebars.platform.web.Caller;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The MoU as the organisation reads and negotiates it: the current version's clauses, who drafted
 * it, the amendments the organisation proposed with the liaison officer's answers; a form to
 * propose an amendment, a button to agree, and once agreed a confirmation step to countersign. Each
 * action calls the use case behind the NGO API's route ({@link NegotiateMou}, {@link
 * AccreditationLifecycle#countersign}), so the rules are the API's; a refusal shows the form again
 * with the GOV.UK error summary, a success redirects to the MoU (POST, redirect, GET).
 */
@Controller
class MouPages {

  static final String VIEW = "portal/mou";
  static final String COUNTERSIGN_VIEW = "portal/countersign";

  private final OrganisationScope scope;
  private final ManageOrganisations organisations;
  private final AccreditationQueries queries;
  private final NegotiateMou negotiation;
  private final AccreditationLifecycle lifecycle;
  private final IdentityService identity;

  MouPages(
      OrganisationScope scope,
      ManageOrganisations organisations,
      AccreditationQueries queries,
      NegotiateMou negotiation,
      AccreditationLifecycle lifecycle,
      IdentityService identity) {
    this.scope = scope;
    this.organisations = organisations;
    this.queries = queries;
    this.negotiation = negotiation;
    this.lifecycle = lifecycle;
    this.identity = identity;
  }

  @GetMapping(value = "/portal/accreditations/{id}/mou", produces = MediaType.TEXT_HTML_VALUE)
  String mou(@PathVariable UUID id, Authentication authentication, CsrfToken csrf, Model model) {
    UUID organisation = PortalPages.page(model, authentication, csrf, organisations, scope);
    return show(id, organisation, model, new Proposed(null, "", ""), List.of());
  }

  @PostMapping(
      value = "/portal/accreditations/{id}/mou/amendments",
      produces = MediaType.TEXT_HTML_VALUE)
  String propose(
      @PathVariable UUID id,
      @RequestParam(required = false) String version,
      @RequestParam(required = false) String clause,
      @RequestParam(required = false) String text,
      @RequestParam(required = false) String reason,
      Authentication authentication,
      CsrfToken csrf,
      Model model,
      RedirectAttributes redirect) {
    UUID organisation = PortalPages.page(model, authentication, csrf, organisations, scope);
    queries.scoped(id, Optional.of(organisation));
    Proposed proposed =
        new Proposed(FormValues.number(clause), FormValues.text(text), FormValues.text(reason));
    try {
      negotiation.propose(
          id,
          new NegotiateMou.Proposal(
              FormValues.number(version),
              List.of(
                  new NegotiateMou.Amendment(
                      proposed.clause(), proposed.text(), proposed.reason()))),
          Caller.of(authentication).userId());
    } catch (InvalidInputException refused) {
      return show(id, organisation, model, proposed, fieldsOfTheForm(refused.problems()));
    }
    redirect.addFlashAttribute("done", "proposed");
    return "redirect:/portal/accreditations/" + id + "/mou";
  }

  @PostMapping(
      value = "/portal/accreditations/{id}/mou/agreement",
      produces = MediaType.TEXT_HTML_VALUE)
  String agree(
      @PathVariable UUID id,
      @RequestParam(required = false) String version,
      Authentication authentication,
      CsrfToken csrf,
      Model model,
      RedirectAttributes redirect) {
    UUID organisation = PortalPages.page(model, authentication, csrf, organisations, scope);
    queries.scoped(id, Optional.of(organisation));
    try {
      negotiation.agree(
          id,
          new NegotiateMou.Agreement(FormValues.number(version)),
          Caller.of(authentication).userId());
    } catch (InvalidInputException refused) {
      return show(id, organisation, model, new Proposed(null, "", ""), refused.problems());
    }
    redirect.addFlashAttribute("done", "agreed");
    return "redirect:/portal/accreditations/" + id + "/mou";
  }

  @GetMapping(
      value = "/portal/accreditations/{id}/countersignature",
      produces = MediaType.TEXT_HTML_VALUE)
  String confirm(
      @PathVariable UUID id, Authentication authentication, CsrfToken csrf, Model model) {
    UUID organisation = PortalPages.page(model, authentication, csrf, organisations, scope);
    model
        .addAttribute("accreditation", awaitingCountersignature(id, organisation))
        .addAttribute("mou", mouOf(id, organisation))
        .addAttribute("signatory", "")
        .addAttribute("errors", List.of());
    return COUNTERSIGN_VIEW;
  }

  @PostMapping(
      value = "/portal/accreditations/{id}/countersignature",
      produces = MediaType.TEXT_HTML_VALUE)
  String countersign(
      @PathVariable UUID id,
      @RequestParam(required = false) String signatory,
      Authentication authentication,
      CsrfToken csrf,
      Model model,
      RedirectAttributes redirect) {
    UUID organisation = PortalPages.page(model, authentication, csrf, organisations, scope);
    AccreditationView accreditation = awaitingCountersignature(id, organisation);
    try {
      lifecycle.countersign(id, FormValues.text(signatory), Caller.of(authentication).userId());
    } catch (InvalidInputException refused) {
      model
          .addAttribute("accreditation", accreditation)
          .addAttribute("mou", mouOf(id, organisation))
          .addAttribute("signatory", FormValues.text(signatory))
          .addAttribute("errors", refused.problems());
      return COUNTERSIGN_VIEW;
    }
    redirect.addFlashAttribute("done", "countersigned");
    return "redirect:/portal/accreditations/" + id + "/mou";
  }

  private String show(
      UUID id, UUID organisation, Model model, Proposed proposed, List<FieldProblem> errors) {
    Optional<UUID> own = Optional.of(organisation);
    AccreditationView accreditation = queries.view(id, own);
    MouView mou = mouOf(id, organisation);
    List<String> people = new ArrayList<>();
    mou.versions().forEach(v -> people.add(v.changedBy()));
    mou.amendments().stream()
        .flatMap(a -> Stream.of(a.proposedBy(), a.answeredBy()))
        .filter(p -> p != null)
        .forEach(people::add);
    Map<String, String> names = PersonNames.labelled(identity, people);
    model
        .addAttribute("accreditation", accreditation)
        .addAttribute("mou", mou)
        .addAttribute("names", names)
        .addAttribute("draftedBy", mou.versions().isEmpty() ? null : mou.versions().get(0))
        .addAttribute("proposed", proposed)
        .addAttribute("errors", errors);
    return VIEW;
  }

  private MouView mouOf(UUID id, UUID organisation) {
    return queries
        .mouView(id, Optional.of(organisation))
        .orElseThrow(() -> new NotFoundException("MoU of accreditation " + id));
  }

  private AccreditationView awaitingCountersignature(UUID id, UUID organisation) {
    AccreditationView accreditation = queries.view(id, Optional.of(organisation));
    if (accreditation.status() != AccreditationStatus.AWAITING_COUNTERSIGNATURE) {
      throw new ConflictException(
          "the MoU of " + accreditation.reference() + " is not awaiting your countersignature");
    }
    return accreditation;
  }

  /**
   * The use case names the fields of the API's body ({@code amendments[0].text}); the page's form
   * has one amendment, its fields named {@code clause}, {@code text} and {@code reason}.
   */
  private static List<FieldProblem> fieldsOfTheForm(List<FieldProblem> problems) {
    return problems.stream()
        .map(
            p ->
                new FieldProblem(
                    p.field().startsWith("amendments[0].")
                        ? p.field().substring("amendments[0].".length())
                        : p.field().equals("amendments") ? "clause" : p.field(),
                    p.problem()))
        .toList();
  }

  /** What the organisation typed in the amendment form, shown again when it is refused. */
  record Proposed(Integer clause, String text, String reason) {}
}
