package org.invisiblebars.platform.language;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.invisiblebars.platform.identity.UserPreferences;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The language of a reader outside our own pages (Tasklist, which shows Camunda Forms): the
 * language the person chose and stored ({@link UserPreferences}, at {@code /sla/settings} for
 * staff), else what {@link ChosenLanguage} finds in the request (the language switch's cookie, the
 * browser's {@code Accept-Language}), else English.
 */
@Component
public class ReadersLanguage {

  private final UserPreferences preferences;
  private final LocaleResolver requests;

  ReadersLanguage(UserPreferences preferences, LocaleResolver requests) {
    this.preferences = preferences;
    this.requests = requests;
  }

  /** The language of {@code userId} (null when nobody is signed in) reading {@code request}. */
  public Locale of(String userId, HttpServletRequest request) {
    if (userId != null) {
      Locale stored = preferences.of(userId).language();
      if (stored != null) {
        return Languages.of(stored);
      }
    }
    return Languages.of(requests.resolveLocale(request));
  }
}
