package org.invisiblebars.support;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Small real files for the tests of supporting documents, made by the test itself: a one-page PDF,
 * PNG and JPEG images drawn with ImageIO, a Windows executable's header and plain text (to be
 * uploaded under a {@code .pdf} name), and a file one byte over a limit.
 */
public final class SampleFiles {

  private SampleFiles() {}

  /** A minimal, well-formed one-page PDF document. */
  public static byte[] pdf(String text) {
    String content = "BT /F1 12 Tf 72 720 Td (" + text + ") Tj ET";
    String[] objects = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
          + " /Resources << /Font << /F1 5 0 R >> >> >>",
      "<< /Length " + content.length() + " >>\nstream\n" + content + "\nendstream",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
    };
    StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
    int[] offsets = new int[objects.length];
    for (int i = 0; i < objects.length; i++) {
      offsets[i] = pdf.length();
      pdf.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
    }
    int xref = pdf.length();
    pdf.append("xref\n0 ").append(objects.length + 1).append("\n0000000000 65535 f \n");
    for (int offset : offsets) {
      pdf.append(String.format("%010d 00000 n \n", offset));
    }
    pdf.append("trailer\n<< /Size ")
        .append(objects.length + 1)
        .append(" /Root 1 0 R >>\nstartxref\n")
        .append(xref)
        .append("\n%%EOF\n");
    return pdf.toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  public static byte[] png() {
    return image("png");
  }

  public static byte[] jpeg() {
    return image("jpg");
  }

  /** The start of a Windows executable (the MZ header with its PE offset), as a virus would be. */
  public static byte[] executable() {
    byte[] exe = new byte[512];
    exe[0] = 'M';
    exe[1] = 'Z';
    exe[0x3c] = (byte) 0x80;
    exe[0x80] = 'P';
    exe[0x81] = 'E';
    return exe;
  }

  public static byte[] text() {
    return "Statutes of the association, article 1: the name.\n".getBytes(StandardCharsets.UTF_8);
  }

  /** A PDF padded to {@code size} bytes (still a PDF by its content). */
  public static byte[] pdfOfSize(int size) {
    byte[] start = pdf("large");
    byte[] padded = new byte[size];
    System.arraycopy(start, 0, padded, 0, start.length);
    for (int i = start.length; i < size; i++) {
      padded[i] = ' ';
    }
    return padded;
  }

  /** Writes the bytes to a file named {@code name} in {@code folder} (for a browser's upload). */
  public static Path write(Path folder, String name, byte[] content) {
    try {
      Files.createDirectories(folder);
      return Files.write(folder.resolve(name), content);
    } catch (IOException failed) {
      throw new UncheckedIOException(failed);
    }
  }

  private static byte[] image(String format) {
    BufferedImage image = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
    Graphics2D graphics = image.createGraphics();
    graphics.setColor(Color.WHITE);
    graphics.fillRect(0, 0, 40, 20);
    graphics.setColor(Color.BLUE);
    graphics.drawString("ok", 5, 15);
    graphics.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, format, out);
    } catch (IOException failed) {
      throw new UncheckedIOException(failed);
    }
    return out.toByteArray();
  }
}
