package org.invisiblebars.platform.mail;

import java.util.List;

/**
 * One e-mail as the outbox stores it: for whom (an address; or a user, or the members of groups,
 * whose addresses the sender looks up in the user store, so the transaction that stores the message
 * never reads it), in which language, the words, the link to the page or task it is about, and its
 * kind (which notification it is, e.g. {@code task-created}). A notice for a user or groups also
 * keeps the values its texts show ({@code values}, null for a message written once), so that each
 * person's message is written in their own language when the sender addresses it.
 */
public record MailMessage(
    String recipientUserId,
    List<String> recipientGroups,
    String recipientAddress,
    String language,
    String subject,
    String text,
    String html,
    String link,
    String kind,
    List<String> values) {

  /** A message written once, in its language. */
  public MailMessage(
      String recipientUserId,
      List<String> recipientGroups,
      String recipientAddress,
      String language,
      String subject,
      String text,
      String html,
      String link,
      String kind) {
    this(
        recipientUserId,
        recipientGroups,
        recipientAddress,
        language,
        subject,
        text,
        html,
        link,
        kind,
        null);
  }

  /** This notice, keeping the {@code values} its texts show. */
  MailMessage withValues(List<String> values) {
    return new MailMessage(
        recipientUserId,
        recipientGroups,
        recipientAddress,
        language,
        subject,
        text,
        html,
        link,
        kind,
        values);
  }

  /** A message to {@code address} (of user {@code userId}, or of nobody known: null). */
  public static MailMessage to(
      String userId, String address, String subject, String text, String link, String kind) {
    return new MailMessage(
        userId,
        List.of(),
        address,
        Notifications.LANGUAGE.getLanguage(),
        subject,
        text,
        null,
        link,
        kind);
  }
}
