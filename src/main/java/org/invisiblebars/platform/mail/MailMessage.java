package org.invisiblebars.platform.mail;

import java.util.List;

/**
 * One e-mail as the outbox stores it: for whom (an address; or a user, or the members of groups,
 * whose addresses the sender looks up in the user store, so the transaction that stores the message
 * never reads it), in which language, the words, the link to the page or task it is about, and its
 * kind (which notification it is, e.g. {@code task-created}).
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
    String kind) {

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
