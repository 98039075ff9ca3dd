package org.invisiblebars.platform.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The kinds of notification and their texts: every kind has a subject and a body in English, French
 * and Spanish; every text of the English bundle is translated; the legally required notices (a
 * search notice, decisions, the last reminder) cannot be switched off, a week-ahead reminder and a
 * new task's message can; and a text names its reference, never a placeholder left unfilled.
 */
class NoticeKindsTest {

  private final MailTexts texts = new MailTexts();

  @Test
  void everyKindHasItsTextsInEveryLanguage() throws IOException {
    Properties english = bundle("");
    Set<String> kindsInBundle =
        english.stringPropertyNames().stream()
            .filter(key -> key.endsWith(".subject"))
            .map(key -> key.substring(0, key.length() - ".subject".length()))
            .collect(Collectors.toSet());
    assertThat(NoticeKinds.all()).containsAll(kindsInBundle);
    for (String language : List.of("", "_fr", "_es")) {
      Properties bundle = bundle(language);
      for (String kind : NoticeKinds.all()) {
        assertThat(bundle.getProperty(kind + ".subject")).as(kind + language).isNotBlank();
        assertThat(bundle.getProperty(kind + ".body")).as(kind + language).isNotBlank();
      }
      assertThat(bundle.stringPropertyNames())
          .as("every English text translated in " + language)
          .containsAll(english.stringPropertyNames());
    }
  }

  @Test
  void requiredNoticesAreMarkedInOnePlace() {
    assertThat(NoticeKinds.required("search-notice")).isTrue();
    assertThat(NoticeKinds.required("accreditation-rejected")).isTrue();
    assertThat(NoticeKinds.required("accreditation-revoked")).isTrue();
    assertThat(NoticeKinds.required("visit-denied")).isTrue();
    assertThat(NoticeKinds.required("information-requested")).isTrue();
    assertThat(NoticeKinds.required("mou-countersignature")).isTrue();
    assertThat(NoticeKinds.required("reminder-day")).isTrue();
    assertThat(NoticeKinds.required("reminder-week")).isFalse();
    assertThat(NoticeKinds.required("task-created")).isFalse();
    assertThat(NoticeKinds.required("a-kind-nobody-classified")).as("unknown: kept").isTrue();
  }

  @Test
  void aReminderIsWrittenInTheRecipientsLanguageWithWhatIsAwaited() {
    List<String> values =
        List.of("ACC-2026-0001", "Open Doors", "@awaited.countersignature", "2026-12-08 10:00 UTC");
    MailTexts.Written french =
        texts.write("reminder-day", values, "http://x/portal/accreditations/1", Locale.FRENCH);
    MailTexts.Written spanish =
        texts.write(
            "reminder-day",
            values,
            "http://x/portal/accreditations/1",
            Locale.forLanguageTag("es"));
    assertThat(french.subject())
        .isEqualTo(
            "Dernier jour : ACC-2026-0001 attend votre contre-signature du protocole d'accord"
                + " avant le 2026-12-08 10:00 UTC");
    assertThat(french.body()).contains("Pour l'ouvrir : http://x/portal/accreditations/1");
    assertThat(spanish.subject()).startsWith("Último día: ACC-2026-0001 espera su refrendo");
    assertThat(spanish.body()).contains("Ábralo aquí: http://x/portal/accreditations/1");
  }

  private static Properties bundle(String language) throws IOException {
    Properties properties = new Properties();
    try (InputStream in =
        NoticeKindsTest.class.getResourceAsStream("/mail/messages" + language + ".properties")) {
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }
}
