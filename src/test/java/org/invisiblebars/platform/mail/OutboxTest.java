package org.invisiblebars.platform.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What the outbox stores always fits its columns, so a long name never fails the change. */
class OutboxTest {

  @Test
  void aTextLongerThanItsColumnIsCutWithAnEllipsis() {
    assertThat(Outbox.fitted("short", 10)).isEqualTo("short");
    assertThat(Outbox.fitted("abcdefghij", 10)).isEqualTo("abcdefghij");
    assertThat(Outbox.fitted("abcdefghijk", 10)).isEqualTo("abcdefghi\u2026");
  }

  @Test
  void aCharacterOutsideTheBasicPlaneIsNeverHalved() {
    String text = "abcdefgh\uD83D\uDE00z";
    assertThat(Outbox.fitted(text, 10)).isEqualTo("abcdefgh\u2026");
  }

  @Test
  void valuesTooLongForTheirColumnAreShortenedLongestFirst() {
    String longName = "\u00c9".repeat(6000);
    String json = Outbox.json(List.of("ACC-2026-0001", longName, "Prison Watch"));

    assertThat(json.length()).isLessThanOrEqualTo(Outbox.VALUES_LENGTH);
    assertThat(json)
        .startsWith("[\"ACC-2026-0001\",\"\u00c9\u00c9\u00c9")
        .endsWith("\u2026\",\"Prison Watch\"]");
  }

  @Test
  void valuesThatFitAreStoredAsTheyAre() {
    assertThat(Outbox.json(List.of("a \"quoted\" name", "b")))
        .isEqualTo("[\"a \\\"quoted\\\" name\",\"b\"]");
  }
}
