package org.invisiblebars.platform.pdf;

import com.openhtmltopdf.bidi.support.ICUBidiReorderer;
import com.openhtmltopdf.bidi.support.ICUBidiSplitter;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.TextDirection;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.invisiblebars.platform.language.Languages;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders a Thymeleaf template under {@code templates/pdf/} to a PDF with openhtmltopdf, so that
 * the documents the system hands to organisations (the MoU, the search notice) are written as HTML
 * and CSS rather than laid out by hand.
 *
 * <p>openhtmltopdf is chosen because it is maintained, runs on the PDFBox 3 the project already
 * uses (one PDFBox version), writes tagged PDF/UA for screen readers, and with its ICU4J module
 * reorders and shapes right-to-left scripts; a headless browser would need a binary on the server.
 * The template's {@code <title>}, {@code <html lang>} and {@code <meta name="subject">} become the
 * document's title, language and description. A template keeps each paragraph's text in one element
 * ({@code [[...]]} inlining rather than nested spans): the renderer paints a parent's text before
 * its children's, and text extraction and copying follow that order.
 *
 * <p>Every glyph comes from fonts carried in the jar (never from the machine), embedded as subsets:
 * DejaVu Sans for Latin, Cyrillic, Greek and Arabic, then Droid Sans Fallback for Chinese, Japanese
 * and Korean. A template names them with {@code font-family: 'DejaVu Sans', 'DejaVu Sans Upright',
 * 'Droid Sans Fallback'}; a glyph missing from one family is taken from the next. Droid Sans
 * Fallback lies in {@code fonts/droid-sans-fallback/} of our own resources because no CJK font with
 * TrueType outlines (which PDFBox needs to embed a subset) was found as a Maven artifact; its
 * provenance and licence are in {@code docs/api.md}. It has one weight and no slant, so bold and
 * italic Chinese print upright and regular.
 */
@Component
public class PdfTemplates {

  /** The font family a template names to get the embedded faces. */
  public static final String FONT_FAMILY = "DejaVu Sans";

  /** Named after {@link #FONT_FAMILY}, for the glyphs a slanted face lacks. */
  public static final String FALLBACK_FAMILY = "DejaVu Sans Upright";

  /** The font family after {@link #FALLBACK_FAMILY}, for Chinese, Japanese and Korean. */
  public static final String CJK_FAMILY = "Droid Sans Fallback";

  private static final String CREATOR = "Invisible Bars";
  private static final String DEJAVU = "/net/sf/jasperreports/fonts/dejavu/";
  private static final List<Face> FACES =
      List.of(
          new Face(DEJAVU + "DejaVuSans.ttf", 400, FontStyle.NORMAL),
          new Face(DEJAVU + "DejaVuSans-Bold.ttf", 700, FontStyle.NORMAL),
          new Face(DEJAVU + "DejaVuSans-Oblique.ttf", 400, FontStyle.ITALIC),
          new Face(DEJAVU + "DejaVuSans-BoldOblique.ttf", 700, FontStyle.ITALIC));
  private static final Face CJK =
      new Face("/fonts/droid-sans-fallback/DroidSansFallbackFull.ttf", 400, FontStyle.NORMAL);

  /** Where the documents' templates lie, under the engine's own {@code templates/}. */
  private static final String TEMPLATE_FOLDER = "pdf/";

  private final ITemplateEngine templates;

  static {
    XRLog.setLoggerImpl(new Slf4jXRLogger());
  }

  /**
   * {@code templates} is the engine Spring Boot configures for the application's pages (templates
   * under {@code templates/}, HTML mode, UTF-8): one Thymeleaf set-up for pages and documents.
   */
  public PdfTemplates(ITemplateEngine templates) {
    this.templates = templates;
  }

  /**
   * Renders {@code template} (a name under {@code templates/pdf/}, without {@code .html}) with
   * {@code variables} in {@code language} (one of {@link Languages}, English for any other): its
   * words come from the message bundles, its dates are written in that language, and {@code <html
   * lang>} declares it. {@code subject} names the document in error messages.
   */
  public byte[] render(
      String template, Map<String, Object> variables, String subject, Locale language) {
    String html =
        templates.process(
            TEMPLATE_FOLDER + template, new Context(Languages.of(language), variables));
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      builder.usePdfUaAccessibility(true);
      builder.useUnicodeBidiSplitter(new ICUBidiSplitter.ICUBidiSplitterFactory());
      builder.useUnicodeBidiReorderer(new ICUBidiReorderer());
      builder.defaultTextDirection(TextDirection.LTR);
      for (Face face : FACES) {
        builder.useFont(face::open, FONT_FAMILY, face.weight(), face.style(), true);
      }
      // DejaVu Sans Oblique has no Arabic: an italic Arabic name falls back to the upright glyphs
      for (FontStyle style : FontStyle.values()) {
        builder.useFont(FACES.get(0)::open, FALLBACK_FAMILY, 400, style, true);
        builder.useFont(FACES.get(1)::open, FALLBACK_FAMILY, 700, style, true);
        // read only when a document has a glyph the families before it lack
        builder.useFont(CJK::open, CJK_FAMILY, 400, style, true);
        builder.useFont(CJK::open, CJK_FAMILY, 700, style, true);
      }
      // a document needs nothing from outside the jar: no URL or file an image or link could name
      // is read
      builder.useExternalResourceAccessControl(
          (uri, type) -> false, ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
      builder.useExternalResourceAccessControl(
          (uri, type) -> false, ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
      builder.withProducer(CREATOR);
      builder.withHtmlContent(html, null);
      try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
        renderer.layout();
        renderer.createPDFWithoutClosing();
        // openhtmltopdf reads title, subject and keywords from the template, but not the creator
        renderer.getPdfDocument().getDocumentInformation().setCreator(CREATOR);
        renderer.getPdfDocument().save(out);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not render " + subject, e);
    }
  }

  /** One embedded font file and the weight and style it is used for. */
  private record Face(String resource, int weight, FontStyle style) {

    InputStream open() {
      InputStream font = PdfTemplates.class.getResourceAsStream(resource);
      if (font == null) {
        throw new IllegalStateException("The font " + resource + " is missing from the classpath");
      }
      return font;
    }
  }
}
