package org.invisiblebars.accreditation.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.invisiblebars.platform.validation.InvalidInputException;
import org.invisiblebars.platform.validation.InvalidInputException.FieldProblem;
import org.invisiblebars.support.SampleFiles;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/**
 * A supporting document is judged on its bytes: real PDF, PNG and JPEG files pass with their type
 * detected; a text file or an executable named {@code .pdf} is refused naming the field; an empty
 * file and one over the limit are refused; the name is kept only sanitised.
 */
class DocumentChecksTest {

  private final DocumentChecks checks = new DocumentChecks(DataSize.ofKilobytes(64));

  @Test
  void realPdfPngAndJpegFilesPassWithTheTypeOfTheirContent() throws Exception {
    byte[] pdf = SampleFiles.pdf("Statutes");
    DocumentChecks.Checked checked = checks.check("statutes", "statutes.pdf", pdf);
    assertThat(checked.mediaType()).isEqualTo("application/pdf");
    assertThat(checked.size()).isEqualTo(pdf.length);
    assertThat(checked.sha256())
        .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf)));
    assertThat(checks.check("reference", "scan.png", SampleFiles.png()).mediaType())
        .isEqualTo("image/png");
    // the name says PDF, the content is a JPEG: the content decides
    assertThat(checks.check("reference", "letter.pdf", SampleFiles.jpeg()).mediaType())
        .isEqualTo("image/jpeg");
  }

  @Test
  void anExecutableOrTextNamedPdfIsRefusedNamingTheField() {
    assertThatThrownBy(
            () ->
                checks.check(
                    "registrationCertificate", "certificate.pdf", SampleFiles.executable()))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            refused ->
                assertThat(refused.problems())
                    .extracting(FieldProblem::field)
                    .containsExactly("registrationCertificate"));
    assertThatThrownBy(() -> checks.check("statutes", "statutes.pdf", SampleFiles.text()))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            refused ->
                assertThat(refused.problems())
                    .containsExactly(
                        new FieldProblem(
                            "statutes",
                            "must be a PDF, PNG or JPEG file (its content is not one, whatever its"
                                + " name)")));
    assertThatThrownBy(
            () ->
                checks.check(
                    "statutes",
                    "page.pdf",
                    "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void anEmptyFileAndOneOverTheLimitAreRefused() {
    assertThatThrownBy(() -> checks.check("statutes", "empty.pdf", new byte[0]))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            refused -> assertThat(refused.problems().get(0).problem()).startsWith("is empty"));
    assertThat(checks.check("statutes", "full.pdf", SampleFiles.pdfOfSize(64 * 1024)).size())
        .isEqualTo(64 * 1024);
    assertThatThrownBy(
            () -> checks.check("statutes", "big.pdf", SampleFiles.pdfOfSize(64 * 1024 + 1)))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            refused ->
                assertThat(refused.problems())
                    .containsExactly(new FieldProblem("statutes", "must be at most 64 KB")));
  }

  @Test
  void theNameIsKeptSanitised() {
    assertThat(
            DocumentChecks.sanitisedName(
                "C:\\Users\\ada\\Statuts 2026 (signés).pdf", "application/pdf"))
        .isEqualTo("Statuts 2026 (signés).pdf");
    assertThat(DocumentChecks.sanitisedName("../../etc/passwd", "application/pdf"))
        .isEqualTo("passwd");
    assertThat(DocumentChecks.sanitisedName("<img src=x onerror=alert(1)>.png", "image/png"))
        .isEqualTo("_img src_x onerror_alert(1)_.png");
    assertThat(DocumentChecks.sanitisedName("...", "image/png")).isEqualTo("document.png");
    assertThat(DocumentChecks.sanitisedName(null, "image/jpeg")).isEqualTo("document.jpg");
    assertThat(DocumentChecks.sanitisedName("a".repeat(300) + ".pdf", "application/pdf"))
        .hasSize(200)
        .endsWith(".pdf");
  }
}
