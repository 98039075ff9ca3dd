package org.invisiblebars.accreditation.adapter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.invisiblebars.accreditation.usecase.MouDocument;
import org.invisiblebars.accreditation.usecase.MouDocument.Signature;
import org.springframework.stereotype.Component;

/**
 * Renders an MoU as the A4 PDF that the NGO countersigns and the director signs: the parties, the
 * numbered clauses (who, when, how, what, where not, confidentiality, term, and where they apply
 * the continuity plan and universal access), the signature blocks and a footer naming the
 * accreditation, version and page on every page.
 *
 * <p>Only the standard 14 fonts are used, so nothing is embedded and the text is limited to
 * WinAnsi: characters those fonts cannot show are replaced (a plain letter for an accented one, a
 * question mark otherwise) rather than failing the document.
 */
@Component
public class MouPdfRenderer {

  private static final PDRectangle PAGE = PDRectangle.A4;
  private static final float MARGIN_X = 64;
  private static final float MARGIN_TOP = 64;
  private static final float MARGIN_BOTTOM = 72;
  private static final float CONTENT_WIDTH = PAGE.getWidth() - 2 * MARGIN_X;
  private static final float FOOTER_BASELINE = 36;

  private static final float TITLE_SIZE = 20;
  private static final float SUBTITLE_SIZE = 12;
  private static final float HEADING_SIZE = 12;
  private static final float BODY_SIZE = 10.5f;
  private static final float SMALL_SIZE = 8;
  private static final float LEADING = 1.4f;
  private static final float LABEL_WIDTH = 44;
  private static final float BULLET_WIDTH = 14;
  private static final float SIGNATURE_SPACE = 34;
  private static final float COLUMN_GAP = 28;

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);
  private static final DateTimeFormatter SIGNED_AT =
      DateTimeFormatter.ofPattern("d MMMM uuuu, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

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

  /** Renders every page of the MoU; the result is a complete PDF file. */
  public byte[] render(MouDocument mou) {
    try (PDDocument document = new PDDocument()) {
      Flow flow = new Flow(document);
      writeTitle(flow, mou);
      writeParties(flow, mou);
      writeClauses(flow, mou);
      writeSignatures(flow, mou);
      flow.finish();
      writeFooters(document, flow, mou);
      describe(document, mou);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not render the MoU of accreditation " + mou.accreditationId(), e);
    }
  }

  private void writeTitle(Flow flow, MouDocument mou) throws IOException {
    flow.centred("Memorandum of Understanding", flow.bold, TITLE_SIZE);
    flow.space(4);
    flow.centred("between the prison administration and " + mou.organisationName(), flow.regular, SUBTITLE_SIZE);
    flow.space(2);
    flow.centred("Version " + mou.version() + " \u2014 " + status(mou), flow.regular, BODY_SIZE);
    flow.space(10);
    flow.rule();
    flow.space(6);
  }

  private static String status(MouDocument mou) {
    if (mou.ngoSignature() != null && mou.directorSignature() != null) {
      return "signed by both parties";
    }
    if (mou.ngoSignature() != null) {
      return "countersigned by the organisation, awaiting the Director's signature";
    }
    return "draft for signature";
  }

  private void writeParties(Flow flow, MouDocument mou) throws IOException {
    flow.heading("Parties");
    flow.bullet("The prison administration, represented by the Director of the prison service "
        + "(\"the administration\"); and");
    flow.bullet(mou.organisationName() + ", " + mandate(mou.mandateType()) + ", accredited for "
        + humanise(mou.programmeType()) + " (\"the organisation\").");
    flow.space(4);
    flow.labelled("Facilities covered", mou.facilities(), 104);
    flow.space(4);
    flow.paragraph("The parties agree as follows.");
  }

  private void writeClauses(Flow flow, MouDocument mou) throws IOException {
    Numbering number = new Numbering();

    flow.heading(number.next("Mandate and expectations"));
    flow.paragraph(mou.mandateAndExpectations());

    flow.heading(number.next("Demarcation of responsibilities"));
    flow.paragraph(mou.responsibilities());
    flow.paragraph("The organisation's services never replace the obligations and duties of prison staff "
        + "or the work of formal monitoring bodies.");

    flow.heading(number.next("Who \u2014 representatives"));
    if (mou.representatives().isEmpty()) {
      flow.paragraph("No representative has been cleared yet; nobody may enter under this memorandum until "
          + "the administration clears one.");
    } else {
      flow.paragraph("Only these representatives, cleared by the administration, may enter under this memorandum:");
      for (String representative : mou.representatives()) {
        flow.bullet(representative);
      }
      flow.paragraph("Each representative's first entry is preceded by a security briefing.");
    }

    flow.heading(number.next("When \u2014 days and hours"));
    flow.labelled("Days", mou.days(), LABEL_WIDTH);
    flow.labelled("Hours", mou.hours(), LABEL_WIDTH);
    flow.paragraph("Each visit is requested in advance and takes place within these days and hours.");

    flow.heading(number.next("How \u2014 procedures inside the facility"));
    flow.paragraph(mou.procedures());

    flow.heading(number.next("What \u2014 allowed activities"));
    flow.paragraph(mou.allowedActivities());

    flow.heading(number.next("Where not \u2014 excluded areas"));
    flow.paragraph("Representatives may not enter the following areas:");
    flow.paragraph(mou.excludedAreas());

    flow.heading(number.next("Confidentiality"));
    flow.paragraph("Every report and recommendation arising from the organisation's work under this memorandum "
        + "is shared first, in confidence, with the prison authorities, who have " + days(mou.confidentialityReviewDays())
        + " from its receipt to respond before it is published: to meet the organisation, answer each "
        + "recommendation and set out a plan of action. Where the authorities engage, the report is published "
        + "together with their response. If they do not engage within that period, the organisation is free "
        + "to publish and make use of the information it collected.");
    flow.paragraph("Allegations of ill-treatment are never held back by this period: they are referred at once "
        + "to the competent body.");

    flow.heading(number.next("Term"));
    flow.paragraph(term(mou));
    flow.paragraph("Before the term ends the administration reminds the organisation; a renewal is a new "
        + "version of this memorandum, signed again by both parties. The Director may revoke the "
        + "accreditation at any time, with written reasons.");

    boolean services = "PRISON_SERVICES".equalsIgnoreCase(mou.programmeType());
    if (!isBlank(mou.continuityPlan())) {
      flow.heading(number.next("Continuity plan"));
      flow.paragraph(mou.continuityPlan());
    } else if (services) {
      // A gap must show on the page the director is asked to sign, not vanish from it.
      flow.heading(number.next("Continuity plan"));
      flow.paragraph("No continuity plan has been agreed yet. A memorandum for prison services is not signed "
          + "without one.");
    }

    if (mou.religiousBased()) {
      flow.heading(number.next("Universal access"));
      if (mou.universalAccessCommitment()) {
        flow.paragraph(mou.organisationName() + " is a religious-based organisation and commits to serve every "
            + "prisoner who wishes to take part, of any religion or none. Taking part is voluntary and never "
            + "depends on religious belief or practice.");
      } else {
        flow.paragraph(mou.organisationName() + " is a religious-based organisation and has not yet committed "
            + "to serve prisoners of any religion or none. This memorandum is not signed without that commitment.");
      }
    }
  }

  private void writeSignatures(Flow flow, MouDocument mou) throws IOException {
    flow.heading("Signatures");
    flow.paragraph("Signed for version " + mou.version() + " of this memorandum.");
    flow.space(8);
    float width = (CONTENT_WIDTH - COLUMN_GAP) / 2;
    SignatureBlock director = new SignatureBlock(
        "For the prison administration", "Director of the prison service", mou.directorSignature());
    SignatureBlock ngo = new SignatureBlock(
        "For " + mou.organisationName(), "Representative of the organisation", mou.ngoSignature());
    // the signature lines of both parties sit level, however long a party's name
    float header = Math.max(director.header(flow, 0, 0, width, false), ngo.header(flow, 0, 0, width, false));
    float height = Math.max(director.draw(flow, MARGIN_X, 0, width, header, false),
        ngo.draw(flow, MARGIN_X + width + COLUMN_GAP, 0, width, header, false));
    flow.ensureSpace(height);
    director.draw(flow, MARGIN_X, flow.y, width, header, true);
    ngo.draw(flow, MARGIN_X + width + COLUMN_GAP, flow.y, width, header, true);
    flow.y -= height;
  }

  private void writeFooters(PDDocument document, Flow flow, MouDocument mou) throws IOException {
    int pages = document.getNumberOfPages();
    for (int index = 0; index < pages; index++) {
      PDPage page = document.getPage(index);
      String text = flow.encodable("MoU " + mou.accreditationId() + " \u2014 version " + mou.version()
          + " \u2014 page " + (index + 1) + " of " + pages);
      float width = flow.width(text, flow.regular, SMALL_SIZE);
      try (PDPageContentStream stream = new PDPageContentStream(document, page, AppendMode.APPEND, true, true)) {
        stream.setStrokingColor(0.6f);
        stream.setLineWidth(0.5f);
        stream.moveTo(MARGIN_X, FOOTER_BASELINE + 12);
        stream.lineTo(PAGE.getWidth() - MARGIN_X, FOOTER_BASELINE + 12);
        stream.stroke();
        stream.setNonStrokingColor(0.3f);
        stream.beginText();
        stream.setFont(flow.regular, SMALL_SIZE);
        stream.newLineAtOffset(MARGIN_X + (CONTENT_WIDTH - width) / 2, FOOTER_BASELINE);
        stream.showText(text);
        stream.endText();
      }
    }
  }

  private static void describe(PDDocument document, MouDocument mou) {
    PDDocumentInformation info = document.getDocumentInformation();
    info.setTitle("Memorandum of Understanding \u2014 " + mou.organisationName());
    info.setSubject("MoU between the prison administration and " + mou.organisationName() + ", version "
        + mou.version() + " (accreditation " + mou.accreditationId() + ")");
    info.setCreator("Invisible Bars");
    info.setCreationDate(Calendar.getInstance(TimeZone.getTimeZone(ZoneOffset.UTC)));
  }

  private static String term(MouDocument mou) {
    String length = "This memorandum runs for " + mou.termMonths() + (mou.termMonths() == 1 ? " month" : " months");
    if (mou.termStart() == null) {
      return length + " from the day the Director signs it.";
    }
    String from = length + ", from " + DATE.format(mou.termStart());
    LocalDate end = mou.termEnd();
    return end == null ? from + "." : from + " to " + DATE.format(end) + ".";
  }

  private static String days(int days) {
    return days == 1 ? "1 day" : days + " days";
  }

  private static String mandate(String mandateType) {
    return switch (mandateType.toUpperCase(Locale.ROOT)) {
      case "NGO" -> "a non-governmental organisation";
      case "NPM" -> "the National Preventive Mechanism";
      case "ICRC" -> "the International Committee of the Red Cross";
      default -> mandateType;
    };
  }

  private static String humanise(String constant) {
    return constant.replace('_', ' ').toLowerCase(Locale.ROOT);
  }

  private static boolean isBlank(String text) {
    return text == null || text.isBlank();
  }

  /** Numbers the clauses in order, so that an absent optional clause leaves no gap. */
  private static final class Numbering {
    private int last;

    String next(String title) {
      return ++last + ". " + title;
    }
  }

  /** One party's signature block: who signs, in which role, and the signature once given. */
  private record SignatureBlock(String party, String role, Signature signature) {

    /** Draws the party and role from {@code top} (or only measures them) and returns their height. */
    float header(Flow flow, float x, float top, float width, boolean draw) throws IOException {
      float y = flow.block(party, flow.bold, x, top, width, draw);
      return top - flow.block(role, flow.regular, x, y, width, draw);
    }

    /**
     * Draws the block from {@code top} (or only measures it), its signature area starting {@code
     * headerHeight} below, and returns its height.
     */
    float draw(Flow flow, float x, float top, float width, float headerHeight, boolean draw) throws IOException {
      header(flow, x, top, width, draw);
      float y = top - headerHeight;
      if (signature != null) {
        y -= SIGNATURE_SPACE - BODY_SIZE * LEADING;
        y = flow.block("Signed electronically by " + signature.name(), flow.italic, x, y, width, draw);
      } else {
        y -= SIGNATURE_SPACE;
      }
      y -= 4;
      if (draw) {
        flow.line(x, y, x + width);
      }
      y -= 2;
      if (signature != null) {
        y = flow.block("Name: " + signature.name(), flow.regular, x, y, width, draw);
        y = flow.block("Date: " + SIGNED_AT.format(signature.signedAt()), flow.regular, x, y, width, draw);
      } else {
        y = flow.blank("Name:", x, y, width, draw);
        y = flow.blank("Date:", x, y, width, draw);
      }
      return top - y;
    }
  }

  /**
   * Lays text down the page from the top margin, wrapping at the content width and starting a new
   * page whenever the next line would cross the bottom margin.
   */
  private static final class Flow {
    final PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    final PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    final PDFont italic = new PDType1Font(Standard14Fonts.FontName.HELVETICA_OBLIQUE);
    private final PDDocument document;
    private final Map<Integer, String> encoded = new HashMap<>();
    private PDPageContentStream stream;
    float y;

    Flow(PDDocument document) {
      this.document = document;
    }

    void heading(String title) throws IOException {
      space(10);
      // keep a heading with the first lines of its clause
      ensureSpace(HEADING_SIZE * LEADING + 2 * BODY_SIZE * LEADING);
      for (String line : wrap(encodable(title), bold, HEADING_SIZE, CONTENT_WIDTH)) {
        lineOfText(line, bold, HEADING_SIZE, MARGIN_X);
      }
      space(2);
    }

    void paragraph(String text) throws IOException {
      for (String line : wrap(encodable(text), regular, BODY_SIZE, CONTENT_WIDTH)) {
        lineOfText(line, regular, BODY_SIZE, MARGIN_X);
      }
      space(4);
    }

    void bullet(String text) throws IOException {
      hanging("\u2022", regular, text, BULLET_WIDTH);
    }

    void labelled(String label, String text, float labelWidth) throws IOException {
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

    void centred(String text, PDFont font, float size) throws IOException {
      for (String line : wrap(encodable(text), font, size, CONTENT_WIDTH)) {
        lineOfText(line, font, size, MARGIN_X + (CONTENT_WIDTH - width(line, font, size)) / 2);
      }
    }

    void rule() throws IOException {
      ensureSpace(1);
      line(MARGIN_X, y, MARGIN_X + CONTENT_WIDTH);
    }

    void space(float height) {
      y -= height;
    }

    void ensureSpace(float height) throws IOException {
      if (stream == null || y - height < MARGIN_BOTTOM) {
        newPage();
      }
    }

    void finish() throws IOException {
      if (stream != null) {
        stream.close();
        stream = null;
      }
    }

    /** Wraps text into a column at {@code top}; draws it only when asked. Returns the new top. */
    float block(String text, PDFont font, float x, float top, float width, boolean draw) throws IOException {
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
    float blank(String label, float x, float top, float width, boolean draw) throws IOException {
      float baseline = top - BODY_SIZE;
      if (draw) {
        String text = encodable(label);
        show(text, regular, BODY_SIZE, x, baseline);
        line(x + width(text, regular, BODY_SIZE) + 4, baseline - 1, x + width);
      }
      return top - 1.6f * BODY_SIZE * LEADING;
    }

    void line(float fromX, float atY, float toX) throws IOException {
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

    float width(String text, PDFont font, float size) throws IOException {
      return font.getStringWidth(text) / 1000 * size;
    }

    /** Splits encodable text into lines no wider than {@code width}, breaking a word only if it is wider. */
    List<String> wrap(String text, PDFont font, float size, float width) throws IOException {
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
    String encodable(String text) {
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
  }
}
