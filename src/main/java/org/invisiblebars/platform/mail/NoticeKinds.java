package org.invisiblebars.platform.mail;

import java.util.Map;
import java.util.Set;

/**
 * Every kind of e-mail notification, and whether the law requires it: a required notice (a search
 * notice before a visit, a decision with its reasons, a deadline whose end takes a right away) is
 * sent even to a person who switched notices off; the others may be switched off. The one place
 * that says so; {@code NoticeKindsTest} checks that every kind has its texts in every language.
 */
public final class NoticeKinds {

  /** A kind's texts in {@code mail/messages}, and whether it is required. */
  private static final Map<String, Boolean> KINDS =
      Map.ofEntries(
          Map.entry("task-created", false),
          Map.entry("task-digest", false),
          Map.entry("task-escalated", true),
          Map.entry("task-breach-near", true),
          Map.entry("information-requested", true),
          Map.entry("mou-shared", true),
          Map.entry("mou-countersignature", true),
          Map.entry("search-notice", true),
          Map.entry("accreditation-rejected", true),
          Map.entry("accreditation-revoked", true),
          Map.entry("accreditation-active", true),
          Map.entry("accreditation-withdrawn", true),
          Map.entry("accreditation-lapsed", true),
          Map.entry("visit-rejected", true),
          Map.entry("visit-denied", true),
          Map.entry("visit-authorised", true),
          Map.entry("report-extension-requested", true),
          Map.entry("report-plan-submitted", true),
          Map.entry("report-released", true),
          Map.entry("report-kept-confidential", true),
          Map.entry("report-preview-ready", true),
          Map.entry("representative-cleared", true),
          Map.entry("representative-refused", true),
          Map.entry("registration-verify", true),
          Map.entry("registration-known", true),
          Map.entry("registration-approved", true),
          Map.entry("registration-rejected", true),
          Map.entry("reminder-week", false),
          Map.entry("reminder-day", true));

  private NoticeKinds() {}

  /** Every kind of notification. */
  public static Set<String> all() {
    return KINDS.keySet();
  }

  /**
   * Whether {@code kind} is sent even to a person who switched notices off; an unknown kind is
   * required (a notice nobody classified is not silently dropped).
   */
  public static boolean required(String kind) {
    return KINDS.getOrDefault(kind, true);
  }
}
