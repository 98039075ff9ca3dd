package org.invisiblebars.entry.adapter;

import java.time.ZoneOffset;
import java.util.Map;
import org.invisiblebars.entry.usecase.VisitQueries.SearchNotice;
import org.invisiblebars.platform.pdf.PdfTemplates;
import org.springframework.stereotype.Component;

/**
 * The search notice as the PDF the organisation hands to each of its visitors, from the template
 * {@code templates/pdf/search-notice.html}.
 */
@Component
public class SearchNoticePdf {

  private final PdfTemplates pdf;

  public SearchNoticePdf(PdfTemplates pdf) {
    this.pdf = pdf;
  }

  public byte[] render(SearchNotice notice) {
    return pdf.render(
        "search-notice",
        Map.of("notice", notice, "utc", ZoneOffset.UTC),
        "the search notice of visit " + notice.visitId());
  }
}
