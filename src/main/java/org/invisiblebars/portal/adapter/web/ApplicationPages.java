package org.invisiblebars.portal.adapter.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.invisiblebars.accreditation.adapter.web.SupportingDocumentFiles;
import org.invisiblebars.accreditation.domain.DocumentKind;
import org.invisiblebars.accreditation.domain.ProgrammeType;
import org.invisiblebars.accreditation.usecase.ApplicationDrafts;
import org.invisiblebars.accreditation.usecase.ApplicationDrafts.Answers;
import org.invisiblebars.accreditation.usecase.ApplicationDrafts.Draft;
import org.invisiblebars.accreditation.usecase.DocumentChecks;
import org.invisiblebars.accreditation.usecase.SubmitApplication.RepresentativeRequest;
import org.invisiblebars.accreditation.usecase.SupportingDocuments;
import org.invisiblebars.accreditation.usecase.SupportingDocuments.DocumentView;
import org.invisiblebars.accreditation.usecase.SupportingDocuments.Upload;
import org.invisiblebars.facility.domain.Facility;
import org.invisiblebars.facility.usecase.ManageFacilities;
import org.invisiblebars.organisation.adapter.OrganisationScope;
import org.invisiblebars.organisation.usecase.ManageOrganisations;
import org.invisiblebars.platform.language.ProblemTexts;
import org.invisiblebars.platform.validation.InvalidInputException;
import org.invisiblebars.platform.validation.InvalidInputException.FieldProblem;
import org.invisiblebars.platform.validation.NotFoundException;
import org.invisiblebars.platform.web.Caller;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An organisation applies for accreditation in the portal: question pages (facilities, the
 * activity, representatives, supporting documents), then "check your answers" and submit. Every
 * page saves the answers as the organisation's draft ("Save and come back later" returns to the
 * dashboard, which offers to continue); "Continue" also checks the page's answers with the rules of
 * the application, and submitting hands the draft to the same use case as {@code POST
 * /api/v1/accreditations} ({@link ApplicationDrafts}): a refusal comes back to the check page with
 * every problem linked to its question, and nothing is stored.
 */
@Controller
class ApplicationPages {

  static final String BASE = "/portal/accreditations/new";

  /** The question pages in order, with the fields each asks for. */
  enum Step {
    FACILITIES("facilities", Set.of("facilityIds")),
    ACTIVITY(
        "activity",
        Set.of(
            "programmeType",
            "proposedActivity",
            "sustainabilityMonths",
            "partners",
            "swot",
            "mandateReference",
            "mandateIssuingBody",
            "mandateValidUntil")),
    REPRESENTATIVES("representatives", Set.of("representatives")),
    DOCUMENTS(
        "documents",
        Set.of(
            ApplicationDrafts.field(DocumentKind.STATUTES),
            ApplicationDrafts.field(DocumentKind.REGISTRATION_CERTIFICATE),
            ApplicationDrafts.field(DocumentKind.FINANCIAL_STATEMENT),
            ApplicationDrafts.field(DocumentKind.REFERENCE)));

    final String path;
    final Set<String> fields;

    Step(String path, Set<String> fields) {
      this.path = path;
      this.fields = fields;
    }

    static Step of(String path) {
      for (Step step : values()) {
        if (step.path.equals(path)) {
          return step;
        }
      }
      throw new NotFoundException("page " + path);
    }

    /** The step that asks for a field ({@code representatives[1].fullName}). */
    static Step asking(String field) {
      String root = field.split("[\\[.]", 2)[0];
      for (Step step : values()) {
        if (step.fields.contains(root)) {
          return step;
        }
      }
      return FACILITIES;
    }

    String next() {
      return ordinal() + 1 < values().length
          ? BASE + "/" + values()[ordinal() + 1].path
          : BASE + "/check";
    }
  }

  /** The kinds an application's documents page takes, in the order it asks for them. */
  static final List<DocumentKind> APPLICATION_KINDS =
      List.of(
          DocumentKind.STATUTES,
          DocumentKind.REGISTRATION_CERTIFICATE,
          DocumentKind.FINANCIAL_STATEMENT,
          DocumentKind.REFERENCE);

  /** The kinds with the name of their file field. */
  static final List<KindField> KIND_FIELDS =
      APPLICATION_KINDS.stream().map(k -> new KindField(k, ApplicationDrafts.field(k))).toList();

  private final OrganisationScope scope;
  private final ManageOrganisations organisations;
  private final ManageFacilities facilities;
  private final ApplicationDrafts drafts;
  private final SupportingDocuments documents;
  private final MessageSource messages;
  private final DocumentChecks checks;

  ApplicationPages(
      OrganisationScope scope,
      ManageOrganisations organisations,
      ManageFacilities facilities,
      ApplicationDrafts drafts,
      SupportingDocuments documents,
      MessageSource messages,
      DocumentChecks checks) {
    this.scope = scope;
    this.organisations = organisations;
    this.facilities = facilities;
    this.drafts = drafts;
    this.documents = documents;
    this.messages = messages;
    this.checks = checks;
  }

  @GetMapping(value = BASE, produces = MediaType.TEXT_HTML_VALUE)
  String start(Authentication authentication) {
    scope.ownOrganisation(Caller.of(authentication));
    return "redirect:" + BASE + "/" + Step.FACILITIES.path;
  }

  @GetMapping(value = BASE + "/{step}", produces = MediaType.TEXT_HTML_VALUE)
  String question(
      @PathVariable String step,
      Authentication authentication,
      CsrfToken csrf,
      Model model,
      Locale locale) {
    Step shown = Step.of(step);
    UUID organisation = PortalPages.page(model, authentication, csrf, organisations, scope);
    Optional<Draft> draft = drafts.open(organisation);
    return render(
        shown,
        organisation,
        draft.map(Draft::answers).orElse(Answers.none()),
        draft,
        List.of(),
        model,
        locale);
  }

  @PostMapping(value = BASE + "/{step}", produces = MediaType.TEXT_HTML_VALUE)
  String answer(
      @PathVariable String step,
      @RequestParam MultiValueMap<String, String> form,
      Authentication authentication,
      CsrfToken csrf,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    Step shown = Step.of(step);
    if (shown == Step.DOCUMENTS) {
      throw new NotFoundException("page " + step);
    }
    UUID organisation = PortalPages.page(model, authentication, csrf, organisations, scope);
    Answers before = drafts.open(organisation).map(Draft::answers).orElse(Answers.none());
    Answers answers = answered(shown, before, form);
    Draft saved = drafts.save(organisation, answers, Caller.of(authentication).userId());
    if ("save".equals(form.getFirst("action"))) {
      redirect.addFlashAttribute("draftSaved", true);
      return "redirect:/portal";
    }
    List<FieldProblem> problems = drafts.problems(organisation, answers, shown.fields);
    if (!problems.isEmpty()) {
      return render(shown, organisation, answers, Optional.of(saved), problems, model, locale);
    }
    return "redirect:" + shown.next();
  }

  /**
   * The documents page: the files chosen are checked on their content and added to the draft (all
   * or none); "Continue" goes on to the check page, which says what is still missing.
   */
  @PostMapping(
      value = BASE + "/documents",
      consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
      produces = MediaType.TEXT_HTML_VALUE)
  String upload(
      MultipartHttpServletRequest request,
      @RequestParam(required = false) String action,
      Authentication authentication,
      CsrfToken csrf,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    UUID organisation = PortalPages.page(model, authentication, csrf, organisations, scope);
    String actor = Caller.of(authentication).userId();
    Draft draft =
        drafts.open(organisation).orElseGet(() -> drafts.save(organisation, Answers.none(), actor));
    List<Upload> uploads = new ArrayList<>();
    for (DocumentKind kind : APPLICATION_KINDS) {
      uploads.addAll(uploads(request.getFiles(ApplicationDrafts.field(kind)), kind));
    }
    try {
      documents.addToDraft(organisation, draft.id(), uploads, actor);
    } catch (InvalidInputException refused) {
      return render(
          Step.DOCUMENTS,
          organisation,
          draft.answers(),
          drafts.open(organisation),
          refused.problems(),
          model,
          locale);
    }
    if ("save".equals(action)) {
      redirect.addFlashAttribute("draftSaved", true);
      return "redirect:/portal";
    }
    if ("upload".equals(action)) {
      return "redirect:" + BASE + "/" + Step.DOCUMENTS.path;
    }
    return "redirect:" + BASE + "/check";
  }

  @PostMapping(value = BASE + "/documents/{document}/removal", produces = MediaType.TEXT_HTML_VALUE)
  String remove(@PathVariable UUID document, Authentication authentication) {
    UUID organisation = scope.ownOrganisation(Caller.of(authentication));
    Draft draft =
        drafts.open(organisation).orElseThrow(() -> new NotFoundException("document " + document));
    documents.removeFromDraft(organisation, draft.id(), document);
    return "redirect:" + BASE + "/" + Step.DOCUMENTS.path;
  }

  @GetMapping(value = BASE + "/check", produces = MediaType.TEXT_HTML_VALUE)
  String check(Authentication authentication, CsrfToken csrf, Model model, Locale locale) {
    UUID organisation = PortalPages.page(model, authentication, csrf, organisations, scope);
    Draft draft =
        drafts.open(organisation).orElseThrow(() -> new NotFoundException("draft application"));
    return checkPage(organisation, draft, List.of(), model, locale);
  }

  @PostMapping(value = BASE + "/check", produces = MediaType.TEXT_HTML_VALUE)
  String submit(
      Authentication authentication,
      CsrfToken csrf,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    UUID organisation = PortalPages.page(model, authentication, csrf, organisations, scope);
    UUID accreditation;
    try {
      accreditation = drafts.submit(organisation, Caller.of(authentication).userId()).getId();
    } catch (InvalidInputException refused) {
      Draft draft =
          drafts.open(organisation).orElseThrow(() -> new NotFoundException("draft application"));
      return checkPage(organisation, draft, refused.problems(), model, locale);
    }
    redirect.addFlashAttribute("applied", true);
    return "redirect:/portal/accreditations/" + accreditation;
  }

  /**
   * A file over the limit of {@code spring.servlet.multipart.max-file-size}: Tomcat stops reading
   * it, so the page cannot tell which field it was in; the documents page says so, with nothing
   * stored.
   */
  @ExceptionHandler(MaxUploadSizeExceededException.class)
  String tooLarge(
      Authentication authentication, Model model, Locale locale, HttpServletRequest request) {
    CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
    UUID organisation = PortalPages.page(model, authentication, csrf, organisations, scope);
    Optional<Draft> draft = drafts.open(organisation);
    return render(
        Step.DOCUMENTS,
        organisation,
        draft.map(Draft::answers).orElse(Answers.none()),
        draft,
        List.of(new FieldProblem("documents", checks.tooLarge())),
        model,
        locale);
  }

  /** The organisation's own document, as uploaded (another organisation's is not found). */
  @GetMapping("/portal/documents/{id}")
  ResponseEntity<byte[]> download(@PathVariable UUID id, Authentication authentication) {
    UUID organisation = scope.ownOrganisation(Caller.of(authentication));
    return SupportingDocumentFiles.download(documents.open(id, Optional.of(organisation)));
  }

  private String render(
      Step step,
      UUID organisation,
      Answers answers,
      Optional<Draft> draft,
      List<FieldProblem> problems,
      Model model,
      Locale locale) {
    boolean formal = organisations.get(organisation).getMandateType().isFormal();
    List<RepresentativeRequest> people =
        new ArrayList<>(answers.representatives() == null ? List.of() : answers.representatives());
    int rows = Math.max(3, people.size() + 1);
    while (people.size() < rows) {
      people.add(new RepresentativeRequest("", ""));
    }
    model
        .addAttribute("step", step.path)
        .addAttribute("stepNumber", step.ordinal() + 1)
        .addAttribute("steps", Step.values().length)
        .addAttribute("answers", answers)
        .addAttribute("formal", formal)
        .addAttribute(
            "facilities", facilities.all().stream().map(ApplicationPages::option).toList())
        .addAttribute(
            "chosen", answers.facilityIds() == null ? Set.of() : Set.copyOf(answers.facilityIds()))
        .addAttribute("programmes", ProgrammeType.values())
        .addAttribute("people", people)
        .addAttribute("kinds", KIND_FIELDS)
        .addAttribute("documents", draft.map(Draft::documents).orElse(List.of()))
        .addAttribute("errors", shown(problems, locale, false))
        .addAttribute("errorText", errorText(problems, locale));
    return "portal/apply-" + step.path;
  }

  private String checkPage(
      UUID organisation, Draft draft, List<FieldProblem> problems, Model model, Locale locale) {
    Map<UUID, String> names = new HashMap<>();
    facilities.all().forEach(f -> names.put(f.getId(), f.getName()));
    List<String> chosen =
        draft.answers().facilityIds() == null
            ? List.of()
            : draft.answers().facilityIds().stream()
                .map(id -> names.getOrDefault(id, "?"))
                .toList();
    Answers a = draft.answers();
    boolean formal = organisations.get(organisation).getMandateType().isFormal();
    List<Row> activity = new ArrayList<>();
    activity.add(
        new Row(
            "programmeType",
            a.programmeType() == null
                ? null
                : messages.getMessage(
                    "apply.programmeType." + a.programmeType(), null, a.programmeType(), locale)));
    activity.add(new Row("proposedActivity", blankToNull(a.proposedActivity())));
    activity.add(new Row("sustainabilityMonths", blankToNull(a.sustainabilityMonths())));
    activity.add(new Row("partners", blankToNull(a.partners())));
    activity.add(new Row("swot", blankToNull(a.swot())));
    if (formal) {
      activity.add(new Row("mandateReference", blankToNull(a.mandateReference())));
      activity.add(new Row("mandateIssuingBody", blankToNull(a.mandateIssuingBody())));
      activity.add(new Row("mandateValidUntil", blankToNull(a.mandateValidUntil())));
    }
    model
        .addAttribute("answers", a)
        .addAttribute("activity", activity)
        .addAttribute("facilityNames", chosen)
        .addAttribute("kinds", KIND_FIELDS)
        .addAttribute("byKind", byKind(draft.documents()))
        .addAttribute("savedAt", draft.savedAt())
        .addAttribute("errors", shown(problems, locale, true));
    return "portal/apply-check";
  }

  /** Reads the page's answers into the draft's, leaving the other pages' answers as they were. */
  private static Answers answered(Step step, Answers a, MultiValueMap<String, String> form) {
    return switch (step) {
      case FACILITIES ->
          new Answers(
              form.getOrDefault("facilityIds", List.of()).stream()
                  .map(ApplicationPages::uuidOrNull)
                  .filter(Objects::nonNull)
                  .distinct()
                  .toList(),
              a.programmeType(),
              a.proposedActivity(),
              a.sustainabilityMonths(),
              a.partners(),
              a.swot(),
              a.mandateReference(),
              a.mandateIssuingBody(),
              a.mandateValidUntil(),
              a.representatives());
      case ACTIVITY ->
          new Answers(
              a.facilityIds(),
              form.getFirst("programmeType"),
              form.getFirst("proposedActivity"),
              form.getFirst("sustainabilityMonths"),
              form.getFirst("partners"),
              form.getFirst("swot"),
              form.getFirst("mandateReference"),
              form.getFirst("mandateIssuingBody"),
              form.getFirst("mandateValidUntil"),
              a.representatives());
      case REPRESENTATIVES -> {
        List<String> names = form.getOrDefault("fullName", List.of());
        List<String> roles = form.getOrDefault("role", List.of());
        List<RepresentativeRequest> people = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
          String name = names.get(i) == null ? "" : names.get(i).strip();
          String role = i < roles.size() && roles.get(i) != null ? roles.get(i).strip() : "";
          if (!name.isEmpty() || !role.isEmpty()) {
            people.add(new RepresentativeRequest(name, role.isEmpty() ? null : role));
          }
        }
        yield new Answers(
            a.facilityIds(),
            a.programmeType(),
            a.proposedActivity(),
            a.sustainabilityMonths(),
            a.partners(),
            a.swot(),
            a.mandateReference(),
            a.mandateIssuingBody(),
            a.mandateValidUntil(),
            people);
      }
      case DOCUMENTS -> a;
    };
  }

  private static List<Upload> uploads(List<MultipartFile> files, DocumentKind kind) {
    List<Upload> uploads = new ArrayList<>();
    for (MultipartFile file : files) {
      if (file.isEmpty()
          && (file.getOriginalFilename() == null || file.getOriginalFilename().isEmpty())) {
        continue; // no file chosen in this field
      }
      try {
        uploads.add(
            new Upload(
                kind, ApplicationDrafts.field(kind), file.getOriginalFilename(), file.getBytes()));
      } catch (IOException unreadable) {
        throw new UncheckedIOException(unreadable);
      }
    }
    return uploads;
  }

  private static UUID uuidOrNull(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException notAnId) {
      return null;
    }
  }

  private static Option option(Facility facility) {
    return new Option(facility.getId(), facility.getName());
  }

  /**
   * The problems as the error summary lists them: the question's label and the problem, linked to
   * the field (on the check page, to the field on its question page).
   */
  private List<ShownProblem> shown(
      List<FieldProblem> problems, Locale locale, boolean onCheckPage) {
    List<ShownProblem> shown = new ArrayList<>();
    for (FieldProblem problem : problems) {
      String anchor = anchor(problem.field());
      String href =
          onCheckPage
              ? BASE + "/" + Step.asking(problem.field()).path + "#" + anchor
              : "#" + anchor;
      shown.add(
          new ShownProblem(
              anchor,
              href,
              label(problem.field(), locale) + " " + ProblemTexts.of(problem.problem(), locale)));
    }
    return shown;
  }

  /** The first problem of each field, by anchor, for the pages' error styles and messages. */
  private Map<String, String> errorText(List<FieldProblem> problems, Locale locale) {
    Map<String, String> text = new LinkedHashMap<>();
    shown(problems, locale, false).forEach(p -> text.putIfAbsent(p.anchor(), p.text()));
    return text;
  }

  private static Map<DocumentKind, List<DocumentView>> byKind(List<DocumentView> documents) {
    Map<DocumentKind, List<DocumentView>> byKind = new LinkedHashMap<>();
    for (DocumentKind kind : APPLICATION_KINDS) {
      byKind.put(kind, documents.stream().filter(d -> d.kind() == kind).toList());
    }
    return byKind;
  }

  /** The id of a field's input: {@code representatives-1-fullName}. */
  static String anchor(String field) {
    return field.replaceAll("[\\[\\].]+", "-").replaceAll("-$", "");
  }

  private String label(String field, Locale locale) {
    String[] parts = field.split("[\\[\\].]+");
    if (parts.length >= 3 && parts[0].equals("representatives")) {
      return messages.getMessage(
          "apply.problem.representative." + parts[2],
          new Object[] {Integer.parseInt(parts[1]) + 1},
          locale);
    }
    return messages.getMessage("apply.problem." + parts[0], null, parts[0], locale);
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }

  /** An answer on the check page: its question's field and the answer, null if none. */
  record Row(String field, String value) {}

  /** A kind of document and the name of its file field. */
  record KindField(DocumentKind kind, String field) {}

  /** A facility to choose. */
  record Option(UUID id, String name) {}

  /** A problem as the page shows it. */
  record ShownProblem(String anchor, String href, String text) {}
}
