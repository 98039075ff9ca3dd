package org.invisiblebars.platform.pdf;

import java.nio.charset.StandardCharsets;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * {@link PdfTemplates} for unit tests, on a template engine set up as Spring Boot sets up the
 * application's (templates under {@code templates/}, {@code .html}, HTML mode, UTF-8, the words
 * from the message bundles of {@code spring.messages}), so a test renders the documents without
 * starting Spring.
 */
public final class TestPdfTemplates {

  private TestPdfTemplates() {}

  public static PdfTemplates create() {
    ClassLoaderTemplateResolver resolver =
        new ClassLoaderTemplateResolver(TestPdfTemplates.class.getClassLoader());
    resolver.setPrefix("templates/");
    resolver.setSuffix(".html");
    resolver.setTemplateMode(TemplateMode.HTML);
    resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
    SpringTemplateEngine engine = new SpringTemplateEngine();
    engine.setTemplateResolver(resolver);
    ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    messages.setBasenames("messages/portal", "messages/documents");
    messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
    messages.setFallbackToSystemLocale(false);
    engine.setTemplateEngineMessageSource(messages);
    return new PdfTemplates(engine);
  }
}
