package org.invisiblebars.platform.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * The language of the pages (Thymeleaf's {@code #{…}}): the signed-in person's choice ({@link
 * UserPreferences}), else the browser's {@code Accept-Language} among English, French and Spanish,
 * else English. The choice is read on the pages people use (the portal, the settings) only: an API
 * request never pays a query for a language it does not show. Spring MVC uses the bean named {@code
 * localeResolver}.
 */
@Component("localeResolver")
class PreferredLanguage implements LocaleResolver {

  private final UserPreferences preferences;
  private final AcceptHeaderLocaleResolver browser = new AcceptHeaderLocaleResolver();

  PreferredLanguage(UserPreferences preferences) {
    this.preferences = preferences;
    browser.setSupportedLocales(UserPreferences.LANGUAGES);
    browser.setDefaultLocale(UserPreferences.LANGUAGES.get(0));
  }

  @Override
  public Locale resolveLocale(HttpServletRequest request) {
    Principal user = request.getUserPrincipal();
    if (user != null && readsChoice(request.getRequestURI())) {
      Locale chosen = preferences.of(user.getName()).language();
      if (chosen != null) {
        return chosen;
      }
    }
    return browser.resolveLocale(request);
  }

  @Override
  public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
    throw new UnsupportedOperationException(
        "the language is chosen on the settings page, not by a request parameter");
  }

  private static boolean readsChoice(String path) {
    return path != null && (path.startsWith("/portal") || path.startsWith("/sla"));
  }
}
