package org.invisiblebars.accreditation.usecase;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import org.invisiblebars.accreditation.domain.Mou;
import org.invisiblebars.accreditation.usecase.AccreditationProcess.Element;
import org.invisiblebars.accreditation.usecase.AccreditationRulesSource.CriteriaRules;
import org.invisiblebars.platform.validation.RequiredWhen;
import org.invisiblebars.report.domain.Report;
import org.springframework.stereotype.Service;

/**
 * The published rules of accreditation, so that an organisation knows them before it applies: the
 * criteria with their weights and thresholds from the deployed decision, what an application must
 * contain (from the checks the application passes), and the waiting times and review periods from
 * the deployed process and the code that enforces them. Nothing here is a copy to keep in step.
 */
@Service
public class AccreditationRules {

  private final AccreditationRulesSource source;

  AccreditationRules(AccreditationRulesSource source) {
    this.source = source;
  }

  /** The rules as they stand now. */
  public PublishedRules published() {
    return new PublishedRules(
        source.criteria(),
        required(false),
        required(true),
        new Periods(
            days(Element.INFORMATION_OVERDUE),
            days(Element.MOU_ANSWER_OVERDUE),
            days(Element.COUNTERSIGNATURE_OVERDUE),
            Mou.DEFAULT_CONFIDENTIALITY_DAYS,
            Mou.MAX_CONFIDENTIALITY_DAYS,
            Report.MAX_EXTENSION_DAYS,
            Mou.DEFAULT_TERM_MONTHS,
            Mou.MAX_TERM_MONTHS,
            AccreditationLifecycle.RENEWAL_REMINDER_DAYS));
  }

  private Integer days(String timer) {
    return source.timer(timer).map(d -> (int) d.toDays()).orElse(null);
  }

  /**
   * The parts of an application {@link SubmitApplication.Request} requires, read from its
   * constraints: those every application needs, or those only a formal mandate (NPM, ICRC) needs.
   */
  static List<String> required(boolean formalMandateOnly) {
    Class<SubmitApplication.Request> type = SubmitApplication.Request.class;
    if (formalMandateOnly) {
      return Arrays.stream(type.getAnnotationsByType(RequiredWhen.class))
          .map(RequiredWhen::field)
          .toList();
    }
    return Arrays.stream(type.getRecordComponents())
        .filter(AccreditationRules::isRequired)
        .map(RecordComponent::getName)
        .toList();
  }

  /** A constraint on a record component is kept on its accessor, where Bean Validation reads it. */
  private static boolean isRequired(RecordComponent component) {
    Method accessor = component.getAccessor();
    return accessor.isAnnotationPresent(NotNull.class)
        || accessor.isAnnotationPresent(NotBlank.class)
        || accessor.isAnnotationPresent(NotEmpty.class);
  }

  /** What the public reads. */
  public record PublishedRules(
      CriteriaRules criteria,
      List<String> requiredInEveryApplication,
      List<String> requiredForAFormalMandate,
      Periods periods) {}

  /**
   * Waiting times (days without an answer before an application is withdrawn or lapses) and the
   * review period of a report: the days in the MoU by default and at most, and the one extension.
   */
  public record Periods(
      Integer informationRequestDays,
      Integer mouAnswerDays,
      Integer countersignatureDays,
      int defaultReviewDays,
      int maximumReviewDays,
      int maximumExtensionDays,
      int defaultTermMonths,
      int maximumTermMonths,
      int renewalReminderDaysBeforeTermEnds) {}
}
