package org.invisiblebars.portal.adapter.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.invisiblebars.entry.usecase.RequestVisit;
import org.invisiblebars.entry.usecase.VisitChoices;
import org.invisiblebars.entry.usecase.VisitChoices.Choices;
import org.invisiblebars.entry.usecase.VisitChoices.FacilityChoice;
import org.invisiblebars.organisation.adapter.OrganisationScope;
import org.invisiblebars.organisation.usecase.ManageOrganisations;
import org.invisiblebars.platform.language.ProblemTexts;
import org.invisiblebars.platform.validation.DateTimeInput;
import org.invisiblebars.platform.validation.InvalidInputException;
import org.invisiblebars.platform.validation.InvalidInputException.FieldProblem;
import org.invisiblebars.platform.web.Caller;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The organisation requests a visit from lists: first the facility (its zone and areas follow from
 * it), then its representatives who may visit, the areas, the equipment, the activity and the
 * window as a date and times in the facility's local time. The same use case as {@code POST
 * /api/v1/visits} takes it; its refusals are shown on the form's fields with the GOV.UK error
 * summary, nothing saved; a request taken redirects to the visit's page (POST, redirect, GET). A
 * key made with the form makes a second click find the visit the first one created.
 */
@Controller
class VisitRequestPage {

  static final String FACILITY_VIEW = "portal/visit-facility";
  static final String VIEW = "portal/visit-new";
  private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("H:mm");

  /** The form's fields in the order of the page, which the error summary follows. */
  private static final List<String> FIELDS =
      List.of(
          "facilityId",
          "representativeIds",
          "date",
          "startTime",
          "endTime",
          "activity",
          "areas",
          "equipment");

  private final OrganisationScope scope;
  private final ManageOrganisations organisations;
  private final VisitChoices choices;
  private final RequestVisit requestVisit;

  VisitRequestPage(
      OrganisationScope scope,
      ManageOrganisations organisations,
      VisitChoices choices,
      RequestVisit requestVisit) {
    this.scope = scope;
    this.organisations = organisations;
    this.choices = choices;
    this.requestVisit = requestVisit;
  }

  /** The facility to visit, then (once chosen) the rest of the request. */
  @GetMapping(value = "/portal/visits/new", produces = MediaType.TEXT_HTML_VALUE)
  String form(
      @RequestParam(required = false) String facilityId,
      Authentication authentication,
      CsrfToken csrf,
      Model model) {
    UUID organisation = PortalPages.page(model, authentication, csrf, organisations, scope);
    Choices offered = choices.of(organisation);
    Optional<FacilityChoice> facility = chosen(offered, facilityId);
    if (facility.isEmpty()) {
      model
          .addAttribute("choices", offered)
          .addAttribute(
              "errors",
              facilityId == null
                  ? List.of()
                  : List.of(new FieldProblem("facilityId", "visit.new.error.facility")));
      return FACILITY_VIEW;
    }
    return details(
        model,
        offered,
        facility.get(),
        VisitForm.empty(facility.get().id(), UUID.randomUUID().toString()),
        Map.of());
  }

  @PostMapping(value = "/portal/visits/new", produces = MediaType.TEXT_HTML_VALUE)
  String request(
      @ModelAttribute VisitForm form, Authentication authentication, CsrfToken csrf, Model model) {
    UUID organisation = PortalPages.page(model, authentication, csrf, organisations, scope);
    Choices offered = choices.of(organisation);
    Optional<FacilityChoice> facility = chosen(offered, form.facilityId());
    if (facility.isEmpty()) {
      model
          .addAttribute("choices", offered)
          .addAttribute(
              "errors", List.of(new FieldProblem("facilityId", "visit.new.error.facility")));
      return FACILITY_VIEW;
    }
    Map<String, Problem> errors = new LinkedHashMap<>();
    LocalDate day = day(form, errors);
    LocalTime from = time(form.startTime(), "startTime", errors);
    LocalTime until = time(form.endTime(), "endTime", errors);
    List<UUID> people = new ArrayList<>();
    for (String id :
        form.representativeIds() == null ? List.<String>of() : form.representativeIds()) {
      uuid(id)
          .ifPresentOrElse(
              people::add,
              () -> errors.put("representativeIds", Problem.of("visit.new.error.representatives")));
    }
    RequestVisit.Request request =
        new RequestVisit.Request(
            facility.get().id(),
            people,
            day == null || from == null ? null : DateTimeInput.of(day.atTime(from)),
            day == null || until == null ? null : DateTimeInput.of(day.atTime(until)),
            form.activity() == null ? "" : form.activity(),
            form.areas() == null ? List.of() : form.areas(),
            form.equipment() == null ? List.of() : form.equipment(),
            List.of());
    try {
      if (!errors.isEmpty()) {
        // the use case still checks the rest, so that every problem is shown at once
        requestVisit.check(organisation, request);
        return details(model, offered, facility.get(), form, errors);
      }
      var result =
          requestVisit.request(
              organisation, request, key(form.key()), Caller.of(authentication).userId());
      return "redirect:/portal/visits/" + result.visit().getId();
    } catch (InvalidInputException refused) {
      for (FieldProblem problem : refused.problems()) {
        String field = field(problem.field());
        if (!errors.containsKey(field)) {
          errors.put(field, new Problem(null, ProblemTexts.inPageLanguage(problem.problem())));
        }
      }
      return details(model, offered, facility.get(), form, errors);
    }
  }

  private String details(
      Model model,
      Choices offered,
      FacilityChoice facility,
      VisitForm form,
      Map<String, Problem> errors) {
    Map<String, Problem> inPageOrder = new LinkedHashMap<>();
    FIELDS.stream()
        .filter(errors::containsKey)
        .forEach(field -> inPageOrder.put(field, errors.get(field)));
    model
        .addAttribute("choices", offered)
        .addAttribute("facility", facility)
        .addAttribute("form", form)
        .addAttribute("errors", inPageOrder);
    return VIEW;
  }

  private static Optional<FacilityChoice> chosen(Choices offered, String facilityId) {
    return uuid(facilityId)
        .flatMap(id -> offered.facilities().stream().filter(f -> f.id().equals(id)).findFirst());
  }

  /** The form's field for a field of the use case: the window's times are the form's times. */
  static String field(String useCaseField) {
    String base = useCaseField.replaceAll("\\[\\d+]$", "");
    return switch (base) {
      case "windowStart" -> "startTime";
      case "windowEnd" -> "endTime";
      case "representativeIds", "areas", "equipment", "activity", "facilityId" -> base;
      default -> "activity";
    };
  }

  private static LocalDate day(VisitForm form, Map<String, Problem> errors) {
    try {
      return LocalDate.of(
          Integer.parseInt(form.year().strip()),
          Integer.parseInt(form.month().strip()),
          Integer.parseInt(form.day().strip()));
    } catch (NullPointerException | NumberFormatException | DateTimeException notADate) {
      errors.put("date", Problem.of("visit.new.error.date"));
      return null;
    }
  }

  private static LocalTime time(String text, String field, Map<String, Problem> errors) {
    try {
      return LocalTime.parse(text.strip().replace('.', ':'), HOURS);
    } catch (NullPointerException | DateTimeException notATime) {
      errors.put(field, Problem.of("visit.new.error." + field));
      return null;
    }
  }

  private static Optional<UUID> uuid(String text) {
    try {
      return text == null ? Optional.empty() : Optional.of(UUID.fromString(text));
    } catch (IllegalArgumentException notAUuid) {
      return Optional.empty();
    }
  }

  /** The form's key, when it is one the form made; otherwise none (every post is a new request). */
  private static String key(String key) {
    return uuid(key).map(id -> "portal-" + id).orElse(null);
  }

  /**
   * What is wrong with a field: the key of the portal's words for a problem the form finds, or the
   * use case's own words.
   */
  record Problem(String key, String text) {

    static Problem of(String key) {
      return new Problem(key, null);
    }
  }

  /** The request form as posted: text, so that nothing a person typed is lost on an error. */
  record VisitForm(
      String facilityId,
      List<String> representativeIds,
      List<String> areas,
      List<String> equipment,
      String activity,
      String day,
      String month,
      String year,
      String startTime,
      String endTime,
      String key) {

    static VisitForm empty(UUID facilityId, String key) {
      return new VisitForm(
          facilityId.toString(), List.of(), List.of(), List.of(), "", "", "", "", "", "", key);
    }

    public boolean has(List<String> chosen, Object value) {
      return chosen != null && chosen.contains(value.toString());
    }
  }
}
