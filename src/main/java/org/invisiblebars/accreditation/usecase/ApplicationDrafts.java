package org.invisiblebars.accreditation.usecase;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.invisiblebars.accreditation.domain.Accreditation;
import org.invisiblebars.accreditation.domain.ApplicationDraft;
import org.invisiblebars.accreditation.domain.ApplicationDraftRepository;
import org.invisiblebars.accreditation.domain.DocumentKind;
import org.invisiblebars.accreditation.domain.ProgrammeType;
import org.invisiblebars.accreditation.usecase.SubmitApplication.RepresentativeRequest;
import org.invisiblebars.accreditation.usecase.SubmitApplication.Request;
import org.invisiblebars.accreditation.usecase.SupportingDocuments.DocumentView;
import org.invisiblebars.organisation.domain.MandateType;
import org.invisiblebars.organisation.domain.Organisation;
import org.invisiblebars.organisation.domain.OrganisationRepository;
import org.invisiblebars.platform.validation.InputRules;
import org.invisiblebars.platform.validation.InvalidInputException;
import org.invisiblebars.platform.validation.InvalidInputException.FieldProblem;
import org.invisiblebars.platform.validation.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The application an organisation writes in the portal, step by step: its answers are kept as a
 * draft (one per organisation) so that it can come back later, each step is checked with the rules
 * of the application itself ({@link SubmitApplication.Request}'s constraints), and submitting hands
 * the whole to {@link SubmitApplication} (the same use case as {@code POST /api/v1/accreditations},
 * with the draft's id as idempotency key) together with the required supporting documents, in one
 * transaction: a refused submission changes nothing.
 */
@Service
public class ApplicationDrafts {

  private final ApplicationDraftRepository drafts;
  private final OrganisationRepository organisations;
  private final SupportingDocuments documents;
  private final SubmitApplication submitApplication;
  private final InputRules rules;
  private final ObjectMapper json;
  private final Clock clock;

  ApplicationDrafts(
      ApplicationDraftRepository drafts,
      OrganisationRepository organisations,
      SupportingDocuments documents,
      SubmitApplication submitApplication,
      InputRules rules,
      ObjectMapper json,
      Clock clock) {
    this.drafts = drafts;
    this.organisations = organisations;
    this.documents = documents;
    this.submitApplication = submitApplication;
    this.rules = rules;
    this.json = json;
    this.clock = clock;
  }

  /** The organisation's open draft, if it has one. */
  @Transactional(readOnly = true)
  public Optional<Draft> open(UUID organisationId) {
    return drafts.findByOrganisationId(organisationId).map(this::draft);
  }

  /**
   * Keeps the answers as the organisation's draft (creating it the first time); answers are kept as
   * written, checked only by {@link #problems} and when submitted.
   */
  @Transactional
  public Draft save(UUID organisationId, Answers answers, String actor) {
    lockOrganisation(organisationId);
    String written = write(answers);
    ApplicationDraft draft =
        drafts
            .findByOrganisationId(organisationId)
            .map(
                d -> {
                  d.update(written, actor, clock.instant());
                  return d;
                })
            .orElseGet(
                () ->
                    drafts.save(
                        new ApplicationDraft(organisationId, written, actor, clock.instant())));
    return draft(draft);
  }

  /**
   * The problems of the answers to the given fields (a step of the form), by the application's
   * rules: the same words as a submission's.
   */
  public List<FieldProblem> problems(UUID organisationId, Answers answers, Set<String> fields) {
    List<FieldProblem> problems = new ArrayList<>();
    Request request = request(mandateType(organisationId), answers, problems);
    problems.addAll(rules.problems(request));
    return problems.stream().filter(p -> fields.contains(root(p.field()))).toList();
  }

  /**
   * Submits the draft: the answers and the required documents are checked (every problem at once,
   * each naming its field), the accreditation is created by {@link SubmitApplication}, the
   * documents move to it and the draft is removed.
   */
  @Transactional
  public Accreditation submit(UUID organisationId, String actor) {
    lockOrganisation(organisationId);
    ApplicationDraft stored =
        drafts
            .findByOrganisationId(organisationId)
            .orElseThrow(() -> new NotFoundException("draft of organisation " + organisationId));
    Draft draft = draft(stored);
    List<FieldProblem> problems = new ArrayList<>();
    Request request = request(mandateType(organisationId), draft.answers(), problems);
    problems.addAll(rules.problems(request));
    for (DocumentKind kind : DocumentKind.values()) {
      if (kind.isRequiredToApply() && draft.documents().stream().noneMatch(d -> d.kind() == kind)) {
        problems.add(new FieldProblem(field(kind), "is required: upload a PDF, PNG or JPEG file"));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    Accreditation accreditation =
        submitApplication
            .submit(
                organisationId,
                request,
                "portal-draft-" + stored.getId(),
                actor,
                id -> documents.submitted(stored.getId(), id))
            .accreditation();
    drafts.delete(stored);
    return accreditation;
  }

  /** The form field of a kind of document: {@code registrationCertificate}. */
  public static String field(DocumentKind kind) {
    String[] words = kind.name().toLowerCase(Locale.ROOT).split("_");
    StringBuilder field = new StringBuilder(words[0]);
    Arrays.stream(words)
        .skip(1)
        .forEach(w -> field.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1)));
    return field.toString();
  }

  private void lockOrganisation(UUID organisationId) {
    organisations
        .findForUpdateById(organisationId)
        .orElseThrow(() -> new NotFoundException("organisation " + organisationId));
  }

  private MandateType mandateType(UUID organisationId) {
    return organisations
        .findById(organisationId)
        .map(Organisation::getMandateType)
        .orElseThrow(() -> new NotFoundException("organisation " + organisationId));
  }

  /**
   * The request the answers make; what cannot even be read (a number of months that is not a
   * number, a date that is not a date) is added to {@code problems} and left out.
   */
  private static Request request(MandateType type, Answers a, List<FieldProblem> problems) {
    ProgrammeType programme = null;
    if (a.programmeType() != null && !a.programmeType().isBlank()) {
      try {
        programme = ProgrammeType.valueOf(a.programmeType());
      } catch (IllegalArgumentException unknown) {
        problems.add(new FieldProblem("programmeType", "is not a programme we know"));
      }
    }
    Integer months = null;
    if (a.sustainabilityMonths() != null && !a.sustainabilityMonths().isBlank()) {
      try {
        months = Integer.valueOf(a.sustainabilityMonths().strip());
      } catch (NumberFormatException notANumber) {
        problems.add(new FieldProblem("sustainabilityMonths", "must be a whole number of months"));
        months = 0;
      }
    }
    LocalDate validUntil = null;
    if (type.isFormal() && a.mandateValidUntil() != null && !a.mandateValidUntil().isBlank()) {
      try {
        validUntil = LocalDate.parse(a.mandateValidUntil().strip());
      } catch (DateTimeParseException notADate) {
        problems.add(new FieldProblem("mandateValidUntil", "must be a date such as 2030-12-31"));
      }
    }
    return new Request(
        type,
        programme,
        type.isFormal() ? blankToNull(a.mandateReference()) : null,
        type.isFormal() ? blankToNull(a.mandateIssuingBody()) : null,
        validUntil,
        blankToNull(a.proposedActivity()),
        blankToNull(a.swot()),
        blankToNull(a.partners()),
        months,
        a.facilityIds() == null ? List.of() : a.facilityIds(),
        a.representatives() == null ? List.of() : a.representatives(),
        null,
        null,
        null);
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }

  private static String root(String field) {
    int end = field.length();
    for (char c : new char[] {'[', '.'}) {
      int at = field.indexOf(c);
      if (at >= 0 && at < end) {
        end = at;
      }
    }
    return field.substring(0, end);
  }

  private Draft draft(ApplicationDraft stored) {
    try {
      return new Draft(
          stored.getId(),
          json.readValue(stored.getAnswers(), Answers.class),
          documents.ofDraft(stored.getId()),
          stored.getUpdatedAt());
    } catch (JsonProcessingException unreadable) {
      throw new IllegalStateException("draft " + stored.getId() + " cannot be read", unreadable);
    }
  }

  private String write(Answers answers) {
    try {
      return json.writeValueAsString(answers);
    } catch (JsonProcessingException impossible) {
      throw new IllegalStateException("answers cannot be written", impossible);
    }
  }

  /**
   * What the organisation has answered so far, as it wrote it: the fields of an application's
   * request, the number of months and the mandate's date as text.
   */
  public record Answers(
      List<UUID> facilityIds,
      String programmeType,
      String proposedActivity,
      String sustainabilityMonths,
      String partners,
      String swot,
      String mandateReference,
      String mandateIssuingBody,
      String mandateValidUntil,
      List<RepresentativeRequest> representatives) {

    public static Answers none() {
      return new Answers(List.of(), null, null, null, null, null, null, null, null, List.of());
    }
  }

  /** A draft with its documents and when it was last saved. */
  public record Draft(UUID id, Answers answers, List<DocumentView> documents, Instant savedAt) {}
}
