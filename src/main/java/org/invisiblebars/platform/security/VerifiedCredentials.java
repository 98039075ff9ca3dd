package org.invisiblebars.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Credentials the identity service verified a moment ago, with the user's groups, so that HTTP
 * Basic (which signs in on every request) does not ask the database twice per request: the password
 * check and the group lookup were two of the three transactions of a simple task query.
 *
 * <ul>
 *   <li>Only successes are kept, for {@code invisible-bars.sign-in.verified-for} (10 s) after the
 *       check; a wrong password is always checked against the database (and counted by the {@link
 *       LoginThrottle}), and a right one that does not match the kept one is checked again.
 *   <li>The password is never kept: only a keyed hash (HMAC-SHA-256 under a random key that lives
 *       in this object alone), compared in constant time.
 *   <li>Any change to users, groups or memberships through the engine — the REST API, the Admin
 *       application, the Java API — forgets everything at once, and again when it commits ({@link
 *       IdentityChanges}). A check that started before a change can never be kept after it: each
 *       entry carries the generation it was read in, and only entries of the current one count.
 *   <li>Per node: another node forgets its entries at the latest {@code verified-for} after the
 *       change. Keep it short.
 * </ul>
 */
@Component
public class VerifiedCredentials {

  private static final String HMAC = "HmacSHA256";
  private static final long MAX_USERS = 10_000;

  private final Cache<String, Verified> verified;
  private final AtomicLong generation = new AtomicLong();
  private final SecretKeySpec key;

  VerifiedCredentials(@Value("${invisible-bars.sign-in.verified-for:PT10S}") Duration verifiedFor) {
    this.verified =
        Caffeine.newBuilder().expireAfterWrite(verifiedFor).maximumSize(MAX_USERS).build();
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    this.key = new SecretKeySpec(secret, HMAC);
  }

  /** The generation to pass to {@link #remember}: read it before asking the identity service. */
  long generation() {
    return generation.get();
  }

  /**
   * The groups of {@code userId} when this very password was verified in the current generation.
   */
  Optional<List<String>> groupsOf(String userId, String password) {
    Verified entry = verified.getIfPresent(userId);
    if (entry == null
        || entry.generation() != generation.get()
        || !MessageDigest.isEqual(entry.digest(), digest(userId, password))) {
      return Optional.empty();
    }
    return Optional.of(entry.groups());
  }

  /**
   * A successful check, read from the identity service in {@code readIn}; kept only if nothing
   * changed since.
   */
  void remember(String userId, String password, List<String> groups, long readIn) {
    if (readIn == generation.get()) {
      verified.put(userId, new Verified(digest(userId, password), List.copyOf(groups), readIn));
    }
  }

  /** Users, groups or memberships changed: nothing verified before counts any more. */
  public void forgetAll() {
    generation.incrementAndGet();
    verified.invalidateAll();
  }

  private byte[] digest(String userId, String password) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(key);
      mac.update(userId.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      return mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA-256 is part of every Java runtime", e);
    }
  }

  private record Verified(byte[] digest, List<String> groups, long generation) {}
}
