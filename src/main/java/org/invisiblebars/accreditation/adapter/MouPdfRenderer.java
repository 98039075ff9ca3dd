package org.invisiblebars.accreditation.adapter;

import static org.invisiblebars.platform.pdf.PdfFlow.BODY_SIZE;
import static org.invisiblebars.platform.pdf.PdfFlow.CONTENT_WIDTH;
import static org.invisiblebars.platform.pdf.PdfFlow.LEADING;
import static org.invisiblebars.platform.pdf.PdfFlow.MARGIN_X;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Calendar;
import java.util.Locale;
import java.util.TimeZone;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.invisiblebars.accreditation.usecase.MouDocument;
import org.invisiblebars.accreditation.usecase.MouDocument.Signature;
import org.invisiblebars.platform.pdf.PdfFlow;
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


  private static final float TITLE_SIZE = 20;
  private static final float SUBTITLE_SIZE = 12;
  private static final float LABEL_WIDTH = 44;
  private static final float SIGNATURE_SPACE = 34;
  private static final float COLUMN_GAP = 28;

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);
  private static final DateTimeFormatter SIGNED_AT =
      DateTimeFormatter.ofPattern("d MMMM uuuu, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);


  /** Renders every page of the MoU; the result is a complete PDF file. */
  public byte[] render(MouDocument mou) {
    try (PDDocument document = new PDDocument()) {
      PdfFlow flow = new PdfFlow(document);
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

  private void writeTitle(PdfFlow flow, MouDocument mou) throws IOException {
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

  private void writeParties(PdfFlow flow, MouDocument mou) throws IOException {
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

  private void writeClauses(PdfFlow flow, MouDocument mou) throws IOException {
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

  private void writeSignatures(PdfFlow flow, MouDocument mou) throws IOException {
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

  private void writeFooters(PDDocument document, PdfFlow flow, MouDocument mou) throws IOException {
    flow.footers(document, page -> "MoU " + mou.accreditationId() + " \u2014 version " + mou.version());
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
    float header(PdfFlow flow, float x, float top, float width, boolean draw) throws IOException {
      float y = flow.block(party, flow.bold, x, top, width, draw);
      return top - flow.block(role, flow.regular, x, y, width, draw);
    }

    /**
     * Draws the block from {@code top} (or only measures it), its signature area starting {@code
     * headerHeight} below, and returns its height.
     */
    float draw(PdfFlow flow, float x, float top, float width, float headerHeight, boolean draw) throws IOException {
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
}
