package org.invisiblebars.accreditation.adapter;

import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import org.invisiblebars.accreditation.usecase.MouDocument;
import org.invisiblebars.platform.pdf.PdfTemplates;
import org.springframework.stereotype.Component;

/**
 * Renders an MoU as the A4 PDF that the NGO countersigns and the director signs, from the template
 * {@code templates/pdf/mou.html}: the parties, the numbered clauses (who, when, how, what, where
 * not, confidentiality, term, and where they apply the continuity plan and universal access), the
 * signature blocks and a footer naming the accreditation, version and page on every page; in the
 * reader's language, with the clauses the parties wrote as they wrote them. Names in any script the
 * embedded fonts cover print as written.
 */
@Component
public class MouPdfRenderer {

  private final PdfTemplates pdf;

  public MouPdfRenderer(PdfTemplates pdf) {
    this.pdf = pdf;
  }

  /** Renders every page of the MoU; the result is a complete PDF file. */
  public byte[] render(MouDocument mou, Locale language) {
    return pdf.render(
        "mou",
        Map.of("mou", mou, "utc", ZoneOffset.UTC),
        "the MoU of accreditation " + mou.accreditationId(),
        language);
  }
}
