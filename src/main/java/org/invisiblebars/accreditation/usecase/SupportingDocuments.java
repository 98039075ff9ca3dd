package org.invisiblebars.accreditation.usecase;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.invisiblebars.accreditation.domain.DocumentContent;
import org.invisiblebars.accreditation.domain.DocumentContentRepository;
import org.invisiblebars.accreditation.domain.DocumentKind;
import org.invisiblebars.accreditation.domain.SupportingDocument;
import org.invisiblebars.accreditation.domain.SupportingDocumentRepository;
import org.invisiblebars.platform.validation.InvalidInputException;
import org.invisiblebars.platform.validation.InvalidInputException.FieldProblem;
import org.invisiblebars.platform.validation.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The documents an organisation supports its application with (statutes, registration certificate,
 * latest financial statement, references) and sends with an answer to a request for information:
 * every file of a request is checked on its content ({@link DocumentChecks}) before any is stored,
 * so a refused upload stores nothing. An organisation opens only its own documents; the staff who
 * review applications open any (the route's rule says who).
 */
@Service
public class SupportingDocuments {

  /** Where staff open a document (a page of the staff's sign-in, platform/security). */
  public static final String STAFF_ROUTE = "/documents/";

  private static final Map<DocumentKind, String> KIND_LABELS =
      Map.of(
          DocumentKind.STATUTES, "Statutes",
          DocumentKind.REGISTRATION_CERTIFICATE, "Registration certificate",
          DocumentKind.FINANCIAL_STATEMENT, "Latest financial statement",
          DocumentKind.REFERENCE, "Reference",
          DocumentKind.INFORMATION_ANSWER, "Sent with an answer to a request for information");

  private final SupportingDocumentRepository documents;
  private final DocumentContentRepository contents;
  private final DocumentChecks checks;
  private final AccreditationLifecycle lifecycle;
  private final Clock clock;

  SupportingDocuments(
      SupportingDocumentRepository documents,
      DocumentContentRepository contents,
      DocumentChecks checks,
      AccreditationLifecycle lifecycle,
      Clock clock) {
    this.documents = documents;
    this.contents = contents;
    this.checks = checks;
    this.lifecycle = lifecycle;
    this.clock = clock;
  }

  /** Adds the files to the organisation's draft; all of them, or none with every problem named. */
  @Transactional
  public List<DocumentView> addToDraft(
      UUID organisationId, UUID draftId, List<Upload> uploads, String actor) {
    List<DocumentView> added = new ArrayList<>();
    for (SupportingDocument document : store(organisationId, uploads, actor, List.of())) {
      document.attachToDraft(draftId);
      added.add(view(document));
    }
    return added;
  }

  /** Removes a document from the organisation's draft (404 for anyone else's). */
  @Transactional
  public void removeFromDraft(UUID organisationId, UUID draftId, UUID documentId) {
    SupportingDocument document =
        documents
            .findById(documentId)
            .filter(d -> d.getOrganisationId().equals(organisationId))
            .filter(d -> draftId.equals(d.getDraftId()))
            .orElseThrow(() -> new NotFoundException("document " + documentId));
    contents.deleteById(documentId);
    documents.delete(document);
  }

  /**
   * The organisation answers a request for information with a text and files: the same use case as
   * the API's answer, and the files go with the accreditation, in one transaction; a refused text
   * or file stores nothing, and names every problem at once.
   */
  @Transactional
  public void answerInformation(
      UUID accreditationId,
      UUID organisationId,
      String information,
      List<Upload> uploads,
      String actor) {
    List<FieldProblem> problems = new ArrayList<>();
    try {
      lifecycle.supplyInformation(accreditationId, information, actor);
    } catch (InvalidInputException refused) {
      problems.addAll(refused.problems());
    }
    for (SupportingDocument document : store(organisationId, uploads, actor, problems)) {
      document.attachToAccreditation(accreditationId);
    }
  }

  /** Moves the draft's documents to the accreditation it became. */
  @Transactional
  public void submitted(UUID draftId, UUID accreditationId) {
    documents
        .findByDraftIdOrderByUploadedAt(draftId)
        .forEach(d -> d.attachToAccreditation(accreditationId));
  }

  @Transactional(readOnly = true)
  public List<DocumentView> ofDraft(UUID draftId) {
    return documents.findByDraftIdOrderByUploadedAt(draftId).stream()
        .map(SupportingDocuments::view)
        .toList();
  }

  @Transactional(readOnly = true)
  public List<DocumentView> ofAccreditation(UUID accreditationId) {
    return documents.findByAccreditationIdOrderByUploadedAt(accreditationId).stream()
        .map(SupportingDocuments::view)
        .toList();
  }

  /**
   * The document and its bytes: for the organisation's user ({@code organisation} present) only its
   * own, anyone else's being not found (404) like an unknown id; for staff any of a submitted
   * application (a draft's documents are the organisation's alone until it applies).
   */
  @Transactional(readOnly = true)
  public Opened open(UUID documentId, Optional<UUID> organisation) {
    SupportingDocument document =
        documents
            .findById(documentId)
            .filter(
                d ->
                    organisation
                        .map(d.getOrganisationId()::equals)
                        .orElse(d.getAccreditationId() != null))
            .orElseThrow(() -> new NotFoundException("document " + documentId));
    byte[] content = contents.findById(documentId).orElseThrow().getContent();
    return new Opened(view(document), content);
  }

  /**
   * The accreditation's documents as a Markdown list of links to the staff's route, for the forms
   * of the review's tasks in Tasklist (a form-js text component renders it); null when there is
   * none, which hides the list.
   */
  @Transactional(readOnly = true)
  public String forReviewers(UUID accreditationId) {
    List<DocumentView> all = ofAccreditation(accreditationId);
    if (all.isEmpty()) {
      return null;
    }
    StringBuilder list = new StringBuilder();
    for (DocumentView d : all) {
      list.append("- [")
          .append(KIND_LABELS.get(d.kind()))
          .append(": ")
          .append(markdownText(d.fileName()))
          .append(" (")
          .append(d.readableSize())
          .append(")](")
          .append(STAFF_ROUTE)
          .append(d.id())
          .append(")\n");
    }
    return list.toString();
  }

  /** Text shown as written in Markdown: its punctuation escaped. */
  private static String markdownText(String text) {
    return text.replaceAll("([\\\\`*_\\[\\]()#+\\-!<>.|{}])", "\\\\$1");
  }

  /**
   * Checks every upload (adding its problems to {@code problems}), then stores them all when no
   * problem was found, or throws them all.
   */
  private List<SupportingDocument> store(
      UUID organisationId, List<Upload> uploads, String actor, List<FieldProblem> problems) {
    List<FieldProblem> found = new ArrayList<>(problems);
    List<DocumentChecks.Checked> checked = new ArrayList<>();
    for (Upload upload : uploads) {
      try {
        checked.add(checks.check(upload.field(), upload.originalName(), upload.content()));
      } catch (InvalidInputException refused) {
        found.addAll(refused.problems());
      }
    }
    if (!found.isEmpty()) {
      throw new InvalidInputException(found);
    }
    Instant now = clock.instant();
    List<SupportingDocument> stored = new ArrayList<>();
    for (int i = 0; i < uploads.size(); i++) {
      DocumentChecks.Checked file = checked.get(i);
      SupportingDocument document =
          documents.save(
              new SupportingDocument(
                  organisationId,
                  uploads.get(i).kind(),
                  file.fileName(),
                  file.mediaType(),
                  file.size(),
                  file.sha256(),
                  actor,
                  now));
      contents.save(new DocumentContent(document.getId(), uploads.get(i).content()));
      stored.add(document);
    }
    return stored;
  }

  private static DocumentView view(SupportingDocument d) {
    return new DocumentView(
        d.getId(),
        d.getKind(),
        d.getFileName(),
        d.getMediaType(),
        d.getSizeBytes(),
        d.getUploadedAt());
  }

  /** A file as a person sent it, for the form field {@code field}. */
  public record Upload(DocumentKind kind, String field, String originalName, byte[] content) {}

  /** A document as listed: what it is, its name, type and size, never its bytes. */
  public record DocumentView(
      UUID id,
      DocumentKind kind,
      String fileName,
      String mediaType,
      long size,
      Instant uploadedAt) {

    /** The size for people: "340 KB", "2.1 MB". */
    public String readableSize() {
      if (size < 1024 * 1024) {
        return Math.max(1, Math.round(size / 1024.0)) + " KB";
      }
      return String.format(Locale.ROOT, "%.1f MB", size / (1024.0 * 1024.0));
    }
  }

  /** A document with its bytes. */
  public record Opened(DocumentView document, byte[] content) {}
}
