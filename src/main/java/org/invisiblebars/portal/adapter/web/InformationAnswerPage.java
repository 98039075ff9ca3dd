package org.invisiblebars.portal.adapter.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.invisiblebars.accreditation.domain.AccreditationStatus;
import org.invisiblebars.accreditation.domain.DocumentKind;
import org.invisiblebars.accreditation.usecase.AccreditationQueries;
import org.invisiblebars.accreditation.usecase.AccreditationQueries.AccreditationView;
import org.invisiblebars.accreditation.usecase.DocumentChecks;
import org.invisiblebars.accreditation.usecase.SupportingDocuments;
import org.invisiblebars.accreditation.usecase.SupportingDocuments.Upload;
import org.invisiblebars.organisation.adapter.OrganisationScope;
import org.invisiblebars.organisation.usecase.ManageOrganisations;
import org.invisiblebars.platform.validation.ConflictException;
import org.invisiblebars.platform.validation.InvalidInputException;
import org.invisiblebars.platform.validation.InvalidInputException.FieldProblem;
import org.invisiblebars.platform.web.Caller;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The organisation answers a request for information on its application: a form with a text and
 * optional files (PDF, PNG or JPEG, checked on their content), the text checked by the same use
 * case as {@code POST /api/v1/accreditations/{id}/information} and stored with the files in one
 * transaction ({@link SupportingDocuments#answerInformation}); a refused answer shows the form
 * again with the GOV.UK error summary naming the field, an accepted one redirects to the
 * accreditation's page (POST, redirect, GET).
 */
@Controller
class InformationAnswerPage {

  static final String VIEW = "portal/information";

  /** The form's file field. */
  static final String FILES = "informationAnswer";

  private final OrganisationScope scope;
  private final ManageOrganisations organisations;
  private final AccreditationQueries queries;
  private final SupportingDocuments documents;
  private final DocumentChecks checks;

  InformationAnswerPage(
      OrganisationScope scope,
      ManageOrganisations organisations,
      AccreditationQueries queries,
      SupportingDocuments documents,
      DocumentChecks checks) {
    this.scope = scope;
    this.organisations = organisations;
    this.queries = queries;
    this.documents = documents;
    this.checks = checks;
  }

  @GetMapping(
      value = "/portal/accreditations/{id}/information",
      produces = MediaType.TEXT_HTML_VALUE)
  String form(@PathVariable UUID id, Authentication authentication, CsrfToken csrf, Model model) {
    UUID organisation = PortalPages.page(model, authentication, csrf, organisations, scope);
    model
        .addAttribute("accreditation", awaitingInformation(id, organisation))
        .addAttribute("information", "")
        .addAttribute("errors", List.of());
    return VIEW;
  }

  @PostMapping(
      value = "/portal/accreditations/{id}/information",
      produces = MediaType.TEXT_HTML_VALUE)
  String answer(
      @PathVariable UUID id,
      @RequestParam(required = false) String information,
      @RequestParam(name = FILES, required = false) List<MultipartFile> files,
      Authentication authentication,
      CsrfToken csrf,
      Model model,
      RedirectAttributes redirect) {
    UUID organisation = PortalPages.page(model, authentication, csrf, organisations, scope);
    AccreditationView accreditation = awaitingInformation(id, organisation);
    try {
      documents.answerInformation(
          id,
          organisation,
          information == null ? "" : information,
          uploads(files),
          Caller.of(authentication).userId());
    } catch (InvalidInputException refused) {
      model
          .addAttribute("accreditation", accreditation)
          .addAttribute("information", information == null ? "" : information)
          .addAttribute("errors", refused.problems());
      return VIEW;
    }
    redirect.addFlashAttribute("answered", true);
    return "redirect:/portal/accreditations/" + id;
  }

  /**
   * A file over {@code spring.servlet.multipart.max-file-size}: the form again, saying so, with
   * nothing stored.
   */
  @ExceptionHandler(MaxUploadSizeExceededException.class)
  String tooLarge(
      @PathVariable UUID id,
      Authentication authentication,
      HttpServletRequest request,
      Model model) {
    CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
    UUID organisation = PortalPages.page(model, authentication, csrf, organisations, scope);
    model
        .addAttribute("accreditation", awaitingInformation(id, organisation))
        .addAttribute("information", "")
        .addAttribute("errors", List.of(new FieldProblem(FILES, checks.tooLarge())));
    return VIEW;
  }

  /** The files chosen, as uploads sent with the answer; a field left empty is none. */
  private static List<Upload> uploads(List<MultipartFile> files) {
    List<Upload> uploads = new ArrayList<>();
    for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
      if (file.isEmpty() && !StringUtils.hasText(file.getOriginalFilename())) {
        continue;
      }
      try {
        uploads.add(
            new Upload(
                DocumentKind.INFORMATION_ANSWER,
                FILES,
                file.getOriginalFilename(),
                file.getBytes()));
      } catch (IOException unreadable) {
        throw new UncheckedIOException(unreadable);
      }
    }
    return uploads;
  }

  /**
   * The organisation's accreditation, when it awaits information (409 otherwise: there is nothing
   * to answer).
   */
  private AccreditationView awaitingInformation(UUID id, UUID organisation) {
    AccreditationView accreditation = queries.view(id, Optional.of(organisation));
    if (accreditation.status() != AccreditationStatus.AWAITING_INFORMATION) {
      throw new ConflictException(
          "accreditation " + accreditation.reference() + " awaits no information");
    }
    return accreditation;
  }
}
