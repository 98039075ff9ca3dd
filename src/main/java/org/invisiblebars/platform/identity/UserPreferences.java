package org.invisiblebars.platform.identity;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.invisiblebars.platform.language.Languages;
import org.invisiblebars.platform.validation.InputRules;
import org.invisiblebars.platform.validation.InvalidInputException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What each person chose for the messages they receive (table {@code user_preference}): their
 * language (English, French or Spanish; none: e-mails in English and the portal in the browser's
 * language), a daily digest of new tasks instead of one e-mail per task, and whether the notices
 * that may be switched off are sent. The Camunda user store has no place for these, and a person
 * who never chose has the defaults without a row.
 */
@Component
public class UserPreferences {

  /** The languages the portal and the e-mails are written in; the first is the default. */
  public static final List<Locale> LANGUAGES = Languages.SUPPORTED;

  /** How a person hears of new tasks in their groups. */
  public enum Digest {
    /** One e-mail per new task, when it is created. */
    IMMEDIATE,
    /** One e-mail a day listing the day's new tasks. */
    DAILY
  }

  /**
   * A person's choices: {@code language} null when they chose none; {@code optionalNotices} false
   * when they switched off the notices that may be switched off.
   */
  public record Preference(Locale language, Digest digest, boolean optionalNotices) {

    public static final Preference DEFAULT = new Preference(null, Digest.IMMEDIATE, true);

    /**
     * The language of this person's e-mails: their choice, else English (a mail has no browser).
     */
    public Locale mailLanguage() {
      return language == null ? LANGUAGES.get(0) : language;
    }
  }

  /**
   * What a person chose on a settings page: {@code language} {@code en}, {@code fr}, {@code es} or
   * {@code none}; {@code digest} {@code IMMEDIATE} or {@code DAILY}; {@code notices} {@code on} or
   * {@code off} (the notices that may be switched off).
   */
  public record Choice(
      @NotNull(message = "is required")
          @Pattern(regexp = "en|fr|es|none", message = "must be en, fr, es or none")
          String language,
      @NotNull(message = "is required")
          @Pattern(regexp = "IMMEDIATE|DAILY", message = "must be IMMEDIATE or DAILY")
          String digest,
      @NotNull(message = "is required") @Pattern(regexp = "on|off", message = "must be on or off")
          String notices) {

    /** What {@code preference} shows on a settings page. */
    public static Choice of(Preference preference) {
      return new Choice(
          preference.language() == null ? "none" : preference.language().getLanguage(),
          preference.digest().name(),
          preference.optionalNotices() ? "on" : "off");
    }
  }

  private final NamedParameterJdbcTemplate jdbc;
  private final Clock clock;
  private final InputRules rules;

  UserPreferences(NamedParameterJdbcTemplate jdbc, Clock clock, InputRules rules) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.rules = rules;
  }

  /**
   * Stores what {@code userId} chose on a settings page; throws {@link InvalidInputException}
   * naming each field that is not one of its choices, and then stores nothing.
   */
  @Transactional
  public Preference choose(String userId, Choice choice) {
    rules.check(choice, List.of());
    Preference preference =
        new Preference(
            language(choice.language()).orElse(null),
            Digest.valueOf(choice.digest()),
            "on".equals(choice.notices()));
    save(userId, preference);
    return preference;
  }

  /** The language {@code tag} names, if it is one of {@link #LANGUAGES}. */
  public static Optional<Locale> language(String tag) {
    if (tag == null) {
      return Optional.empty();
    }
    return LANGUAGES.stream().filter(l -> l.getLanguage().equals(tag)).findFirst();
  }

  /** What {@code userId} chose, or the defaults. */
  @Transactional(readOnly = true)
  public Preference of(String userId) {
    return of(List.of(userId)).getOrDefault(userId, Preference.DEFAULT);
  }

  /** What each of {@code userIds} chose; a user who never chose is absent. */
  @Transactional(readOnly = true)
  public Map<String, Preference> of(Collection<String> userIds) {
    Map<String, Preference> chosen = new HashMap<>();
    if (userIds.isEmpty()) {
      return chosen;
    }
    jdbc.query(
        "select user_id, language, digest, optional_notices from user_preference"
            + " where user_id in (:users)",
        Map.of("users", userIds),
        rs -> {
          chosen.put(
              rs.getString("user_id"),
              new Preference(
                  language(rs.getString("language")).orElse(null),
                  Digest.valueOf(rs.getString("digest")),
                  rs.getBoolean("optional_notices")));
        });
    return chosen;
  }

  /**
   * Stores what {@code userId} chose (a first choice, or a change). The user's row in the engine's
   * user store is locked first, so that two first choices at once (two tabs, two nodes) are stored
   * one after the other instead of the second failing on the primary key.
   */
  @Transactional
  public void save(String userId, Preference preference) {
    jdbc.queryForList(
        "select ID_ from ACT_ID_USER where ID_ = :user for update",
        new MapSqlParameterSource("user", userId),
        String.class);
    MapSqlParameterSource params =
        new MapSqlParameterSource()
            .addValue("user", userId)
            .addValue(
                "language",
                preference.language() == null ? null : preference.language().getLanguage())
            .addValue("digest", preference.digest().name())
            .addValue("optional", preference.optionalNotices())
            .addValue("now", clock.instant().atOffset(ZoneOffset.UTC));
    if (jdbc.update(
            "update user_preference set language = :language, digest = :digest,"
                + " optional_notices = :optional, updated_at = :now where user_id = :user",
            params)
        == 0) {
      jdbc.update(
          "insert into user_preference (user_id, language, digest, optional_notices, updated_at)"
              + " values (:user, :language, :digest, :optional, :now)",
          params);
    }
  }
}
