package org.invisiblebars.registration.usecase;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How many messages the public registration form may send to one address: at most {@code
 * invisible-bars.registration.mails-per-address} (3) in {@code mails-per-address-within} (24
 * hours), counted per address whatever its case. Beyond it the form answers as always ("check your
 * e-mail") and sends nothing, so it can neither be used to flood someone's mailbox nor tell anyone
 * whether the address is known.
 *
 * <p>Why per address and not the sign-in throttle ({@code LoginThrottle}, by client address and by
 * account): the harm here is mail sent to a third party, which is counted by its recipient; a
 * registration guesses no password, so a delay by client address protects nothing the limit by
 * recipient does not, and would slow an office whose people share one address. Like the sign-in
 * throttle, counters live in memory (a bounded Caffeine cache that forgets after the period), per
 * application node: two nodes let at most twice as many through, and a restart forgets them.
 */
@Component
class RegistrationThrottle {

  /** Bounds the memory someone sending invented addresses can make us spend. */
  private static final long MAX_TRACKED = 100_000;

  private final int limit;
  private final Cache<String, AtomicInteger> sent;

  RegistrationThrottle(
      Clock clock,
      @Value("${invisible-bars.registration.mails-per-address:3}") int limit,
      @Value("${invisible-bars.registration.mails-per-address-within:P1D}") Duration within) {
    this.limit = limit;
    Ticker ticker = () -> TimeUnit.MILLISECONDS.toNanos(clock.millis());
    this.sent =
        Caffeine.newBuilder()
            .ticker(ticker)
            .expireAfterWrite(within)
            .maximumSize(MAX_TRACKED)
            .build();
  }

  /** Counts one more message to the address {@code emailKey}; false once the limit is reached. */
  boolean allow(String emailKey) {
    AtomicInteger count = sent.get(emailKey, key -> new AtomicInteger());
    return count.incrementAndGet() <= limit;
  }
}
