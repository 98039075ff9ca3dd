package org.invisiblebars.portal.adapter.web;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import org.invisiblebars.platform.validation.RuleViolation;
import org.invisiblebars.platform.web.HtmlRequests;
import org.invisiblebars.platform.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * A refusal on a portal page, for a person: a page saying what was not found (404: another
 * organisation's record looks like one that does not exist), why the action cannot be done now
 * (409), or that the user represents no organisation (403). A client that does not ask for HTML
 * gets the problem details our API answers, as the {@code /sla} pages do.
 */
@ControllerAdvice(
    assignableTypes = {
      PortalPages.class,
      InformationAnswerPage.class,
      ReportSubmissionPage.class,
      ReportPlanPage.class,
      ReportPublicationPage.class,
      ReportExtensionPage.class,
      MouPages.class,
      RepresentativePages.class,
      DownloadPages.class,
      VisitRequestPage.class,
      SearchNoticePages.class,
      IncidentPages.class,
      ApplicationPages.class
    })
@Order(Ordered.HIGHEST_PRECEDENCE)
class PortalErrors {

  @ExceptionHandler(RuleViolation.class)
  Object refused(RuleViolation refused, HttpServletRequest request, Principal user) {
    HttpStatus status = HttpStatus.valueOf(refused.status());
    if (!HtmlRequests.wanted(request)) {
      return ResponseEntity.status(status)
          .contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .body(Problems.of(refused));
    }
    return page(status, request, user);
  }

  @ExceptionHandler(AccessDeniedException.class)
  Object forbidden(HttpServletRequest request, Principal user) {
    if (!HtmlRequests.wanted(request)) {
      return ResponseEntity.status(HttpStatus.FORBIDDEN)
          .contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .body(Problems.forbidden());
    }
    return page(HttpStatus.FORBIDDEN, request, user);
  }

  /** The page, with who is signed in and the sign-out form as on every portal page. */
  private static ModelAndView page(HttpStatus status, HttpServletRequest request, Principal user) {
    ModelAndView page = new ModelAndView("portal/refused");
    page.setStatus(status);
    page.addObject("status", status.value());
    CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
    if (user != null && csrf != null) {
      page.addObject("user", user.getName())
          .addObject("csrfParameter", csrf.getParameterName())
          .addObject("csrfToken", csrf.getToken());
    }
    return page;
  }
}
