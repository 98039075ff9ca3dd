package org.invisiblebars.portal.adapter.web;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.invisiblebars.entry.domain.VisitStatus;
import org.invisiblebars.entry.usecase.VisitQueries;
import org.invisiblebars.entry.usecase.VisitQueries.VisitView;
import org.invisiblebars.facility.domain.Facility;
import org.invisiblebars.facility.usecase.ManageFacilities;
import org.invisiblebars.organisation.adapter.OrganisationScope;
import org.invisiblebars.organisation.usecase.ManageOrganisations;
import org.invisiblebars.platform.validation.InputRules;
import org.invisiblebars.platform.validation.InvalidInputException;
import org.invisiblebars.platform.validation.InvalidInputException.FieldProblem;
import org.invisiblebars.platform.web.Caller;
import org.invisiblebars.report.usecase.SubmitReport;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The organisation submits a monitoring report: one form with its recommendations as structured
 * entries (added and removed with buttons, GOV.UK's "add another" pattern without a script), then
 * the answers to check, then the same use case as {@code POST /api/v1/reports}. Nothing is stored
 * before the organisation submits from the check page; a refused report comes back to the form with
 * the GOV.UK error summary naming each field ("Recommendation 3: text ..."). The form carries an
 * idempotency key from its first page, so a report sent twice (a double click, a resubmitted page)
 * is taken once.
 */
@Controller
class ReportSubmissionPage {

  static final String FORM = "portal/report-new";
  static final String CHECK = "portal/report-check";

  /** How many recommendations one report may hold, as the use case allows. */
  private static final int MOST_RECOMMENDATIONS = 100;

  /** The fields in the order the form shows them (problems are summarised in this order). */
  private static final List<String> FORM_ORDER =
      List.of(
          "Idempotency-Key",
          "title",
          "facilityId",
          "visitIds",
          "visitsCovered",
          "goodPractices",
          "findings",
          "allegation",
          "allegationDetails",
          "personsNamed",
          "recommendations");

  private static final List<String> ROW_ORDER =
      List.of("text", "area", "priority", "resourceEstimate");

  private static final Pattern ROW_FIELD = Pattern.compile("recommendations\\[(\\d+)\\]\\.(\\w+)");

  private final OrganisationScope scope;
  private final ManageOrganisations organisations;
  private final ManageFacilities facilities;
  private final VisitQueries visits;
  private final SubmitReport submitReport;
  private final InputRules rules;
  private final MessageSource messages;
  private final PortalDates dates;

  ReportSubmissionPage(
      OrganisationScope scope,
      ManageOrganisations organisations,
      ManageFacilities facilities,
      VisitQueries visits,
      SubmitReport submitReport,
      InputRules rules,
      MessageSource messages,
      PortalDates dates) {
    this.scope = scope;
    this.organisations = organisations;
    this.facilities = facilities;
    this.visits = visits;
    this.submitReport = submitReport;
    this.rules = rules;
    this.messages = messages;
    this.dates = dates;
  }

  @GetMapping(value = "/portal/reports/new", produces = MediaType.TEXT_HTML_VALUE)
  String form(Authentication authentication, CsrfToken csrf, Model model) {
    UUID organisation = PortalPages.page(model, authentication, csrf, organisations, scope);
    ReportForm form = new ReportForm();
    form.setIdempotencyKey(UUID.randomUUID().toString());
    form.getRecommendations().add(new ReportForm.Row());
    return form(model, organisation, form, FieldErrors.NONE);
  }

  /**
   * Every button of the form and of the check page posts here; {@code action} says which: {@code
   * add} (another recommendation), {@code remove-N} (the recommendation at index N), {@code check}
   * (the answers to check), {@code change} (back to the form), {@code submit}.
   */
  @PostMapping(value = "/portal/reports/new", produces = MediaType.TEXT_HTML_VALUE)
  String post(
      @ModelAttribute("report") ReportForm form,
      @RequestParam(defaultValue = "check") String action,
      Authentication authentication,
      CsrfToken csrf,
      Model model,
      RedirectAttributes redirect) {
    UUID organisation = PortalPages.page(model, authentication, csrf, organisations, scope);
    List<ReportForm.Row> rows = form.getRecommendations();
    switch (action) {
      case "add" -> {
        if (rows.size() < MOST_RECOMMENDATIONS) {
          rows.add(new ReportForm.Row());
        }
        return form(model, organisation, form, FieldErrors.NONE);
      }
      case "change" -> {
        return form(model, organisation, form, FieldErrors.NONE);
      }
      case "check" -> {
        List<FieldProblem> problems = rules.problems(form.request());
        if (!problems.isEmpty()) {
          return form(model, organisation, form, errors(problems));
        }
        return check(model, organisation, form);
      }
      case "submit" -> {
        try {
          OrganisationScope.checkIdempotencyKey(form.getIdempotencyKey());
          var result =
              submitReport.submit(
                  organisation,
                  form.request(),
                  form.getIdempotencyKey(),
                  Caller.of(authentication).userId());
          redirect.addFlashAttribute("submitted", true);
          return "redirect:/portal/reports/" + result.report().getId();
        } catch (InvalidInputException refused) {
          return form(model, organisation, form, errors(refused.problems()));
        }
      }
      default -> {
        if (action.matches("remove-\\d{1,3}")) {
          int index = Integer.parseInt(action.substring("remove-".length()));
          if (index < rows.size() && rows.size() > 1) {
            rows.remove(index);
          }
          return form(model, organisation, form, FieldErrors.NONE);
        }
        throw InvalidInputException.of("action", "must be add, remove-N, check, change or submit");
      }
    }
  }

  private String form(Model model, UUID organisation, ReportForm form, FieldErrors errors) {
    if (form.getRecommendations().isEmpty()) {
      form.getRecommendations().add(new ReportForm.Row());
    }
    model
        .addAttribute("report", form)
        .addAttribute("facilities", facilityChoices())
        .addAttribute("visits", completedVisits(organisation))
        .addAttribute("errors", errors);
    return FORM;
  }

  private String check(Model model, UUID organisation, ReportForm form) {
    UUID facility = form.request().facilityId();
    List<String> chosen = form.getVisitIds();
    model
        .addAttribute("report", form)
        .addAttribute(
            "facilityName",
            facilityChoices().stream()
                .filter(f -> f.id().equals(facility))
                .map(Choice::name)
                .findFirst()
                .orElse(""))
        .addAttribute(
            "visitNames",
            completedVisits(organisation).stream()
                .filter(v -> chosen.contains(v.id().toString()))
                .map(Choice::name)
                .toList());
    return CHECK;
  }

  /** The facilities a report may be about, by name. */
  private List<Choice> facilityChoices() {
    return facilities.all().stream()
        .sorted(Comparator.comparing(Facility::getName))
        .map(f -> new Choice(f.getId(), f.getName()))
        .toList();
  }

  /**
   * The organisation's completed visits, which a report covers (needed once the organisation is no
   * longer accredited: {@code ReportStanding}).
   */
  private List<Choice> completedVisits(UUID organisation) {
    return visits.list(Optional.of(organisation), false).stream()
        .filter(v -> v.progress().status() == VisitStatus.COMPLETED)
        .map(this::visitChoice)
        .toList();
  }

  private Choice visitChoice(VisitView v) {
    return new Choice(
        v.id(),
        v.reference()
            + ", "
            + v.request().facilityName()
            + ", "
            + dates.at(v.request().windowStart()));
  }

  /**
   * The problems in the order of the form (a recommendation's text before its area, priority and
   * resources), each introduced by the name of its field as the form labels it.
   */
  private FieldErrors errors(List<FieldProblem> problems) {
    return FieldErrors.of(
        problems.stream().sorted(Comparator.comparing(p -> formOrder(p.field()))).toList(),
        this::label);
  }

  /** Where a field is on the form: {@code recommendations[2].area} sorts as "09 002 1". */
  private static String formOrder(String field) {
    Matcher row = ROW_FIELD.matcher(field);
    if (row.matches()) {
      return String.format(
          "%02d %03d %d",
          FORM_ORDER.indexOf("recommendations"),
          Integer.parseInt(row.group(1)),
          ROW_ORDER.indexOf(row.group(2)));
    }
    return String.format("%02d", FORM_ORDER.indexOf(field.replaceAll("\\[.*$", "")));
  }

  /** "Title", "Recommendation 3: text" ... in the user's language. */
  private String label(String field) {
    var locale = LocaleContextHolder.getLocale();
    Matcher row = ROW_FIELD.matcher(field);
    if (row.matches()) {
      return messages.getMessage(
          "reports.field.recommendation." + row.group(2),
          new Object[] {Integer.parseInt(row.group(1)) + 1},
          field,
          locale);
    }
    String base = field.replaceAll("\\[.*$", "");
    return messages.getMessage("reports.field." + base, null, field, locale);
  }

  /** An option of a list: its id and what people read. */
  record Choice(UUID id, String name) {}
}
