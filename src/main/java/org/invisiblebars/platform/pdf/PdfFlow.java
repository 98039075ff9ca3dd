package org.invisiblebars.platform.pdf;

import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Flowing text on A4 pages with the standard Helvetica faces: headings, paragraphs, bullets,
 * labelled lines and a footer on every page; every character the fonts cannot encode is replaced.
 * The documents the system hands to organisations (the MoU, the search notice) are written with it.
 */
public final class PdfFlow {

  public static final PDRectangle PAGE = PDRectangle.A4;
  public static final float MARGIN_X = 64;
  public static final float MARGIN_TOP = 64;
  public static final float MARGIN_BOTTOM = 72;
  public static final float CONTENT_WIDTH = PAGE.getWidth() - 2 * MARGIN_X;
  public static final float FOOTER_BASELINE = 36;
  public static final float HEADING_SIZE = 12;
  public static final float BODY_SIZE = 10.5f;
  public static final float SMALL_SIZE = 8;
  public static final float LEADING = 1.4f;
  public static final float BULLET_WIDTH = 14;

  /** Plain stand-ins for characters outside WinAnsi that a decomposition does not reduce to one. */
  private static final Map<Integer, String> SUBSTITUTES = Map.ofEntries(
      Map.entry(0x2018, "'"), Map.entry(0x2019, "'"), Map.entry(0x201A, "'"), Map.entry(0x201B, "'"),
      Map.entry(0x201C, "\""), Map.entry(0x201D, "\""), Map.entry(0x201E, "\""),
      Map.entry(0x2010, "-"), Map.entry(0x2011, "-"), Map.entry(0x2012, "-"), Map.entry(0x2013, "-"),
      Map.entry(0x2014, "-"), Map.entry(0x2015, "-"), Map.entry(0x2212, "-"),
      Map.entry(0x2026, "..."), Map.entry(0x2264, "<="), Map.entry(0x2265, ">="), Map.entry(0x2192, "->"),
      Map.entry(0x0141, "L"), Map.entry(0x0142, "l"), Map.entry(0x0110, "D"), Map.entry(0x0111, "d"),
      Map.entry(0x0131, "i"), Map.entry(0x202F, " "), Map.entry(0x2009, " "), Map.entry(0x200A, " "),
      Map.entry(0x200B, ""), Map.entry(0x200C, ""), Map.entry(0x200D, ""), Map.entry(0xFEFF, ""));

  public final PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
  public final PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
  public final PDFont italic = new PDType1Font(Standard14Fonts.FontName.HELVETICA_OBLIQUE);
  private final PDDocument document;
  private final Map<Integer, String> encoded = new HashMap<>();
  private PDPageContentStream stream;
  public float y;

public PdfFlow(PDDocument document) {
    this.document = document;
  }

  public void heading(String title) throws IOException {
    space(10);
    // keep a heading with the first lines of its clause
    ensureSpace(HEADING_SIZE * LEADING + 2 * BODY_SIZE * LEADING);
    for (String line : wrap(encodable(title), bold, HEADING_SIZE, CONTENT_WIDTH)) {
      lineOfText(line, bold, HEADING_SIZE, MARGIN_X);
    }
    space(2);
  }

  public void paragraph(String text) throws IOException {
    for (String line : wrap(encodable(text), regular, BODY_SIZE, CONTENT_WIDTH)) {
      lineOfText(line, regular, BODY_SIZE, MARGIN_X);
    }
    space(4);
  }

  public void bullet(String text) throws IOException {
    hanging("\u2022", regular, text, BULLET_WIDTH);
  }

  public void labelled(String label, String text, float labelWidth) throws IOException {
    hanging(label + ":", bold, text, labelWidth);
  }

  /** A label in the left column and its text wrapped beside it, indented under itself. */
  private void hanging(String label, PDFont labelFont, String text, float indent) throws IOException {
    List<String> lines = wrap(encodable(text), regular, BODY_SIZE, CONTENT_WIDTH - indent);
    for (int i = 0; i < lines.size(); i++) {
      if (i == 0) {
        // the label first, so that text extraction reads "label: text"
        ensureSpace(BODY_SIZE * LEADING);
        show(encodable(label), labelFont, BODY_SIZE, MARGIN_X, y - BODY_SIZE);
      }
      lineOfText(lines.get(i), regular, BODY_SIZE, MARGIN_X + indent);
    }
    space(2);
  }

  public void centred(String text, PDFont font, float size) throws IOException {
    for (String line : wrap(encodable(text), font, size, CONTENT_WIDTH)) {
      lineOfText(line, font, size, MARGIN_X + (CONTENT_WIDTH - width(line, font, size)) / 2);
    }
  }

  public void rule() throws IOException {
    ensureSpace(1);
    line(MARGIN_X, y, MARGIN_X + CONTENT_WIDTH);
  }

  public void space(float height) {
    y -= height;
  }

  public void ensureSpace(float height) throws IOException {
    if (stream == null || y - height < MARGIN_BOTTOM) {
      newPage();
    }
  }

  public void finish() throws IOException {
    if (stream != null) {
      stream.close();
      stream = null;
    }
  }

  /** Wraps text into a column at {@code top}; draws it only when asked. Returns the new top. */
  public float block(String text, PDFont font, float x, float top, float width, boolean draw) throws IOException {
    float leading = BODY_SIZE * LEADING;
    for (String line : wrap(encodable(text), font, BODY_SIZE, width)) {
      if (draw) {
        show(line, font, BODY_SIZE, x, top - BODY_SIZE);
      }
      top -= leading;
    }
    return top;
  }

  /** A label followed by a line to write on, for a signature not given yet. */
  public float blank(String label, float x, float top, float width, boolean draw) throws IOException {
    float baseline = top - BODY_SIZE;
    if (draw) {
      String text = encodable(label);
      show(text, regular, BODY_SIZE, x, baseline);
      line(x + width(text, regular, BODY_SIZE) + 4, baseline - 1, x + width);
    }
    return top - 1.6f * BODY_SIZE * LEADING;
  }

  public void line(float fromX, float atY, float toX) throws IOException {
    stream.setLineWidth(0.6f);
    stream.moveTo(fromX, atY);
    stream.lineTo(toX, atY);
    stream.stroke();
  }

  private void lineOfText(String text, PDFont font, float size, float x) throws IOException {
    float leading = size * LEADING;
    ensureSpace(leading);
    show(text, font, size, x, y - size);
    y -= leading;
  }

  private void show(String text, PDFont font, float size, float x, float baseline) throws IOException {
    if (text.isEmpty()) {
      return;
    }
    stream.beginText();
    stream.setFont(font, size);
    stream.newLineAtOffset(x, baseline);
    stream.showText(text);
    stream.endText();
  }

  private void newPage() throws IOException {
    finish();
    PDPage page = new PDPage(PAGE);
    document.addPage(page);
    stream = new PDPageContentStream(document, page);
    y = PAGE.getHeight() - MARGIN_TOP;
  }

  public float width(String text, PDFont font, float size) throws IOException {
    return font.getStringWidth(text) / 1000 * size;
  }

  /** Splits encodable text into lines no wider than {@code width}, breaking a word only if it is wider. */
  public List<String> wrap(String text, PDFont font, float size, float width) throws IOException {
    List<String> lines = new ArrayList<>();
    for (String paragraph : text.strip().split("\n", -1)) {
      String line = "";
      for (String word : paragraph.split(" ")) {
        if (word.isEmpty()) {
          continue;
        }
        String candidate = line.isEmpty() ? word : line + " " + word;
        if (width(candidate, font, size) <= width) {
          line = candidate;
          continue;
        }
        if (!line.isEmpty()) {
          lines.add(line);
        }
        while (width(word, font, size) > width) {
          int cut = 1;
          while (cut < word.length() && width(word.substring(0, cut + 1), font, size) <= width) {
            cut++;
          }
          lines.add(word.substring(0, cut));
          word = word.substring(cut);
        }
        line = word;
      }
      lines.add(line);
    }
    return lines;
  }

  /**
   * The text with line breaks normalised and every character the standard fonts cannot encode
   * replaced: by a listed stand-in, by its base letter, or by a question mark.
   */
  public String encodable(String text) {
    String normalised = text.replace("\r\n", "\n").replace('\r', '\n').replace('\t', ' ');
    StringBuilder out = new StringBuilder(normalised.length());
    normalised.codePoints().forEach(codePoint -> {
      if (codePoint == '\n') {
        out.append('\n');
      } else if (!Character.isISOControl(codePoint)) {
        out.append(encoded.computeIfAbsent(codePoint, this::replacement));
      }
    });
    return out.toString();
  }

  private String replacement(int codePoint) {
    String character = Character.toString(codePoint);
    if (canEncode(character)) {
      return character;
    }
    String substitute = SUBSTITUTES.get(codePoint);
    if (substitute != null && canEncode(substitute)) {
      return substitute;
    }
    String base = Normalizer.normalize(character, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    if (!base.isEmpty() && !base.equals(character) && canEncode(base)) {
      return base;
    }
    return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint) ? " " : "?";
  }

  private boolean canEncode(String text) {
    if (text.isEmpty()) {
      return true;
    }
    try {
      // the three Helvetica faces share one encoding and glyph set
      regular.encode(text);
      return true;
    } catch (IllegalArgumentException | IOException e) {
      return false;
    }
  }

  /** Writes a small centred footer, with a rule above it, on every page of the finished document. */
  public void footers(PDDocument document, IntFunction<String> textOfPage) throws IOException {
    int pages = document.getNumberOfPages();
    for (int index = 0; index < pages; index++) {
      PDPage page = document.getPage(index);
      String text = encodable(textOfPage.apply(index) + " \u2014 page " + (index + 1) + " of " + pages);
      float width = width(text, regular, SMALL_SIZE);
      try (PDPageContentStream stream = new PDPageContentStream(document, page, AppendMode.APPEND, true, true)) {
        stream.setStrokingColor(0.6f);
        stream.setLineWidth(0.5f);
        stream.moveTo(MARGIN_X, FOOTER_BASELINE + 12);
        stream.lineTo(PAGE.getWidth() - MARGIN_X, FOOTER_BASELINE + 12);
        stream.stroke();
        stream.setNonStrokingColor(0.3f);
        stream.beginText();
        stream.setFont(regular, SMALL_SIZE);
        stream.newLineAtOffset(MARGIN_X + (CONTENT_WIDTH - width) / 2, FOOTER_BASELINE);
        stream.showText(text);
        stream.endText();
      }
    }
  }
}
