package org.invisiblebars.entry.adapter;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.invisiblebars.entry.domain.SearchLevel;
import org.invisiblebars.entry.usecase.VisitQueries.SearchNotice;
import org.invisiblebars.platform.pdf.PdfTemplates;
import org.springframework.stereotype.Component;

/**
 * The search notice as the PDF the organisation hands to each of its visitors, from the template
 * {@code templates/pdf/search-notice.html}, in the reader's language: why, how (each search level
 * up to the one authorised, with its techniques) and the visitors' rights.
 */
@Component
public class SearchNoticePdf {

  private final PdfTemplates pdf;

  public SearchNoticePdf(PdfTemplates pdf) {
    this.pdf = pdf;
  }

  public byte[] render(SearchNotice notice, Locale language) {
    SearchLevel authorised = SearchLevel.valueOf(notice.searchLevel());
    return pdf.render(
        "search-notice",
        Map.of(
            "notice",
            notice,
            "levels",
            Arrays.stream(SearchLevel.values())
                .filter(level -> !level.exceeds(authorised))
                .map(SearchLevel::name)
                .toList(),
            "zone",
            ZoneId.of(notice.zone()),
            "utc",
            ZoneOffset.UTC),
        "the search notice of visit " + notice.visitId(),
        language);
  }
}
