package org.invisiblebars.platform.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PdfTemplatesTest {

  private final PdfTemplates templates = TestPdfTemplates.create();

  @Test
  void aDocumentReadsNoFileOrUrlFromOutsideTheJar(@TempDir Path directory) throws IOException {
    Path image = directory.resolve("secret.png");
    ImageIO.write(new BufferedImage(40, 40, BufferedImage.TYPE_INT_RGB), "png", image.toFile());
    assertThat(Files.size(image)).isPositive();

    byte[] pdf =
        templates.render(
            "test-external-image",
            Map.of("source", image.toUri().toString()),
            "a test",
            Locale.ENGLISH);

    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(new PDFTextStripper().getText(document))
          .contains("Before the image.", "After the image.");
      for (PDPage page : document.getPages()) {
        for (COSName name : page.getResources().getXObjectNames()) {
          assertThat(page.getResources().isImageXObject(name))
              .as("an image read from the machine")
              .isFalse();
        }
      }
    }
  }
}
