package org.invisiblebars.platform.reference;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Allocates case references: prefix, the year the case was created (in the administration's zone)
 * and the next number of that kind and year, at least four digits ({@code ACC-2026-0012}).
 *
 * <p>Why a counter table and not a database sequence: references are read aloud and filed, so they
 * have no gaps. The counter row of the kind and year is incremented in the transaction that stores
 * the case, so it stays locked until that transaction ends: a second creation (on this node or
 * another) waits, and a creation that rolls back gives its number back. The row of a new year is
 * created in a transaction of its own, so two first creations of a year do not both insert it.
 */
@Component
public class CaseReferences {

  /** A reference as people write it: prefix, year, number. */
  public static final Pattern FORMAT = Pattern.compile("([A-Z]{3})-(\\d{4})-(\\d{4,9})");

  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;
  private final ZoneId zone;

  CaseReferences(
      JdbcTemplate jdbc,
      PlatformTransactionManager transactions,
      @Value("${invisible-bars.entry.zone:UTC}") ZoneId zone) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.zone = zone;
  }

  /** The next reference of {@code prefix} for a case created at {@code createdAt}. */
  @Transactional(propagation = Propagation.MANDATORY)
  public String next(String prefix, Instant createdAt) {
    int year = createdAt.atZone(zone).getYear();
    if (increment(prefix, year) == 0) {
      createCounter(prefix, year);
      increment(prefix, year);
    }
    Integer number =
        jdbc.queryForObject(
            "select last_number from case_reference_counter where prefix = ? and case_year = ?",
            Integer.class,
            prefix,
            year);
    return format(prefix, year, number);
  }

  static String format(String prefix, int year, int number) {
    return String.format("%s-%d-%04d", prefix, year, number);
  }

  /**
   * The reference {@code text} names, if it is one of {@code prefix} (case and spaces around it do
   * not matter: people type {@code vis-2026-0345}).
   */
  public static Optional<String> parse(String prefix, String text) {
    Matcher matcher = FORMAT.matcher(text.strip().toUpperCase(Locale.ROOT));
    if (!matcher.matches() || !matcher.group(1).equals(prefix)) {
      return Optional.empty();
    }
    return Optional.of(
        format(prefix, Integer.parseInt(matcher.group(2)), Integer.parseInt(matcher.group(3))));
  }

  private int increment(String prefix, int year) {
    return jdbc.update(
        "update case_reference_counter set last_number = last_number + 1"
            + " where prefix = ? and case_year = ?",
        prefix,
        year);
  }

  private void createCounter(String prefix, int year) {
    try {
      ownTransaction.executeWithoutResult(
          status ->
              jdbc.update(
                  "insert into case_reference_counter (prefix, case_year, last_number)"
                      + " values (?, ?, 0)",
                  prefix,
                  year));
    } catch (DuplicateKeyException createdByAnotherRequest) {
      // the other request's row is there now; incrementing it waits for that request to end
    }
  }
}
