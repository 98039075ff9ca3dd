package org.invisiblebars.platform.mail;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells people something by e-mail: stores the notice in the outbox in the caller's transaction (so
 * a change rolled back tells nobody), for a user or for the members of groups; the sender looks up
 * who has an e-mail address (people without one are skipped) and delivers. Every message is in
 * English for now; the language is stored with it.
 */
@Component
public class Notifications {

  /** Tasklist's page of one task, relative to the public URL. */
  private static final String TASK_PATH = "/camunda/app/tasklist/default/#/?task=";

  static final Locale LANGUAGE = Locale.ENGLISH;

  private final Outbox outbox;
  private final String publicUrl;
  private final ResourceBundleMessageSource texts = new ResourceBundleMessageSource();

  Notifications(
      Outbox outbox,
      @Value("${invisible-bars.public-url:http://localhost:8080}") String publicUrl) {
    this.outbox = outbox;
    this.publicUrl =
        publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    texts.setBasename("mail/messages");
    texts.setDefaultEncoding("UTF-8");
    texts.setFallbackToSystemLocale(false);
  }

  /** The path of Tasklist's page of task {@code taskId}. */
  public static String taskPath(String taskId) {
    return TASK_PATH + taskId;
  }

  /**
   * Tells the members of {@code groups} (each once, even when in several), in the caller's
   * transaction.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void tellGroups(Collection<String> groups, Notice notice) {
    if (!groups.isEmpty()) {
      outbox.enqueue(message(null, List.copyOf(groups), notice));
    }
  }

  /** Tells each of the users {@code userIds}, in the caller's transaction. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void tellUsers(Collection<String> userIds, Notice notice) {
    for (String userId : userIds) {
      outbox.enqueue(message(userId, List.of(), notice));
    }
  }

  /**
   * Tells whoever reads {@code address}, a person who has no user yet (an organisation registering
   * itself), in the caller's transaction. No user's preferences apply: such a message answers the
   * person's own request (a link to prove the address, the decision on it with its reasons).
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void tellAddress(String address, Notice notice) {
    MailMessage message = message(null, List.of(), notice);
    outbox.enqueue(
        MailMessage.to(
            null, address, message.subject(), message.text(), message.link(), message.kind()));
  }

  private MailMessage message(String userId, List<String> groups, Notice notice) {
    String link = publicUrl + notice.path();
    Object[] values =
        notice.values().stream().map(value -> value == null ? "\u2013" : value).toArray();
    String subject = texts.getMessage(notice.kind() + ".subject", values, LANGUAGE);
    String body =
        texts.getMessage(notice.kind() + ".body", values, LANGUAGE)
            + "\n\n"
            + texts.getMessage("footer", new Object[] {link}, LANGUAGE);
    return new MailMessage(
        userId, groups, null, LANGUAGE.getLanguage(), subject, body, null, link, notice.kind());
  }
}
