package org.invisiblebars.platform.security;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;

/** Decodes {@code application/x-www-form-urlencoded} text (query strings and form bodies). */
final class UrlEncoded {

  private UrlEncoded() {}

  static Stream<Map.Entry<String, String>> pairs(String encoded) {
    if (encoded == null || encoded.isEmpty()) {
      return Stream.empty();
    }
    return Arrays.stream(encoded.split("&"))
        .filter(pair -> !pair.isEmpty())
        .map(pair -> pair.split("=", 2))
        .map(
            pair ->
                new SimpleImmutableEntry<>(
                    decode(pair[0]), pair.length == 2 ? decode(pair[1]) : ""));
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      // A malformed escape is kept verbatim: the key is still checked, never silently dropped.
      return text;
    }
  }
}
