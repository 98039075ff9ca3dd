package org.invisiblebars.platform.mail;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.invisiblebars.platform.language.Languages;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells people something by e-mail: stores the notice in the outbox in the caller's transaction (so
 * a change rolled back tells nobody), for a user or for the members of groups; the sender looks up
 * who has an e-mail address (people without one are skipped), writes each person's message in their
 * language ({@link MailTexts}; the notice keeps its values for that) and delivers. The English text
 * stored with the notice is what administrators read of it.
 */
@Component
public class Notifications {

  /** Tasklist's page of one task, relative to the public URL. */
  private static final String TASK_PATH = "/camunda/app/tasklist/default/#/?task=";

  static final Locale LANGUAGE = Locale.ENGLISH;

  private final Outbox outbox;
  private final String publicUrl;
  private final MailTexts texts;

  Notifications(
      Outbox outbox,
      MailTexts texts,
      @Value("${invisible-bars.public-url:http://localhost:8080}") String publicUrl) {
    this.outbox = outbox;
    this.texts = texts;
    this.publicUrl =
        publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
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
   * itself), in {@code language} (the language of the form they used), in the caller's transaction.
   * No user's preferences apply: such a message answers the person's own request (a link to prove
   * the address, the decision on it with its reasons).
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void tellAddress(String address, Notice notice, Locale language) {
    Locale written = Languages.of(language);
    String link = publicUrl + notice.path();
    MailTexts.Written text = texts.write(notice.kind(), notice.values(), link, written);
    outbox.enqueue(
        new MailMessage(
            null,
            List.of(),
            address,
            written.getLanguage(),
            text.subject(),
            text.body(),
            null,
            link,
            notice.kind()));
  }

  /**
   * Tells each of the users {@code userIds} once for {@code key} (a reminder of one deadline at one
   * offset, an approaching breach of one task), in the caller's transaction: the key is stored with
   * the notices, and a second attempt with the same key, on this node or another, fails with a
   * {@code DataIntegrityViolationException} that rolls its transaction back. Run each such notice
   * in a transaction of its own.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void tellUsersOnce(String key, Collection<String> userIds, Notice notice) {
    outbox.once(key);
    tellUsers(userIds, notice);
  }

  /** Tells the members of {@code groups} once for {@code key}, as {@link #tellUsersOnce}. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void tellGroupsOnce(String key, Collection<String> groups, Notice notice) {
    outbox.once(key);
    tellGroups(groups, notice);
  }

  private MailMessage message(String userId, List<String> groups, Notice notice) {
    String link = publicUrl + notice.path();
    MailTexts.Written written = texts.write(notice.kind(), notice.values(), link, LANGUAGE);
    return new MailMessage(
            userId,
            groups,
            null,
            LANGUAGE.getLanguage(),
            written.subject(),
            written.body(),
            null,
            link,
            notice.kind())
        .withValues(notice.values());
  }
}
