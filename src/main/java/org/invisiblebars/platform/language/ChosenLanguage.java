package org.invisiblebars.platform.language;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Locale;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * Which of our {@link Languages} a request is answered in: the person's choice (the portal's
 * language switch, kept in a cookie so that it holds before signing in and after signing out), else
 * the first of our languages their browser asks for ({@code Accept-Language}), else English. It is
 * Spring MVC's {@code localeResolver}: pages, message bundles, Bean Validation's messages and the
 * PDFs all take the language from it.
 *
 * <p>A choice stored with the user's account would come before the cookie, in {@link
 * #resolveLocale}, and {@link #setLocale} would store it there as well.
 */
@Component("localeResolver")
class ChosenLanguage implements LocaleResolver {

  /** The cookie that keeps a person's choice for a year. */
  static final String COOKIE = "invisible-bars-language";

  private final AcceptHeaderLocaleResolver browser = new AcceptHeaderLocaleResolver();
  private final CookieLocaleResolver choice = new CookieLocaleResolver(COOKIE);

  ChosenLanguage(ServerProperties server) {
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
    return Languages.of(choice.resolveLocale(request));
  }

  @Override
  public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
    choice.setLocale(request, response, locale == null ? null : Languages.of(locale));
  }
}
