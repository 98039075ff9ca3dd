package org.invisiblebars.platform.mail;

import java.util.List;
import java.util.Locale;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/**
 * The words of a notification in one language, from the bundle {@code mail/messages} ({@code
 * messages_fr}, {@code messages_es}): its subject, and its body followed by the footer with the
 * link. A key missing in a language falls back to English, never to the server's own locale. A
 * value written {@code @key} is itself a text of the bundle (what a reminder is about, say), so
 * that it is in the recipient's language too.
 */
@Component
class MailTexts {

  /** A notification's subject and plain-text body. */
  record Written(String subject, String body) {}

  /** The mark of a value that names a text of the bundle. */
  static final String TEXT = "@";

  private final ResourceBundleMessageSource texts = new ResourceBundleMessageSource();

  MailTexts() {
    texts.setBasename("mail/messages");
    texts.setDefaultEncoding("UTF-8");
    texts.setFallbackToSystemLocale(false);
    texts.setAlwaysUseMessageFormat(true);
  }

  /** The notification {@code kind} showing {@code values} and {@code link}, in {@code language}. */
  Written write(String kind, List<String> values, String link, Locale language) {
    Object[] shown = values.stream().map(value -> shown(value, language)).toArray();
    return new Written(
        text(kind + ".subject", shown, language),
        text(kind + ".body", shown, language)
            + "\n\n"
            + text("footer", new Object[] {link}, language));
  }

  private String shown(String value, Locale language) {
    if (value == null) {
      return "\u2013";
    }
    return value.startsWith(TEXT) ? text(value.substring(1), null, language) : value;
  }

  /** One text of the bundle, {@code key}, formatted with {@code values}, in {@code language}. */
  String text(String key, Object[] values, Locale language) {
    return texts.getMessage(key, values, language);
  }
}
