package org.invisiblebars.portal.adapter.web;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.invisiblebars.organisation.adapter.OrganisationScope;
import org.invisiblebars.organisation.usecase.ManageOrganisations;
import org.invisiblebars.platform.validation.InvalidInputException;
import org.invisiblebars.platform.validation.InvalidInputException.FieldProblem;
import org.invisiblebars.platform.web.Caller;
import org.invisiblebars.report.usecase.ReportQueries;
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
 * The authorities' plan of action on the organisation's report: each recommendation with their
 * answer, reasons, action, owner and deadline, the organisation's comments so far, and a form per
 * recommendation to comment on the answer, checked by the same use case as {@code POST
 * /api/v1/reports/{id}/plan-of-action/recommendations/{position}/comments}. Until the plan is
 * submitted the page says so: the director's answers are drafts the organisation does not read.
 */
@Controller
class ReportPlanPage {

  static final String VIEW = "portal/report-plan";

  private final OrganisationScope scope;
  private final ManageOrganisations organisations;
  private final ReportQueries queries;
  private final ReviewReport review;
  private final MessageSource messages;

  ReportPlanPage(
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

  @GetMapping(value = "/portal/reports/{id}/plan-of-action", produces = MediaType.TEXT_HTML_VALUE)
  String plan(@PathVariable UUID id, Authentication authentication, CsrfToken csrf, Model model) {
    UUID organisation = PortalPages.page(model, authentication, csrf, organisations, scope);
    return page(model, id, organisation, FieldErrors.NONE, null, "");
  }

  @PostMapping(
      value = "/portal/reports/{id}/plan-of-action/recommendations/{position}/comments",
      produces = MediaType.TEXT_HTML_VALUE)
  String comment(
      @PathVariable UUID id,
      @PathVariable int position,
      @RequestParam(required = false) String comment,
      Authentication authentication,
      CsrfToken csrf,
      Model model,
      RedirectAttributes redirect) {
    UUID organisation = PortalPages.page(model, authentication, csrf, organisations, scope);
    queries.scoped(id, Optional.of(organisation));
    String text = comment == null ? "" : comment;
    try {
      review.commentOnAnswer(id, position, text, Caller.of(authentication).userId());
    } catch (InvalidInputException refused) {
      return page(model, id, organisation, errors(position, refused.problems()), position, text);
    }
    redirect.addFlashAttribute("commented", position);
    return "redirect:/portal/reports/" + id + "/plan-of-action#recommendation-" + position;
  }

  private String page(
      Model model,
      UUID id,
      UUID organisation,
      FieldErrors errors,
      Integer refusedPosition,
      String refusedComment) {
    Optional<UUID> own = Optional.of(organisation);
    model
        .addAttribute("report", queries.view(id, own))
        .addAttribute("comments", queries.comments(id, own))
        .addAttribute("errors", errors)
        .addAttribute("refusedPosition", refusedPosition)
        .addAttribute("refusedComment", refusedComment);
    return VIEW;
  }

  /** The comment's problems, anchored at the comment box of its recommendation. */
  private FieldErrors errors(int position, List<FieldProblem> problems) {
    String label =
        messages.getMessage(
            "reports.field.comment",
            new Object[] {position},
            "Your comment",
            LocaleContextHolder.getLocale());
    return FieldErrors.of(
        problems.stream().map(p -> new FieldProblem("comment-" + position, p.problem())).toList(),
        field -> label);
  }
}
