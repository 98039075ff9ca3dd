package org.invisiblebars.portal.adapter.web;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.invisiblebars.accreditation.usecase.AccreditationQueries;
import org.invisiblebars.accreditation.usecase.AccreditationQueries.AccreditationView;
import org.invisiblebars.accreditation.usecase.ApplicationDrafts;
import org.invisiblebars.accreditation.usecase.SupportingDocuments;
import org.invisiblebars.entry.domain.VisitStatus;
import org.invisiblebars.entry.usecase.VisitQueries;
import org.invisiblebars.entry.usecase.VisitQueries.RepresentativeView;
import org.invisiblebars.entry.usecase.VisitQueries.VisitView;
import org.invisiblebars.facility.usecase.ManageFacilities;
import org.invisiblebars.organisation.adapter.OrganisationScope;
import org.invisiblebars.organisation.usecase.ManageOrganisations;
import org.invisiblebars.platform.web.Caller;
import org.invisiblebars.portal.adapter.AwaitedDeadlines;
import org.invisiblebars.report.domain.PublicationStatus;
import org.invisiblebars.report.domain.ReportStatus;
import org.invisiblebars.report.usecase.ReportQueries;
import org.invisiblebars.report.usecase.ReportQueries.ReportView;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The portal's read-only pages: the dashboard of the signed-in user's organisation (its
 * accreditations, visits and reports, each with what is awaited from it and by when) and one page
 * per record. The records come from the same queries as our API, scoped to the user's organisation
 * ({@link OrganisationScope}): another organisation's record is not found (404), as in the API.
 */
@Controller
class PortalPages {

  private final OrganisationScope scope;
  private final ManageOrganisations organisations;
  private final AccreditationQueries accreditations;
  private final VisitQueries visits;
  private final ReportQueries reports;
  private final AwaitedDeadlines deadlines;
  private final ManageFacilities facilities;
  private final ApplicationDrafts drafts;
  private final SupportingDocuments documents;

  PortalPages(
      OrganisationScope scope,
      ManageOrganisations organisations,
      AccreditationQueries accreditations,
      VisitQueries visits,
      ReportQueries reports,
      AwaitedDeadlines deadlines,
      ApplicationDrafts drafts,
      SupportingDocuments documents,
      ManageFacilities facilities) {
    this.facilities = facilities;
    this.scope = scope;
    this.organisations = organisations;
    this.accreditations = accreditations;
    this.visits = visits;
    this.reports = reports;
    this.deadlines = deadlines;
    this.drafts = drafts;
    this.documents = documents;
  }

  @GetMapping(value = "/portal", produces = MediaType.TEXT_HTML_VALUE)
  String dashboard(Authentication authentication, CsrfToken csrf, Model model) {
    UUID organisation = page(model, authentication, csrf, organisations, scope);
    Optional<UUID> own = Optional.of(organisation);
    model
        .addAttribute(
            "accreditations",
            accreditations.list(own, false).stream().map(a -> accreditation(a, own)).toList())
        .addAttribute("visits", visits.list(own, false).stream().map(PortalPages::visit).toList())
        .addAttribute("reports", reports.list(own).stream().map(this::report).toList())
        .addAttribute("draft", drafts.open(organisation).orElse(null));
    return "portal/dashboard";
  }

  @GetMapping(value = "/portal/accreditations/{id}", produces = MediaType.TEXT_HTML_VALUE)
  String accreditation(
      @PathVariable UUID id, Authentication authentication, CsrfToken csrf, Model model) {
    Optional<UUID> own = Optional.of(page(model, authentication, csrf, organisations, scope));
    model
        .addAttribute("accreditation", accreditation(accreditations.view(id, own), own))
        .addAttribute("documents", documents.ofAccreditation(id));
    return "portal/accreditation";
  }

  @GetMapping(value = "/portal/visits/{id}", produces = MediaType.TEXT_HTML_VALUE)
  String visit(@PathVariable UUID id, Authentication authentication, CsrfToken csrf, Model model) {
    Optional<UUID> own = Optional.of(page(model, authentication, csrf, organisations, scope));
    model.addAttribute("visit", visit(visits.view(id, own, false)));
    return "portal/visit";
  }

  @GetMapping(value = "/portal/reports/{id}", produces = MediaType.TEXT_HTML_VALUE)
  String report(@PathVariable UUID id, Authentication authentication, CsrfToken csrf, Model model) {
    Optional<UUID> own = Optional.of(page(model, authentication, csrf, organisations, scope));
    model.addAttribute("report", report(reports.view(id, own)));
    return "portal/report";
  }

  /**
   * What every page of a signed-in user shows (who, for which organisation, the sign-out form's
   * token); returns the organisation, which an NGO user bound to none does not have (403).
   */
  static UUID page(
      Model model,
      Authentication authentication,
      CsrfToken csrf,
      ManageOrganisations organisations,
      OrganisationScope scope) {
    UUID organisation = scope.ownOrganisation(Caller.of(authentication));
    model
        .addAttribute("user", authentication.getName())
        .addAttribute("organisationName", organisations.get(organisation).getName())
        .addAttribute("csrfParameter", csrf.getParameterName())
        .addAttribute("csrfToken", csrf.getToken());
    return organisation;
  }

  private AccreditationPage accreditation(AccreditationView view, Optional<UUID> own) {
    Instant by = deadlines.of(view).orElse(null);
    String zone = accreditations.zoneOf(view.id(), own).getId();
    Awaited awaited =
        view.awaiting() == null
            ? null
            : switch (view.awaiting()) {
              case "INFORMATION" ->
                  new Awaited("INFORMATION", view.informationRequested(), by, zone);
              case "RENEWAL" -> new Awaited("RENEWAL", null, null);
              default -> new Awaited(view.awaiting(), null, by, zone);
            };
    return new AccreditationPage(
        view, String.join(", ", accreditations.facilityNames(view.id(), own)), awaited);
  }

  private static VisitPage visit(VisitView view) {
    List<String> unacknowledged =
        view.representatives().stream()
            .filter(r -> r.noticeAcknowledgedAt() == null)
            .map(RepresentativeView::name)
            .toList();
    Awaited awaited =
        view.progress().status() == VisitStatus.SCHEDULED && !unacknowledged.isEmpty()
            ? new Awaited(
                "ACKNOWLEDGEMENT",
                String.join(", ", unacknowledged),
                view.request().windowStart(),
                view.request().facilityZone())
            : null;
    return new VisitPage(
        view,
        awaited,
        awaited == null && view.progress().awaiting() != null ? waiting(view) : null);
  }

  /** What a visit waits for when nothing is awaited from the organisation: a key of the words. */
  private static String waiting(VisitView view) {
    return switch (view.progress().status()) {
      case REQUESTED, UNDER_REVIEW -> "VISIT_REVIEW";
      case SCHEDULING -> "SCHEDULING";
      case SCHEDULED -> "VISIT";
      case IN_PROGRESS -> "CHECK_OUT";
      default -> null;
    };
  }

  private ReportPage report(ReportView view) {
    Awaited awaited = null;
    String waiting = null;
    if (view.extension() != null
        && view.extension().agreed() == null
        && view.status() == ReportStatus.UNDER_REVIEW) {
      awaited =
          new Awaited(
              "EXTENSION_ANSWER",
              Integer.toString(view.extension().days()),
              view.reviewEndsAt(),
              facilityZone(view.facilityId()));
    } else if (view.publication() == PublicationStatus.AWAITING_CONSENT) {
      awaited = new Awaited("PUBLICATION_CONSENT", null, null);
    } else if (view.status() == ReportStatus.UNDER_REVIEW) {
      waiting = "REVIEW";
    }
    return new ReportPage(view, awaited, waiting);
  }

  private String facilityZone(UUID facilityId) {
    return facilities.get(facilityId).getZone().getId();
  }

  /**
   * What the organisation is asked to do ({@code what}: a key of the portal's messages), with the
   * text of the request when there is one, and by when: in {@code zone} (an IANA id) where the
   * deadline belongs to a facility, in UTC where {@code zone} is null.
   */
  record Awaited(String what, String detail, Instant by, String zone) {

    Awaited(String what, String detail, Instant by) {
      this(what, detail, by, null);
    }
  }

  /** An accreditation with its facilities' names and what it awaits. */
  record AccreditationPage(AccreditationView view, String facilities, Awaited awaited) {}

  /**
   * A visit with what it awaits from the organisation, or else what it waits for ({@code waiting}:
   * a key of the portal's messages).
   */
  record VisitPage(VisitView view, Awaited awaited, String waiting) {}

  /**
   * A report with what it awaits from the organisation, or else what it waits for ({@code waiting}:
   * a key of the portal's messages).
   */
  record ReportPage(ReportView view, Awaited awaited, String waiting) {}
}
