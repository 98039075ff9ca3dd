package org.invisiblebars.report.usecase;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.invisiblebars.platform.validation.ConflictException;
import org.invisiblebars.platform.validation.InputRules;
import org.invisiblebars.platform.validation.InvalidInputException;
import org.invisiblebars.platform.validation.NotFoundException;
import org.invisiblebars.report.domain.PublicText;
import org.invisiblebars.report.domain.PublicTextCheck;
import org.invisiblebars.report.domain.Publication;
import org.invisiblebars.report.domain.PublicationRepository;
import org.invisiblebars.report.domain.Report;
import org.invisiblebars.report.domain.ReportRecommendation;
import org.invisiblebars.report.domain.ReportRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publication of a released report, only ever at its organisation's request and with its consent:
 * the organisation asks, the liaison officer redacts (the safety net refuses a known name or the
 * allegation), the organisation reads the preview and consents to that version or asks for changes,
 * and only then is the report on the public register. The organisation may withdraw its consent at
 * any time. Every step is in the decision log: the API's here, the redaction by its task.
 */
@Service
@Transactional
public class PublishReport {

  private final ReportRepository reports;
  private final PublicationRepository publications;
  private final ReportSubject log;
  private final PublicationProcessPort process;
  private final KnownNames knownNames;
  private final Clock clock;
  private final InputRules rules;
  private final ReportNotices notices;

  PublishReport(
      ReportRepository reports,
      PublicationRepository publications,
      ReportSubject log,
      PublicationProcessPort process,
      KnownNames knownNames,
      Clock clock,
      InputRules rules,
      ReportNotices notices) {
    this.notices = notices;
    this.reports = reports;
    this.publications = publications;
    this.log = log;
    this.process = process;
    this.knownNames = knownNames;
    this.clock = clock;
    this.rules = rules;
  }

  /**
   * The organisation asks to publish its released report (again, after a withdrawal): redaction
   * starts. Refused (409, with the reason) for an ICRC report, a report under review, or one whose
   * publication is already under way or done.
   */
  public Publication request(UUID reportId, String actor) {
    Report report = report(reportId);
    report
        .whyNotPublishable()
        .ifPresent(
            why -> {
              throw new ConflictException(why);
            });
    Publication publication =
        publications
            .findForUpdateById(reportId)
            .map(
                earlier -> {
                  earlier.requestAgain(actor, clock.instant());
                  return earlier;
                })
            .orElseGet(() -> publications.save(new Publication(reportId, actor, clock.instant())));
    log.record(
        reportId,
        "publication",
        "PUBLICATION_REQUESTED",
        "The organisation asked to publish its released report",
        actor);
    process.start(reportId, report.getReference());
    return publication;
  }

  /**
   * What the redactor starts from: the last public version, or else the report's own texts. Never
   * the allegation's details, the referral or the people the report names.
   */
  @Transactional(readOnly = true)
  public PublicText draft(UUID reportId) {
    Publication publication = publication(reportId, false);
    if (publication.getRedactedAt() != null) {
      return publication.text();
    }
    Report report = read(reportId);
    return new PublicText(
        report.getTitle(),
        report.getGoodPractices(),
        report.getFindings(),
        report.getRecommendations().stream()
            .map(r -> r.getPosition() + ". " + r.getText())
            .collect(Collectors.joining("\n\n")),
        report.isEngaged()
            ? report.getRecommendations().stream()
                .filter(r -> r.getAnswer() != null)
                .map(PublishReport::response)
                .collect(Collectors.joining("\n\n"))
            : null);
  }

  /** The comments with which the organisation asked for changes to the last preview, if any. */
  @Transactional(readOnly = true)
  public String changesRequested(UUID reportId) {
    return publication(reportId, false).getChangesRequested();
  }

  /**
   * The liaison officer's public version becomes the organisation's next preview, unless the safety
   * net finds a known name or the allegation in it (400 naming each field). Logged by the task.
   */
  public Publication redact(UUID reportId, PublicText text, String actor) {
    Report report = report(reportId);
    Publication publication = publication(reportId, true);
    Set<String> names = new TreeSet<>(knownNames.people());
    names.addAll(report.getPersonsNamed());
    var problems = PublicTextCheck.problems(text, names, report.getAllegationDetails());
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    publication.redact(text, actor, clock.instant());
    notices.tell(report, ReportNotices.PREVIEW_READY);
    return publication;
  }

  /** The organisation asks for changes to the preview it read (its version), with comments. */
  public Publication requestChanges(UUID reportId, Integer version, String comments, String actor) {
    rules.check(new Changes(version, comments), List.of());
    report(reportId);
    Publication publication = publication(reportId, true);
    publication.requestChanges(version, comments.strip());
    log.record(
        reportId,
        "publication",
        "PUBLICATION_CHANGES_REQUESTED",
        "preview version " + version + ": " + comments.strip(),
        actor);
    process.changesRequested(reportId);
    return publication;
  }

  /**
   * The organisation consents to the preview of {@code version}, exactly as it read it: the report
   * goes on the register now (the process's next step).
   */
  public Publication consent(UUID reportId, Integer version, String actor) {
    rules.check(new Consent(version), List.of());
    report(reportId);
    Publication publication = publication(reportId, true);
    publication.consent(version, actor, clock.instant());
    log.record(
        reportId, "publication", "PUBLICATION_CONSENTED", "preview version " + version, actor);
    process.consented(reportId);
    return publication;
  }

  /** After consent: the redacted version is on the public register. */
  public void publishOnRegister(UUID reportId) {
    Report report = report(reportId);
    publication(reportId, true).publish(clock.instant());
    report.published(clock.instant());
  }

  /** The organisation withdraws its consent: the report leaves the register at once. */
  public Publication withdraw(UUID reportId, String reasons, String actor) {
    rules.check(new Withdrawal(reasons), List.of());
    Report report = report(reportId);
    Publication publication = publication(reportId, true);
    publication.withdraw(reasons.strip(), actor, clock.instant());
    report.unpublished();
    log.record(reportId, "publication", "PUBLICATION_WITHDRAWN", reasons.strip(), actor);
    return publication;
  }

  private static String response(ReportRecommendation r) {
    List<String> parts = new ArrayList<>();
    parts.add(r.getPosition() + ". " + r.getAnswer() + ": " + r.getReasons());
    if (r.getAction() != null) {
      parts.add("Action: " + r.getAction() + " (by " + r.getDeadline() + ")");
    }
    return String.join("\n", parts);
  }

  private Report report(UUID reportId) {
    return reports
        .findForUpdateById(reportId)
        .orElseThrow(() -> new NotFoundException("report " + reportId));
  }

  private Report read(UUID reportId) {
    return reports
        .findById(reportId)
        .orElseThrow(() -> new NotFoundException("report " + reportId));
  }

  private Publication publication(UUID reportId, boolean forUpdate) {
    return (forUpdate ? publications.findForUpdateById(reportId) : publications.findById(reportId))
        .orElseThrow(
            () -> new ConflictException("no publication of report " + reportId + " was requested"));
  }

  /** The organisation's comments on a preview. */
  record Changes(
      @NotNull(message = "is required: the version of the preview you read") Integer version,
      @NotBlank @Size(max = 4000) String comments) {}

  /** The organisation's consent to one preview. */
  record Consent(
      @NotNull(message = "is required: the version of the preview you consent to")
          Integer version) {}

  /** Why the organisation withdraws its consent. */
  record Withdrawal(@NotBlank @Size(max = 4000) String reasons) {}
}
