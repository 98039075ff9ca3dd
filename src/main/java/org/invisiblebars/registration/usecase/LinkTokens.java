package org.invisiblebars.registration.usecase;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The tokens of single-use links sent by e-mail: 256 random bits, written URL-safe; only their
 * SHA-256 hash is stored, so the table (a backup, a query by an administrator) opens no link. A
 * plain hash is enough where a password needs a slow one: the token is random, not guessable.
 */
final class LinkTokens {

  private static final SecureRandom RANDOM = new SecureRandom();

  private LinkTokens() {}

  static String random() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String hash(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest((token == null ? "" : token).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
