package org.invisiblebars.platform.language;

import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The languages we write in (pages, messages, documents): English, French and Spanish, English
 * first, for every other language too, so that nothing claims a language ({@code <html lang>}, a
 * PDF's language) its words are not in. Templates list them as {@code @languages.supported()}.
 */
@Component("languages")
public class Languages {

  /** English, French, Spanish. */
  public static final List<Locale> SUPPORTED =
      List.of(Locale.ENGLISH, Locale.FRENCH, Locale.forLanguageTag("es"));

  /** The language of ours that {@code locale} asks for, or English. */
  public static Locale of(Locale locale) {
    if (locale == null) {
      return Locale.ENGLISH;
    }
    return SUPPORTED.stream()
        .filter(supported -> supported.getLanguage().equals(locale.getLanguage()))
        .findFirst()
        .orElse(Locale.ENGLISH);
  }

  /** The languages to offer, as the portal's language switch lists them. */
  public List<Locale> supported() {
    return SUPPORTED;
  }
}
