package org.invisiblebars.portal.adapter.web;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.invisiblebars.organisation.adapter.OrganisationScope;
import org.invisiblebars.organisation.domain.MandateType;
import org.invisiblebars.organisation.usecase.ManageOrganisations;
import org.invisiblebars.platform.validation.InvalidInputException;
import org.invisiblebars.platform.validation.InvalidInputException.FieldProblem;
import org.invisiblebars.platform.web.Caller;
import org.invisiblebars.report.domain.PublicationStatus;
import org.invisiblebars.report.domain.ReportStatus;
import org.invisiblebars.report.usecase.PublishReport;
import org.invisiblebars.report.usecase.ReportQueries;
import org.invisiblebars.report.usecase.ReportQueries.ReportView;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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
 * Publishing the organisation's released report, which only the organisation asks for and consents
 * to: the page shows where the publication stands and, once a liaison officer has redacted it, the
 * preview of exactly what would be public (the register's own rendering from {@link
 * ReportQueries#preview}: never the allegation or a name the report lists). The organisation
 * consents after confirming it read that version, asks for changes, or withdraws its consent; the
 * same use cases as {@code /api/v1/reports/{id}/publication...}. An ICRC report is never offered
 * for publication.
 */
@Controller
class ReportPublicationPage {

  static final String VIEW = "portal/report-publication";
  private static final String PAGE = "/portal/reports/{id}/publication";

  private final OrganisationScope scope;
  private final ManageOrganisations organisations;
  private final ReportQueries queries;
  private final PublishReport publication;
  private final MessageSource messages;

  ReportPublicationPage(
      OrganisationScope scope,
      ManageOrganisations organisations,
      ReportQueries queries,
      PublishReport publication,
      MessageSource messages) {
    this.scope = scope;
    this.organisations = organisations;
    this.queries = queries;
    this.publication = publication;
    this.messages = messages;
  }

  @GetMapping(value = PAGE, produces = MediaType.TEXT_HTML_VALUE)
  String page(@PathVariable UUID id, Authentication authentication, CsrfToken csrf, Model model) {
    UUID organisation = PortalPages.page(model, authentication, csrf, organisations, scope);
    return page(model, id, organisation, FieldErrors.NONE, "", "");
  }

  /** The organisation asks to publish its released report: a liaison officer redacts it first. */
  @PostMapping(value = PAGE, produces = MediaType.TEXT_HTML_VALUE)
  String request(
      @PathVariable UUID id,
      Authentication authentication,
      CsrfToken csrf,
      Model model,
      RedirectAttributes redirect) {
    own(id, authentication, csrf, model);
    publication.request(id, Caller.of(authentication).userId());
    redirect.addFlashAttribute("done", "requested");
    return "redirect:/portal/reports/" + id + "/publication";
  }

  /** Consent to the version read, once the person confirms it; nothing is sent otherwise. */
  @PostMapping(value = PAGE + "/consent", produces = MediaType.TEXT_HTML_VALUE)
  String consent(
      @PathVariable UUID id,
      @RequestParam(required = false) String version,
      @RequestParam(required = false) String confirm,
      Authentication authentication,
      CsrfToken csrf,
      Model model,
      RedirectAttributes redirect) {
    UUID organisation = own(id, authentication, csrf, model);
    if (!"yes".equals(confirm)) {
      return page(
          model,
          id,
          organisation,
          errors(
              List.of(
                  new FieldProblem("confirm", problem("reports.publication.confirm.required")))),
          "",
          "");
    }
    try {
      publication.consent(id, FormValues.number(version), Caller.of(authentication).userId());
    } catch (InvalidInputException refused) {
      return page(model, id, organisation, errors(refused.problems()), "", "");
    }
    redirect.addFlashAttribute("done", "consented");
    return "redirect:/portal/reports/" + id + "/publication";
  }

  @PostMapping(value = PAGE + "/changes", produces = MediaType.TEXT_HTML_VALUE)
  String changes(
      @PathVariable UUID id,
      @RequestParam(required = false) String version,
      @RequestParam(required = false) String comments,
      Authentication authentication,
      CsrfToken csrf,
      Model model,
      RedirectAttributes redirect) {
    UUID organisation = own(id, authentication, csrf, model);
    try {
      publication.requestChanges(
          id,
          FormValues.number(version),
          comments == null ? "" : comments,
          Caller.of(authentication).userId());
    } catch (InvalidInputException refused) {
      return page(
          model, id, organisation, errors(refused.problems()), FormValues.text(comments), "");
    }
    redirect.addFlashAttribute("done", "changes");
    return "redirect:/portal/reports/" + id + "/publication";
  }

  @PostMapping(value = PAGE + "/withdrawal", produces = MediaType.TEXT_HTML_VALUE)
  String withdraw(
      @PathVariable UUID id,
      @RequestParam(required = false) String reasons,
      Authentication authentication,
      CsrfToken csrf,
      Model model,
      RedirectAttributes redirect) {
    UUID organisation = own(id, authentication, csrf, model);
    try {
      publication.withdraw(id, reasons == null ? "" : reasons, Caller.of(authentication).userId());
    } catch (InvalidInputException refused) {
      return page(
          model, id, organisation, errors(refused.problems()), "", FormValues.text(reasons));
    }
    redirect.addFlashAttribute("done", "withdrawn");
    return "redirect:/portal/reports/" + id + "/publication";
  }

  /** The caller's organisation, which must be the report's (another's report is not found). */
  private UUID own(UUID id, Authentication authentication, CsrfToken csrf, Model model) {
    UUID organisation = PortalPages.page(model, authentication, csrf, organisations, scope);
    queries.scoped(id, Optional.of(organisation));
    return organisation;
  }

  private String page(
      Model model,
      UUID id,
      UUID organisation,
      FieldErrors errors,
      String comments,
      String reasons) {
    Optional<UUID> own = Optional.of(organisation);
    ReportView report = queries.view(id, own);
    model
        .addAttribute("report", report)
        .addAttribute("stage", stage(report))
        .addAttribute("publication", report.publication() == null ? null : queries.preview(id, own))
        .addAttribute("errors", errors)
        .addAttribute("comments", comments)
        .addAttribute("reasons", reasons);
    return VIEW;
  }

  /**
   * What the page offers: nothing for an ICRC report ({@code ICRC}), nothing yet under review
   * ({@code UNDER_REVIEW}), the request ({@code REQUEST}: released, never asked or withdrawn), or
   * the publication's own status.
   */
  private static String stage(ReportView report) {
    if (report.mandateType() == MandateType.ICRC
        || report.status() == ReportStatus.KEPT_CONFIDENTIAL) {
      return "ICRC";
    }
    if (report.status() == ReportStatus.UNDER_REVIEW) {
      return "UNDER_REVIEW";
    }
    if (report.publication() == null || report.publication() == PublicationStatus.WITHDRAWN) {
      return "REQUEST";
    }
    return report.publication().name();
  }

  private FieldErrors errors(List<FieldProblem> problems) {
    return FieldErrors.of(
        problems,
        field ->
            messages.getMessage(
                "reports.field." + field, null, field, LocaleContextHolder.getLocale()));
  }

  private String problem(String key) {
    return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
  }
}
