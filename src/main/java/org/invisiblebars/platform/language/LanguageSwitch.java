package org.invisiblebars.platform.language;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The portal's language switch: a link {@code ?lang=fr} on any portal page keeps the choice (the
 * {@code localeResolver}) and shows the page in that language. Plain links, so it works without
 * JavaScript; a GET, like following any link. A language we do not write in is taken as English,
 * and a malformed one is ignored rather than refused.
 */
@Configuration
class LanguageSwitch implements WebMvcConfigurer {

  /** The query parameter of the switch's links. */
  static final String PARAMETER = "lang";

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    LocaleChangeInterceptor change = new LocaleChangeInterceptor();
    change.setParamName(PARAMETER);
    change.setHttpMethods("GET");
    change.setIgnoreInvalidLocale(true);
    registry.addInterceptor(change).addPathPatterns("/portal", "/portal/**");
  }
}
