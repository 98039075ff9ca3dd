package org.invisiblebars.portal.adapter.web;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.invisiblebars.accreditation.adapter.MouPdfRenderer;
import org.invisiblebars.accreditation.usecase.AccreditationQueries;
import org.invisiblebars.entry.adapter.SearchNoticePdf;
import org.invisiblebars.entry.usecase.VisitQueries;
import org.invisiblebars.entry.usecase.VisitQueries.SearchNotice;
import org.invisiblebars.organisation.adapter.OrganisationScope;
import org.invisiblebars.platform.validation.NotFoundException;
import org.invisiblebars.platform.web.Caller;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The PDFs an organisation downloads from the portal (its MoU, a visit's search notice): the same
 * documents and renderers as the NGO API's {@code mou.pdf} and {@code search-notice.pdf}, for the
 * portal's session, the organisation's own records only (another's is 404). Served as attachments
 * so the browser saves them.
 */
@Controller
class DownloadPages {

  private final OrganisationScope scope;
  private final AccreditationQueries accreditations;
  private final VisitQueries visits;
  private final MouPdfRenderer mouPdf;
  private final SearchNoticePdf noticePdf;

  DownloadPages(
      OrganisationScope scope,
      AccreditationQueries accreditations,
      VisitQueries visits,
      MouPdfRenderer mouPdf,
      SearchNoticePdf noticePdf) {
    this.scope = scope;
    this.accreditations = accreditations;
    this.visits = visits;
    this.mouPdf = mouPdf;
    this.noticePdf = noticePdf;
  }

  @GetMapping("/portal/accreditations/{id}/mou.pdf")
  ResponseEntity<byte[]> mou(
      @PathVariable UUID id, Authentication authentication, Locale language) {
    Optional<UUID> own = Optional.of(scope.ownOrganisation(Caller.of(authentication)));
    var document =
        accreditations
            .mouDocument(id, own)
            .orElseThrow(() -> new NotFoundException("MoU of accreditation " + id));
    return pdf(
        "mou-" + document.reference() + "-v" + document.version() + ".pdf",
        mouPdf.render(document, language));
  }

  @GetMapping("/portal/visits/{id}/search-notice.pdf")
  ResponseEntity<byte[]> searchNotice(
      @PathVariable UUID id, Authentication authentication, Locale language) {
    SearchNotice notice =
        visits.notice(id, Optional.of(scope.ownOrganisation(Caller.of(authentication))));
    return pdf("search-notice-" + notice.reference() + ".pdf", noticePdf.render(notice, language));
  }

  private static ResponseEntity<byte[]> pdf(String filename, byte[] content) {
    return ResponseEntity.ok()
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(filename).build().toString())
        .contentType(MediaType.APPLICATION_PDF)
        .body(content);
  }
}
