package org.invisiblebars.entry.adapter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.invisiblebars.entry.usecase.VisitQueries.NoticeAcknowledgement;
import org.invisiblebars.entry.usecase.VisitQueries.SearchNotice;
import org.invisiblebars.platform.pdf.PdfFlow;
import org.springframework.stereotype.Component;

/** The search notice as a one-page PDF the organisation hands to each of its visitors. */
@Component
public class SearchNoticePdf {

  private static final float LABEL_WIDTH = 90;
  private static final DateTimeFormatter AT =
      DateTimeFormatter.ofPattern("d MMMM uuuu, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  public byte[] render(SearchNotice notice) {
    try (PDDocument document = new PDDocument()) {
      PdfFlow flow = new PdfFlow(document);
      flow.centred("Search notice", flow.bold, 20);
      flow.space(4);
      flow.centred(notice.facilityName() + " \u2014 " + notice.window(), flow.regular, 12);
      flow.space(10);
      flow.rule();
      flow.space(6);
      flow.labelled("Organisation", notice.organisationName(), LABEL_WIDTH);
      flow.labelled("Search level", notice.searchTitle() + " (" + notice.searchLevel() + ")", LABEL_WIDTH);
      if (notice.escort() != null) {
        flow.labelled("Escort", notice.escort() + ", meeting at " + notice.meetingPoint(), LABEL_WIDTH);
      }
      if (notice.conditions() != null) {
        flow.labelled("Conditions", notice.conditions(), LABEL_WIDTH);
      }
      flow.heading("Why you are searched");
      flow.paragraph(notice.why());
      flow.heading("How you will be searched");
      for (String technique : notice.techniques()) {
        flow.bullet(technique);
      }
      flow.heading("Your rights");
      for (String right : notice.rights()) {
        flow.bullet(right);
      }
      flow.heading("Acknowledgements");
      for (NoticeAcknowledgement ack : notice.acknowledgements()) {
        flow.labelled(ack.name(), ack.acknowledgedAt() == null ? "not acknowledged yet" : "acknowledged " + AT.format(ack.acknowledgedAt()),
            LABEL_WIDTH + 60);
      }
      flow.finish();
      flow.footers(document, page -> "Search notice for visit " + notice.visitId());
      document.getDocumentInformation().setTitle("Search notice \u2014 " + notice.facilityName());
      document.getDocumentInformation().setCreator("Invisible Bars");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not render the search notice of visit " + notice.visitId(), e);
    }
  }
}
