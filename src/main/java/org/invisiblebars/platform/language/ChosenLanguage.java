package org.invisiblebars.platform.language;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.Duration;
import java.util.Locale;
import org.invisiblebars.platform.identity.UserPreferences;
import org.invisiblebars.platform.identity.UserPreferences.Preference;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * Which of our {@link Languages} a request is answered in: the signed-in person's choice stored
 * with their account ({@link UserPreferences}, chosen on the settings page or with the portal's
 * language switch), else the choice of the switch kept in a cookie (so that it holds before signing
 * in and after signing out), else the first of our languages their browser asks for ({@code
 * Accept-Language}), else English. It is Spring MVC's {@code localeResolver}: pages, message
 * bundles, Bean Validation's messages and the PDFs all take the language from it.
 *
 * <p>The stored choice is read on the pages people use (the portal, {@code /sla} and its settings)
 * only: an API request never pays a query for a language it does not show.
 */
@Component("localeResolver")
class ChosenLanguage implements LocaleResolver {

  /** The cookie that keeps a person's choice for a year. */
  static final String COOKIE = "invisible-bars-language";

  private final AcceptHeaderLocaleResolver browser = new AcceptHeaderLocaleResolver();
  private final CookieLocaleResolver choice = new CookieLocaleResolver(COOKIE);

  private final UserPreferences preferences;

  ChosenLanguage(ServerProperties server, UserPreferences preferences) {
    this.preferences = preferences;
    browser.setSupportedLocales(Languages.SUPPORTED);
    browser.setDefaultLocale(Locale.ENGLISH);
    choice.setCookieMaxAge(Duration.ofDays(365));
    choice.setCookieHttpOnly(true);
    choice.setCookieSecure(
        Boolean.TRUE.equals(server.getServlet().getSession().getCookie().getSecure()));
    choice.setCookieSameSite("Lax");
    choice.setDefaultLocaleFunction(browser::resolveLocale);
  }

  @Override
  public Locale resolveLocale(HttpServletRequest request) {
    Principal user = request.getUserPrincipal();
    if (user != null && readsStoredChoice(request.getRequestURI())) {
      Locale stored = preferences.of(user.getName()).language();
      if (stored != null) {
        return Languages.of(stored);
      }
    }
    return Languages.of(choice.resolveLocale(request));
  }

  @Override
  public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
    Locale language = locale == null ? null : Languages.of(locale);
    choice.setLocale(request, response, language);
    Principal user = request.getUserPrincipal();
    if (user != null && language != null) {
      Preference now = preferences.of(user.getName());
      preferences.save(
          user.getName(), new Preference(language, now.digest(), now.optionalNotices()));
    }
  }

  private static boolean readsStoredChoice(String path) {
    return path != null && (path.startsWith("/portal") || path.startsWith("/sla"));
  }
}
