package org.invisiblebars.accreditation.adapter.web;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.invisiblebars.accreditation.usecase.SupportingDocuments;
import org.invisiblebars.accreditation.usecase.SupportingDocuments.Opened;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The staff who review applications open a supporting document from their Tasklist form ({@code
 * /documents/{id}}; the groups are the route's rule in platform/security): the file as uploaded,
 * always as a download of its detected type, never rendered by the browser as a page of ours.
 */
@Controller
public class SupportingDocumentFiles {

  private final SupportingDocuments documents;

  SupportingDocumentFiles(SupportingDocuments documents) {
    this.documents = documents;
  }

  @GetMapping("/documents/{id}")
  ResponseEntity<byte[]> staffDownload(@PathVariable UUID id) {
    return download(documents.open(id, Optional.empty()));
  }

  /**
   * The file as an attachment with its detected type, its sanitised name, {@code nosniff} and no
   * caching: a browser saves it rather than showing it in our origin, and never guesses another
   * type.
   */
  public static ResponseEntity<byte[]> download(Opened opened) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.parseMediaType(opened.document().mediaType()));
    headers.setContentDisposition(
        ContentDisposition.attachment()
            .filename(opened.document().fileName(), StandardCharsets.UTF_8)
            .build());
    headers.set("X-Content-Type-Options", "nosniff");
    headers.setCacheControl(CacheControl.noStore().cachePrivate());
    headers.setContentLength(opened.content().length);
    return ResponseEntity.ok().headers(headers).body(opened.content());
  }
}
