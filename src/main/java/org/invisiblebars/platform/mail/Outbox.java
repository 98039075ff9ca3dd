package org.invisiblebars.platform.mail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.invisiblebars.platform.identity.UserPreferences;
import org.invisiblebars.platform.identity.UserPreferences.Digest;
import org.invisiblebars.platform.identity.UserPreferences.Preference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The table {@code mail_outbox}: messages stored in the transaction of the change that causes them
 * ({@link #enqueue}), claimed by a sender, then marked sent, due again later, or failed. A message
 * stored for a user or for groups (a notice) has no address yet: the sender resolves it into one
 * message per person ({@link #expand}), so the transaction that stores it never reads the user
 * store.
 *
 * <p><b>Claiming.</b> A sender claims due messages with one update whose subquery picks them {@code
 * FOR UPDATE SKIP LOCKED}: rows another sender is claiming at that moment are skipped instead of
 * waited for, so two senders (on one node or two) never wait for each other, never deadlock, and
 * never take the same message. The update sets the run's claim token, and the sender then reads the
 * rows carrying it. PostgreSQL and H2 2.3 (the single-node database) both run the statement
 * unchanged. A claim is committed before the message is sent; a node that dies between its claim
 * and the outcome leaves the message {@code SENDING}, and {@link #releaseStale} returns it to
 * {@code PENDING} after the claim timeout: such a message may then be sent twice, never lost.
 *
 * <p><b>A notice that cannot be written</b> (a text missing from the bundle, values that are not
 * JSON) is {@code FAILED} on its own, with the error, and listed with the failures; it never stops
 * the other notices. Subjects and bodies longer than their columns are shortened.
 */
@Component
public class Outbox {

  static final String PENDING = "PENDING";
  static final String SENDING = "SENDING";
  static final String SENT = "SENT";
  static final String FAILED = "FAILED";
  static final String EXPANDED = "EXPANDED";

  /** A new task's message kept for its recipient's daily digest, then {@code DIGESTED}. */
  static final String DIGEST = "DIGEST";

  static final String DIGESTED = "DIGESTED";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** The longest error text kept, the column's width. */
  static final int ERROR_LENGTH = 2000;

  /** The widths of the subject and text columns. */
  static final int SUBJECT_LENGTH = 998;

  static final int TEXT_LENGTH = 20000;

  /** The width of the column of a notice's values, as JSON. */
  static final int VALUES_LENGTH = 4000;

  private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);

  private final NamedParameterJdbcTemplate jdbc;
  private final Clock clock;
  private final MailTexts texts = new MailTexts();

  public Outbox(NamedParameterJdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Stores {@code message}, due at once, in the caller's transaction: a change rolled back sends
   * nothing. Refused outside a transaction (a message stored on its own could announce a change
   * that never happened).
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public UUID enqueue(MailMessage message) {
    UUID id = UUID.randomUUID();
    OffsetDateTime now = at(clock.instant());
    jdbc.update(
        "insert into mail_outbox (id, recipient_user_id, recipient_groups, recipient_address,"
            + " language, subject, body_text, body_html, link, kind, notice_values, created_at,"
            + " status, attempts, next_attempt_at) values (:id, :userId, :groups, :address,"
            + " :language, :subject, :text, :html, :link, :kind, :values, :now, :status, 0, :now)",
        new MapSqlParameterSource()
            .addValue("id", id)
            .addValue("userId", message.recipientUserId())
            .addValue(
                "groups",
                message.recipientGroups().isEmpty()
                    ? null
                    : String.join(",", message.recipientGroups()))
            .addValue("address", message.recipientAddress())
            .addValue("language", message.language())
            .addValue("subject", fitted(message.subject(), SUBJECT_LENGTH))
            .addValue("text", fitted(message.text(), TEXT_LENGTH))
            .addValue("html", message.html())
            .addValue("link", message.link())
            .addValue("kind", message.kind())
            .addValue("values", message.values() == null ? null : json(message.values()))
            .addValue("now", now)
            .addValue("status", PENDING));
    return id;
  }

  /**
   * Records that what {@code key} names is told, in the caller's transaction; a key already
   * recorded (by this node or another, whose transaction this insert waits for) fails with a {@code
   * DataIntegrityViolationException}.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void once(String key) {
    jdbc.update(
        "insert into mail_told (told_key, told_at) values (:key, :now)",
        new MapSqlParameterSource().addValue("key", key).addValue("now", at(clock.instant())));
  }

  /**
   * Resolves up to {@code batch} notices stored without an address (for a user or for groups) into
   * one message per person {@code recipients} finds, due at once, in one transaction; each notice
   * becomes {@code EXPANDED}. Each message is written in its person's language; a person who
   * switched notices off gets none of a kind that is not {@linkplain NoticeKinds#required
   * required}; a new task's message to a person who chose the daily digest waits for it ({@code
   * DIGEST}). The notices are read {@code FOR UPDATE SKIP LOCKED}: those another sender is
   * expanding are left to it. A notice whose messages cannot be written is {@code FAILED} with the
   * reason. Returns how many notices it read: fewer than {@code batch} when none is left.
   */
  @Transactional
  public int expand(Instant now, int batch, Recipients recipients) {
    MapSqlParameterSource params =
        new MapSqlParameterSource()
            .addValue("now", at(now))
            .addValue("batch", batch)
            .addValue("pending", PENDING)
            .addValue("expanded", EXPANDED)
            .addValue("failed", FAILED);
    List<Map<String, Object>> notices =
        jdbc.queryForList(
            "select id, recipient_user_id, recipient_groups, language, subject, body_text,"
                + " body_html, link, kind, notice_values, created_at from mail_outbox where"
                + " status = :pending and recipient_address is null order by next_attempt_at, id"
                + " limit :batch for update skip locked",
            params);
    for (Map<String, Object> notice : notices) {
      UUID id = (UUID) notice.get("id");
      String kind = (String) notice.get("kind");
      String groups = (String) notice.get("recipient_groups");
      List<MapSqlParameterSource> messages = new ArrayList<>();
      try {
        for (Recipients.Person person :
            recipients.of(
                (String) notice.get("recipient_user_id"),
                groups == null ? List.of() : List.of(groups.split(",")))) {
          Preference preference = person.preference();
          if (preference.optionalNotices() || NoticeKinds.required(kind)) {
            messages.add(messageFor(person, notice, params));
          }
        }
      } catch (DataAccessException e) {
        throw e;
      } catch (RuntimeException e) {
        jdbc.update(
            "update mail_outbox set status = :failed, attempts = attempts + 1, last_error = :error"
                + " where id = :id",
            new MapSqlParameterSource(params.getValues())
                .addValue("id", id)
                .addValue("error", shortened(e.toString())));
        LOG.warn(
            "E-mail notice {} ({}) cannot be written and failed: listed at /api/v1/mail/failures",
            id,
            kind,
            e);
        continue;
      }
      jdbc.update(
          "update mail_outbox set status = :expanded where id = :id",
          new MapSqlParameterSource(params.getValues()).addValue("id", id));
      for (MapSqlParameterSource message : messages) {
        jdbc.update(
            "insert into mail_outbox (id, recipient_user_id, recipient_address, language, subject,"
                + " body_text, body_html, link, kind, created_at, status, attempts,"
                + " next_attempt_at) values (:child, :userId, :address, :language, :subject,"
                + " :text, :html, :link, :kind, :created, :status, 0, :now)",
            message);
      }
    }
    return notices.size();
  }

  /** The message of {@code notice} to {@code person}, in their language: the insert's values. */
  private MapSqlParameterSource messageFor(
      Recipients.Person person, Map<String, Object> notice, MapSqlParameterSource params) {
    String kind = (String) notice.get("kind");
    String values = (String) notice.get("notice_values");
    String language = (String) notice.get("language");
    String subject = (String) notice.get("subject");
    String text = (String) notice.get("body_text");
    if (values != null) {
      Locale chosen = person.preference().mailLanguage();
      MailTexts.Written written =
          texts.write(kind, values(values), (String) notice.get("link"), chosen);
      language = chosen.getLanguage();
      subject = written.subject();
      text = written.body();
    }
    boolean digest =
        TaskNotifications.KIND.equals(kind) && person.preference().digest() == Digest.DAILY;
    return new MapSqlParameterSource(params.getValues())
        .addValue("child", UUID.randomUUID())
        .addValue("userId", person.userId())
        .addValue("address", person.address())
        .addValue("language", language)
        .addValue("subject", fitted(subject, SUBJECT_LENGTH))
        .addValue("text", fitted(text, TEXT_LENGTH))
        .addValue("html", notice.get("body_html"))
        .addValue("link", notice.get("link"))
        .addValue("kind", kind)
        .addValue("created", notice.get("created_at"))
        .addValue("status", digest ? DIGEST : PENDING);
  }

  /** A new task's message waiting for its person's daily digest. */
  public record Digested(
      String userId, String address, String language, String subject, String link) {}

  /**
   * Takes every new task's message waiting for a digest ({@code DIGEST} to {@code DIGESTED}, with
   * one update of the rows no other node is taking, so two nodes never take the same one) and
   * stores, in the same transaction, one digest message per person listing them; returns how many
   * digests.
   */
  @Transactional
  public int digest(Instant now) {
    UUID token = UUID.randomUUID();
    MapSqlParameterSource params =
        new MapSqlParameterSource()
            .addValue("token", token)
            .addValue("now", at(now))
            .addValue("digest", DIGEST)
            .addValue("digested", DIGESTED);
    jdbc.update(
        "update mail_outbox set status = :digested, claim_token = :token, claimed_at = :now"
            + " where id in (select id from mail_outbox where status = :digest for update skip"
            + " locked)",
        params);
    List<Digested> waiting =
        jdbc.query(
            "select recipient_user_id, recipient_address, language, subject, link from"
                + " mail_outbox where claim_token = :token and status = :digested order by"
                + " recipient_address, created_at, id",
            params,
            (rs, row) ->
                new Digested(
                    rs.getString("recipient_user_id"),
                    rs.getString("recipient_address"),
                    rs.getString("language"),
                    rs.getString("subject"),
                    rs.getString("link")));
    Map<String, List<Digested>> byAddress = new LinkedHashMap<>();
    for (Digested task : waiting) {
      byAddress.computeIfAbsent(task.address(), a -> new ArrayList<>()).add(task);
    }
    for (List<Digested> tasks : byAddress.values()) {
      Digested first = tasks.get(0);
      Locale language = UserPreferences.language(first.language()).orElse(Locale.ENGLISH);
      StringBuilder list = new StringBuilder();
      for (Digested task : tasks) {
        list.append("- ").append(task.subject()).append("\n  ").append(task.link()).append('\n');
      }
      Object[] shown = {Integer.toString(tasks.size()), list.toString()};
      enqueue(
          new MailMessage(
              first.userId(),
              List.of(),
              first.address(),
              language.getLanguage(),
              texts.text("task-digest.subject", shown, language),
              texts.text("task-digest.body", shown, language),
              null,
              null,
              "task-digest"));
    }
    return byAddress.size();
  }

  /** A message a sender claimed: what it needs to send it and to count the attempt. */
  public record Claimed(
      UUID id, String address, String subject, String text, String html, int attempts) {}

  /**
   * Claims up to {@code batch} messages due at {@code now} for the sender run {@code token} (see
   * the class's note), oldest due first, and commits the claim.
   */
  @Transactional
  public List<Claimed> claim(UUID token, Instant now, int batch) {
    MapSqlParameterSource params =
        new MapSqlParameterSource()
            .addValue("token", token)
            .addValue("now", at(now))
            .addValue("batch", batch)
            .addValue("pending", PENDING)
            .addValue("sending", SENDING);
    jdbc.update(
        "update mail_outbox set status = :sending, claim_token = :token, claimed_at = :now"
            + " where id in (select id from mail_outbox where status = :pending and"
            + " next_attempt_at <= :now and recipient_address is not null order by"
            + " next_attempt_at, id limit :batch for update skip locked)",
        params);
    return jdbc.query(
        "select id, recipient_address, subject, body_text, body_html, attempts from mail_outbox"
            + " where claim_token = :token and status = :sending order by next_attempt_at, id",
        params,
        (rs, row) ->
            new Claimed(
                rs.getObject("id", UUID.class),
                rs.getString("recipient_address"),
                rs.getString("subject"),
                rs.getString("body_text"),
                rs.getString("body_html"),
                rs.getInt("attempts")));
  }

  /**
   * Returns to {@code PENDING} the messages claimed before {@code claimedBefore} and never settled
   * (their sender died); how many.
   */
  @Transactional
  public int releaseStale(Instant claimedBefore) {
    return jdbc.update(
        "update mail_outbox set status = :pending, claim_token = null, claimed_at = null"
            + " where status = :sending and claimed_at < :before",
        Map.of("pending", PENDING, "sending", SENDING, "before", at(claimedBefore)));
  }

  /** The message was handed to the mail server. */
  @Transactional
  public void sent(UUID id, UUID token, Instant at) {
    jdbc.update(
        "update mail_outbox set status = :sent, sent_at = :at, attempts = attempts + 1,"
            + " last_error = null, claim_token = null where id = :id and claim_token = :token",
        Map.of("sent", SENT, "at", at(at), "id", id, "token", token));
  }

  /**
   * The attempt failed with {@code error}: the message is due again at {@code retryAt}, or, when
   * {@code retryAt} is null, failed for good.
   */
  @Transactional
  public void attemptFailed(UUID id, UUID token, String error, Instant retryAt) {
    MapSqlParameterSource params =
        new MapSqlParameterSource()
            .addValue("id", id)
            .addValue("token", token)
            .addValue("error", shortened(error))
            .addValue("status", retryAt == null ? FAILED : PENDING)
            .addValue("retryAt", retryAt == null ? null : at(retryAt));
    jdbc.update(
        "update mail_outbox set status = :status, attempts = attempts + 1, last_error = :error,"
            + " next_attempt_at = coalesce(:retryAt, next_attempt_at), claim_token = null,"
            + " claimed_at = null where id = :id and claim_token = :token",
        params);
  }

  /** A message that failed for good, as administrators read it. */
  public record Failure(
      UUID id,
      String kind,
      String recipientUserId,
      String recipientAddress,
      String subject,
      String link,
      int attempts,
      String lastError,
      Instant createdAt,
      Instant lastAttemptAt) {}

  /** The {@code limit} most recent messages that failed for good, newest first. */
  @Transactional(readOnly = true)
  public List<Failure> failures(int limit) {
    return jdbc.query(
        "select id, kind, recipient_user_id, recipient_address, subject, link, attempts,"
            + " last_error, created_at, next_attempt_at from mail_outbox where status = :failed"
            + " order by next_attempt_at desc, id limit :limit",
        Map.of("failed", FAILED, "limit", limit),
        Outbox::failure);
  }

  /** How many messages are in {@code status}. */
  @Transactional(readOnly = true)
  public long count(String status) {
    Long count =
        jdbc.queryForObject(
            "select count(*) from mail_outbox where status = :status",
            Map.of("status", status),
            Long.class);
    return count == null ? 0 : count;
  }

  private static Failure failure(ResultSet rs, int row) throws SQLException {
    return new Failure(
        rs.getObject("id", UUID.class),
        rs.getString("kind"),
        rs.getString("recipient_user_id"),
        rs.getString("recipient_address"),
        rs.getString("subject"),
        rs.getString("link"),
        rs.getInt("attempts"),
        rs.getString("last_error"),
        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
        rs.getObject("next_attempt_at", OffsetDateTime.class).toInstant());
  }

  private static String shortened(String error) {
    return fitted(error == null ? "unknown error" : error, ERROR_LENGTH);
  }

  /** {@code text} cut to {@code width} characters, ending with an ellipsis when cut. */
  static String fitted(String text, int width) {
    if (text.length() <= width) {
      return text;
    }
    int end = width - 1;
    if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
      end--; // never half of a character outside the Basic Multilingual Plane
    }
    return text.substring(0, end) + "\u2026";
  }

  /**
   * {@code values} as JSON within the column's width: the longest value is halved until they fit (a
   * name of thousands of characters must not fail the change that tells of it).
   */
  static String json(List<String> values) {
    List<String> fitting = new ArrayList<>(values);
    try {
      String json = JSON.writeValueAsString(fitting);
      while (json.length() > VALUES_LENGTH) {
        int longest = 0;
        for (int i = 1; i < fitting.size(); i++) {
          if (length(fitting.get(i)) > length(fitting.get(longest))) {
            longest = i;
          }
        }
        String value = fitting.get(longest);
        if (length(value) < 2) {
          throw new IllegalArgumentException("a notice has too many values to store");
        }
        fitting.set(longest, fitted(value, (value.length() + 1) / 2));
        json = JSON.writeValueAsString(fitting);
      }
      return json;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("a notice's values are not JSON", e);
    }
  }

  private static int length(String value) {
    return value == null ? 0 : value.length();
  }

  private static List<String> values(String json) {
    try {
      return Arrays.asList(JSON.readValue(json, String[].class));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored notice's values are not JSON", e);
    }
  }

  private static OffsetDateTime at(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
