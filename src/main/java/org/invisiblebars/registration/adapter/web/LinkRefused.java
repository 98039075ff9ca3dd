package org.invisiblebars.registration.adapter.web;

import jakarta.servlet.http.HttpServletRequest;
import org.invisiblebars.platform.web.HtmlRequests;
import org.invisiblebars.registration.usecase.OrganisationRegistrations.Link;
import org.invisiblebars.registration.usecase.OrganisationRegistrations.LinkState;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.ModelAndView;

/**
 * The answer to a link from an e-mail that can no longer be used, saying why: used already or
 * expired (410 Gone), or not one we sent (404). A person reads a page with what to do next; a
 * client that does not ask for HTML (a script) gets problem details, as from the portal's other
 * pages.
 */
final class LinkRefused {

  private LinkRefused() {}

  static Object answer(Link link, HttpServletRequest request) {
    HttpStatus status = link.state() == LinkState.UNKNOWN ? HttpStatus.NOT_FOUND : HttpStatus.GONE;
    if (!HtmlRequests.wanted(request)) {
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(
              status,
              switch (link.state()) {
                case USED -> "The link was used already: each link works once.";
                case EXPIRED -> "The link has expired.";
                default -> "The link is not one we sent.";
              });
      problem.setTitle(status == HttpStatus.GONE ? "Link no longer valid" : "Link not found");
      return ResponseEntity.status(status)
          .contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .body(problem);
    }
    ModelAndView page = new ModelAndView("portal/link-refused");
    page.addObject("state", link.state().name());
    page.setStatus(status);
    return page;
  }
}
