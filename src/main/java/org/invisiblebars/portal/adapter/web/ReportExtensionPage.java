package org.invisiblebars.portal.adapter.web;

import java.util.Optional;
import java.util.UUID;
import org.invisiblebars.organisation.adapter.OrganisationScope;
import org.invisiblebars.organisation.usecase.ManageOrganisations;
import org.invisiblebars.platform.validation.ConflictException;
import org.invisiblebars.platform.validation.InvalidInputException;
import org.invisiblebars.platform.web.Caller;
import org.invisiblebars.report.domain.ReportStatus;
import org.invisiblebars.report.usecase.ReportQueries;
import org.invisiblebars.report.usecase.ReportQueries.ReportView;
import org.invisiblebars.report.usecase.ReviewReport;
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
 * The organisation answers the director's request to extend its report's review period: agree (the
 * period moves) or refuse (it stays), with reasons if it likes; the same use case as {@code POST
 * /api/v1/reports/{id}/extension-answer}. Asked when no extension awaits an answer: 409.
 */
@Controller
class ReportExtensionPage {

  static final String VIEW = "portal/report-extension";
  private static final String PAGE = "/portal/reports/{id}/extension-answer";

  private final OrganisationScope scope;
  private final ManageOrganisations organisations;
  private final ReportQueries queries;
  private final ReviewReport review;
  private final MessageSource messages;

  ReportExtensionPage(
      OrganisationScope scope,
      ManageOrganisations organisations,
      ReportQueries queries,
      ReviewReport review,
      MessageSource messages) {
    this.scope = scope;
    this.organisations = organisations;
    this.queries = queries;
    this.review = review;
    this.messages = messages;
  }

  @GetMapping(value = PAGE, produces = MediaType.TEXT_HTML_VALUE)
  String form(@PathVariable UUID id, Authentication authentication, CsrfToken csrf, Model model) {
    UUID organisation = PortalPages.page(model, authentication, csrf, organisations, scope);
    model
        .addAttribute("report", awaitingAnswer(id, organisation))
        .addAttribute("agree", "")
        .addAttribute("reasons", "")
        .addAttribute("errors", FieldErrors.NONE);
    return VIEW;
  }

  @PostMapping(value = PAGE, produces = MediaType.TEXT_HTML_VALUE)
  String answer(
      @PathVariable UUID id,
      @RequestParam(required = false) String agree,
      @RequestParam(required = false) String reasons,
      Authentication authentication,
      CsrfToken csrf,
      Model model,
      RedirectAttributes redirect) {
    UUID organisation = PortalPages.page(model, authentication, csrf, organisations, scope);
    ReportView report = awaitingAnswer(id, organisation);
    Boolean agreed = "yes".equals(agree) ? Boolean.TRUE : "no".equals(agree) ? Boolean.FALSE : null;
    try {
      review.answerExtension(
          id,
          agreed,
          reasons == null || reasons.isBlank() ? null : reasons.strip(),
          Caller.of(authentication).userId());
    } catch (InvalidInputException refused) {
      model
          .addAttribute("report", report)
          .addAttribute("agree", agree == null ? "" : agree)
          .addAttribute("reasons", reasons == null ? "" : reasons)
          .addAttribute(
              "errors",
              FieldErrors.of(
                  refused.problems(),
                  field ->
                      messages.getMessage(
                          "reports.field." + field, null, field, LocaleContextHolder.getLocale())));
      return VIEW;
    }
    redirect.addFlashAttribute("extensionAnswered", true);
    return "redirect:/portal/reports/" + id;
  }

  /** The organisation's report, when an extension awaits its answer (409 otherwise). */
  private ReportView awaitingAnswer(UUID id, UUID organisation) {
    ReportView report = queries.view(id, Optional.of(organisation));
    if (report.status() != ReportStatus.UNDER_REVIEW
        || report.extension() == null
        || report.extension().agreed() != null) {
      throw new ConflictException(
          "no extension of report " + report.reference() + " awaits an answer");
    }
    return report;
  }
}
