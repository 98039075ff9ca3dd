package org.invisiblebars.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing on every sign-in route (HTTP Basic, the {@code /sla} form, the
 * Camunda web applications' login) without letting anyone lock an account for good. It replaces the
 * engine's own lock-out, which counted failures per user in the database and locked the user
 * permanently after ten, whoever failed.
 *
 * <ul>
 *   <li><b>By source</b> (the client address): the first failures from an address cost nothing;
 *       after each further failure that address waits before its next attempt, for any account, a
 *       delay that doubles up to a ceiling. This stops guessing one account and trying one password
 *       on many accounts from one place.
 *   <li><b>By account</b>: when failures against one account come from more distinct addresses than
 *       allowed (a distributed attack), attempts for it from other addresses wait too, except from
 *       addresses it has signed in from before. One address alone can never slow an account down
 *       anywhere else.
 * </ul>
 *
 * Every wait lifts by itself; failures are forgotten a while after the last one. Counters live in
 * memory (Caffeine caches that expire and are bounded in size), per application node: a restart
 * forgets them, which only ever shortens a wait. Each sign-in, failure and throttle is logged with
 * the user, the address and the route, never the password.
 */
@Component
public class LoginThrottle {

  private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);

  /** Bounds the memory an attacker can make us spend on addresses and invented user names. */
  private static final long MAX_TRACKED = 100_000;

  /**
   * A success from the same address and route is logged again at most this often (HTTP Basic signs
   * in on every request).
   */
  private static final Duration SUCCESS_LOG_INTERVAL = Duration.ofMinutes(15);

  private final Settings settings;
  private final Clock clock;
  private final Cache<String, Failures> bySource;
  private final Cache<String, AccountFailures> byAccount;
  private final Cache<String, Instant> knownSources;

  @Autowired
  LoginThrottle(
      Clock clock,
      @Value("${invisible-bars.sign-in.free-failures-per-source:20}") int freeFailuresPerSource,
      @Value("${invisible-bars.sign-in.free-sources-per-account:10}") int freeSourcesPerAccount,
      @Value("${invisible-bars.sign-in.first-delay:PT1S}") Duration firstDelay,
      @Value("${invisible-bars.sign-in.max-delay:PT10M}") Duration maxDelay,
      @Value("${invisible-bars.sign-in.forget-after:PT15M}") Duration forgetAfter,
      @Value("${invisible-bars.sign-in.known-source-for:P30D}") Duration knownSourceFor) {
    this(
        new Settings(
            freeFailuresPerSource,
            freeSourcesPerAccount,
            firstDelay,
            maxDelay,
            forgetAfter,
            knownSourceFor),
        clock);
  }

  LoginThrottle(Settings settings, Clock clock) {
    if (settings.forgetAfter().compareTo(settings.maxDelay()) < 0) {
      throw new IllegalArgumentException(
          "invisible-bars.sign-in.forget-after must not be shorter than max-delay");
    }
    this.settings = settings;
    this.clock = clock;
    Ticker ticker = () -> TimeUnit.MILLISECONDS.toNanos(clock.millis());
    this.bySource =
        Caffeine.newBuilder()
            .ticker(ticker)
            .expireAfterWrite(settings.forgetAfter())
            .maximumSize(MAX_TRACKED)
            .build();
    this.byAccount =
        Caffeine.newBuilder()
            .ticker(ticker)
            .expireAfterWrite(settings.forgetAfter())
            .maximumSize(MAX_TRACKED)
            .build();
    this.knownSources =
        Caffeine.newBuilder()
            .ticker(ticker)
            .expireAfterWrite(settings.knownSourceFor())
            .maximumSize(MAX_TRACKED)
            .build();
  }

  /**
   * How long this attempt must wait before its password is even checked; empty when it may go
   * ahead.
   */
  public Optional<Duration> refusal(SignIn attempt) {
    Instant now = clock.instant();
    Duration wait = Duration.ZERO;
    Failures source = bySource.getIfPresent(attempt.source());
    if (source != null) {
      wait =
          max(
              wait,
              source.waitUntil(settings, settings.freeFailuresPerSource(), source.count()),
              now);
    }
    AccountFailures account = byAccount.getIfPresent(attempt.account());
    if (account != null && !isKnown(attempt)) {
      wait =
          max(
              wait,
              account
                  .failures()
                  .waitUntil(settings, settings.freeSourcesPerAccount(), account.sources().size()),
              now);
    }
    if (!wait.isZero()) {
      LOG.debug(
          "Sign-in refused for now: user {} from {} on {}, retry in {}",
          attempt.printableAccount(),
          attempt.source(),
          attempt.route(),
          wait);
    }
    return wait.isZero() ? Optional.empty() : Optional.of(wait);
  }

  /** A wrong user name or password: counts against the address and the account, and is logged. */
  public void failed(SignIn attempt) {
    Instant now = clock.instant();
    LOG.info(
        "Sign-in failed: user {} from {} on {}",
        attempt.printableAccount(),
        attempt.source(),
        attempt.route());
    Failures source =
        bySource
            .asMap()
            .merge(
                attempt.source(),
                new Failures(1, now),
                (before, one) -> new Failures(before.count() + 1, now));
    if (source.count() > settings.freeFailuresPerSource()) {
      LOG.warn(
          "Sign-in throttled: address {} after {} failures in a row (last: user {} on {}); its next attempt waits until {}",
          attempt.source(),
          source.count(),
          attempt.printableAccount(),
          attempt.route(),
          source.waitUntil(settings, settings.freeFailuresPerSource(), source.count()));
    }
    AccountFailures account =
        byAccount
            .asMap()
            .merge(
                attempt.account(),
                AccountFailures.first(attempt.source(), now),
                (before, one) ->
                    before.with(attempt.source(), now, settings.freeSourcesPerAccount()));
    if (account.sources().size() > settings.freeSourcesPerAccount()) {
      LOG.warn(
          "Sign-in throttled: user {} failed from {} addresses; attempts from addresses it has not signed in from wait until {}",
          attempt.printableAccount(),
          account.sources().size(),
          account
              .failures()
              .waitUntil(settings, settings.freeSourcesPerAccount(), account.sources().size()));
    }
  }

  /**
   * A right password: the address becomes one the account is known from; logged (at most every 15
   * minutes for the same route).
   */
  public void succeeded(SignIn attempt) {
    Instant now = clock.instant();
    Instant lastLogged = knownSources.asMap().put(attempt.knownKey(), now);
    if (lastLogged == null
        || !lastLogged.plus(SUCCESS_LOG_INTERVAL).isAfter(now)
        || !attempt.isBasic()) {
      LOG.info(
          "Sign-in: user {} from {} on {}",
          attempt.printableAccount(),
          attempt.source(),
          attempt.route());
    }
  }

  /**
   * A right password whose owner may not use the route (an NGO user at the Camunda web
   * applications).
   */
  public void refused(SignIn attempt, String why) {
    LOG.info(
        "Sign-in refused: user {} from {} on {}: {}",
        attempt.printableAccount(),
        attempt.source(),
        attempt.route(),
        why);
  }

  private boolean isKnown(SignIn attempt) {
    return knownSources.getIfPresent(attempt.knownKey()) != null;
  }

  private static Duration max(Duration wait, Instant until, Instant now) {
    Duration left = Duration.between(now, until);
    return left.compareTo(wait) > 0 ? left : wait;
  }

  /**
   * One sign-in attempt: the user name as typed, the client address (behind a proxy, the address it
   * forwards), and the route, such as {@code HTTP Basic /engine-rest}.
   */
  public record SignIn(String account, String source, String route) {

    private static final int PRINTED_LENGTH = 64;

    /**
     * The user name as it may appear in a log line: no line breaks or other control characters, not
     * too long.
     */
    String printableAccount() {
      String printable =
          account
              .codePoints()
              .map(c -> Character.isISOControl(c) ? '?' : c)
              .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
              .toString();
      return printable.length() > PRINTED_LENGTH
          ? printable.substring(0, PRINTED_LENGTH) + "…"
          : printable;
    }

    boolean isBasic() {
      return route.startsWith(SignInDetails.BASIC);
    }

    private String knownKey() {
      return account + '\n' + source;
    }
  }

  /**
   * What the throttle allows; the delay after the {@code n}-th counted failure beyond the free ones
   * is {@code firstDelay · 2^(n-1)}, at most {@code maxDelay}.
   */
  record Settings(
      int freeFailuresPerSource,
      int freeSourcesPerAccount,
      Duration firstDelay,
      Duration maxDelay,
      Duration forgetAfter,
      Duration knownSourceFor) {

    Duration delay(int beyondFree) {
      if (beyondFree <= 0) {
        return Duration.ZERO;
      }
      int doublings = Math.min(beyondFree - 1, 30);
      Duration delay = firstDelay.multipliedBy(1L << doublings);
      return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
  }

  /** Failures counted under one key and when the last one happened. */
  private record Failures(int count, Instant last) {

    Instant waitUntil(Settings settings, int free, int counted) {
      return last.plus(settings.delay(counted - free));
    }
  }

  /**
   * The distinct addresses that failed against one account (kept up to a bound), and their
   * failures.
   */
  private record AccountFailures(Set<String> sources, Failures failures) {

    static AccountFailures first(String source, Instant now) {
      return new AccountFailures(Set.of(source), new Failures(1, now));
    }

    AccountFailures with(String source, Instant now, int free) {
      Set<String> more = sources;
      // Beyond a bound the count stops growing: the delay is at its ceiling long before.
      if (!sources.contains(source) && sources.size() <= free + 32) {
        more = new HashSet<>(sources);
        more.add(source);
        more = Set.copyOf(more);
      }
      return new AccountFailures(more, new Failures(failures.count() + 1, now));
    }
  }
}
